import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectorsRepository } from './directors.repository.js';
import { MailRecipientRepository } from './mail-recipient.repository.js';
import { PasswordToken } from './password-token.entity.js';
import { PasswordTokenRepository } from './password-token.repository.js';
import { Person } from './person.entity.js';
import { PersonRepository } from './person.repository.js';

/** The people's tables: each person, a login where given, and the links to choose a password. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({
  imports: [TypeOrmModule.forFeature([Person, PasswordToken])],
  providers: [PersonRepository, MailRecipientRepository, DirectorsRepository, PasswordTokenRepository],
  exports: [TypeOrmModule, PersonRepository, MailRecipientRepository, DirectorsRepository, PasswordTokenRepository],
})
export class PeoplePersistenceModule {}
