import { Module } from '@nestjs/common';
import { PeoplePersistenceModule } from './people-persistence.module.js';
import { MailModule } from '@app/mail';
import { PasswordResetEmailHandler } from './password-reset-email.handler.js';
import { WelcomeEmailHandler } from './welcome-email.handler.js';
import { NoticeEmailHandler } from './notices/notice-email.handler.js';

/** The people's jobs: the welcome e-mail to a person given a login, the e-mail to reset a password, and the notices every feature sends people. */
@Module({ imports: [MailModule, PeoplePersistenceModule], providers: [WelcomeEmailHandler, PasswordResetEmailHandler, NoticeEmailHandler] })
export class PeopleWorkerModule {}
