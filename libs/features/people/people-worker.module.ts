import { Module } from '@nestjs/common';
import { PeoplePersistenceModule } from './people-persistence.module.js';
import { MailModule } from '@app/mail';
import { WelcomeEmailHandler } from './welcome-email.handler.js';

/** The people's jobs: the welcome e-mail to a person given a login. */
@Module({ imports: [MailModule, PeoplePersistenceModule], providers: [WelcomeEmailHandler] })
export class PeopleWorkerModule {}
