import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectorsRepository } from './directors.repository.js';
import { MailRecipientRepository } from './mail-recipient.repository.js';
import { Person } from './person.entity.js';

/** The people's table: each person, and a login where given. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({
  imports: [TypeOrmModule.forFeature([Person])],
  providers: [MailRecipientRepository, DirectorsRepository],
  exports: [TypeOrmModule, MailRecipientRepository, DirectorsRepository],
})
export class PeoplePersistenceModule {}
