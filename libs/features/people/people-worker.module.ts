import { Module } from '@nestjs/common';
import { PeoplePersistenceModule } from './people-persistence.module.js';
import { MailModule } from '@app/mail';
import { WelcomeEmailHandler } from './welcome-email.handler.js';
import { NoticeEmailHandler } from './notices/notice-email.handler.js';

/** The people's jobs: the welcome e-mail to a person given a login, and the notices every feature sends people. */
@Module({ imports: [MailModule, PeoplePersistenceModule], providers: [WelcomeEmailHandler, NoticeEmailHandler] })
export class PeopleWorkerModule {}
