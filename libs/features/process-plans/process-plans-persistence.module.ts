import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteesPersistenceModule } from '@app/committees';
import { Phase } from './phase.entity.js';
import { PhaseParticipant } from './phase-participant.entity.js';

/** Phases of the process plan and their invited participants. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({ imports: [CommitteesPersistenceModule, TypeOrmModule.forFeature([Phase, PhaseParticipant])], exports: [CommitteesPersistenceModule, TypeOrmModule] })
export class ProcessPlansPersistenceModule {}
