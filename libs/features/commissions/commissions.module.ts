import { Module } from '@nestjs/common';
import { MeetingsModule } from '@app/meetings';
import { CommissionsPersistenceModule } from './commissions-persistence.module.js';
import { CommissionRemindersModule } from './commission-reminders.module.js';
import { CommissionService } from './commission.service.js';
import { CommissionNotices } from './commission-notices.js';
import { CommissionsController } from './commissions.controller.js';

@Module({ imports: [CommissionsPersistenceModule, CommissionRemindersModule, MeetingsModule], controllers: [CommissionsController], providers: [CommissionService, CommissionNotices] })
export class CommissionsModule {}
