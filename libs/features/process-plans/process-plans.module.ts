import { Module } from '@nestjs/common';
import { ProcessPlansPersistenceModule } from './process-plans-persistence.module.js';
import { PhaseRemindersModule } from './phase-reminders.module.js';
import { PhaseParticipantService } from './phase-participant.service.js';
import { PhaseParticipantsController } from './phase-participants.controller.js';
import { PhaseService } from './phase.service.js';
import { PhasesController } from './phases.controller.js';
import { ProcessPlanController } from './process-plan.controller.js';

/** The committee's process plan: phases on quarters, their workflow and participants, and the plan drawn. */
@Module({
  imports: [ProcessPlansPersistenceModule, PhaseRemindersModule],
  controllers: [PhasesController, PhaseParticipantsController, ProcessPlanController],
  providers: [PhaseService, PhaseParticipantService],
  exports: [PhaseService],
})
export class ProcessPlansModule {}
