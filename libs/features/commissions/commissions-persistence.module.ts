import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteesPersistenceModule } from '@app/committees';
import { MeetingsPersistenceModule } from '@app/meetings';
import { Commission } from './commission.entity.js';
import { CommissionRepository } from './commission.repository.js';

/** The kommissorium's versions. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({ imports: [CommitteesPersistenceModule, MeetingsPersistenceModule, TypeOrmModule.forFeature([Commission])], providers: [CommissionRepository], exports: [CommitteesPersistenceModule, TypeOrmModule, CommissionRepository] })
export class CommissionsPersistenceModule {}
