import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeoplePersistenceModule } from '@app/people';
import { Body } from './body.entity.js';
import { Committee } from './committee.entity.js';
import { Membership } from './membership.entity.js';

/** Bodies, committees and their seats. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({ imports: [PeoplePersistenceModule, TypeOrmModule.forFeature([Body, Committee, Membership])], exports: [PeoplePersistenceModule, TypeOrmModule] })
export class CommitteesPersistenceModule {}
