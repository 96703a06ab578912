import { Module } from '@nestjs/common';
import { PeoplePersistenceModule } from './people-persistence.module.js';
import { MailModule } from '@app/mail';
import { PasswordResetEmailHandler } from './password-reset-email.handler.js';
import { WelcomeEmailHandler } from './welcome-email.handler.js';

/** The people's jobs: the welcome e-mail to a person given a login, and the e-mail to reset a password. */
@Module({ imports: [MailModule, PeoplePersistenceModule], providers: [WelcomeEmailHandler, PasswordResetEmailHandler] })
export class PeopleWorkerModule {}
