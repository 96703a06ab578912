import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryIntentsModule } from '@app/mail';
import { DirectorsRepository } from './directors.repository.js';
import { IntendedMail } from './intended-mail.js';
import { MailRecipientRepository } from './mail-recipient.repository.js';
import { NoticeMailer } from './notices/notice-mailer.js';
import { PasswordToken } from './password-token.entity.js';
import { PasswordTokenRepository } from './password-token.repository.js';
import { PersonBody } from './person-body.entity.js';
import { Person } from './person.entity.js';
import { PersonRepository } from './person.repository.js';

/** The people's tables: each person, a login where given, and the links to choose a password. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({
  imports: [TypeOrmModule.forFeature([Person, PersonBody, PasswordToken]), DeliveryIntentsModule],
  providers: [PersonRepository, MailRecipientRepository, IntendedMail, DirectorsRepository, NoticeMailer, PasswordTokenRepository],
  exports: [TypeOrmModule, PersonRepository, MailRecipientRepository, IntendedMail, DirectorsRepository, NoticeMailer, PasswordTokenRepository],
})
export class PeoplePersistenceModule {}
