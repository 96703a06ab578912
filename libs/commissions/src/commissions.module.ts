import { Module } from '@nestjs/common';
import { CommissionService } from './commission.service.js';
import { CommissionsController } from './commissions.controller.js';

@Module({ controllers: [CommissionsController], providers: [CommissionService] })
export class CommissionsModule {}
