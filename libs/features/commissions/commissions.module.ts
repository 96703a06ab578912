import { Module } from '@nestjs/common';
import { CommissionsPersistenceModule } from './commissions-persistence.module.js';
import { RemindersModule } from '@app/reminders';
import { CommissionService } from './commission.service.js';
import { CommissionsController } from './commissions.controller.js';

@Module({ imports: [CommissionsPersistenceModule, RemindersModule], controllers: [CommissionsController], providers: [CommissionService] })
export class CommissionsModule {}
