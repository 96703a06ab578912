import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Person } from './person.entity.js';
import { PersonLookupRepository } from './person-lookup.repository.js';

/** The people's table: each person, and a login where given. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({ imports: [TypeOrmModule.forFeature([Person])], providers: [PersonLookupRepository], exports: [TypeOrmModule, PersonLookupRepository] })
export class PeoplePersistenceModule {}
