import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectorsRepository } from './directors.repository.js';
import { MailRecipientRepository } from './mail-recipient.repository.js';
import { NoticeMailer } from './notices/notice-mailer.js';
import { PersonBody } from './person-body.entity.js';
import { Person } from './person.entity.js';
import { PersonRepository } from './person.repository.js';

/** The people's table: each person, and a login where given. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({
  imports: [TypeOrmModule.forFeature([Person, PersonBody])],
  providers: [PersonRepository, MailRecipientRepository, DirectorsRepository, NoticeMailer],
  exports: [TypeOrmModule, PersonRepository, MailRecipientRepository, DirectorsRepository, NoticeMailer],
})
export class PeoplePersistenceModule {}
