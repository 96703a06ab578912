import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteesPersistenceModule } from '@app/committees';
import { AgendaItemAim, CommitteeAim, PhaseAim, StrategicAim } from './strategic-aim.entity.js';
import { StrategyController } from './strategy.controller.js';
import { StrategyRepository } from './strategy.repository.js';
import { StrategyService } from './strategy.service.js';

/** The red thread (den røde tråd): a body's strategic aims and the committees, phases and agenda items that serve them. */
@Module({
  imports: [CommitteesPersistenceModule, TypeOrmModule.forFeature([StrategicAim, CommitteeAim, PhaseAim, AgendaItemAim])],
  controllers: [StrategyController],
  providers: [StrategyRepository, StrategyService],
})
export class StrategyModule {}
