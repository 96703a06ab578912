import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Person } from './person.entity.js';

/** The people's table: each person, and a login where given. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({ imports: [TypeOrmModule.forFeature([Person])], exports: [TypeOrmModule] })
export class PeoplePersistenceModule {}
