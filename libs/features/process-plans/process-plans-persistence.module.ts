import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteesPersistenceModule } from '@app/committees';
import { Phase } from './phase.entity.js';
import { PhaseParticipant } from './phase-participant.entity.js';
import { PhaseParticipantRepository } from './phase-participant.repository.js';
import { PhaseRepository } from './phase.repository.js';

/** Phases of the process plan and their invited participants. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({
  imports: [CommitteesPersistenceModule, TypeOrmModule.forFeature([Phase, PhaseParticipant])],
  providers: [PhaseRepository, PhaseParticipantRepository],
  exports: [CommitteesPersistenceModule, TypeOrmModule, PhaseRepository, PhaseParticipantRepository],
})
export class ProcessPlansPersistenceModule {}
