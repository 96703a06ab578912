import { Module } from '@nestjs/common';
import { RemindersModule } from '@app/reminders';
import { CommissionService } from './commission.service.js';
import { CommissionsController } from './commissions.controller.js';

@Module({ imports: [RemindersModule], controllers: [CommissionsController], providers: [CommissionService] })
export class CommissionsModule {}
