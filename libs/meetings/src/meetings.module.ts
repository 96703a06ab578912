import { Module } from '@nestjs/common';
import { AgendaItemService } from './agenda-item.service.js';
import { AgendaItemsController } from './agenda-items.controller.js';
import { AttendanceService } from './attendance.service.js';
import { MeetingService } from './meeting.service.js';
import { MeetingViewRepository } from './meeting-view.repository.js';
import { MeetingsController } from './meetings.controller.js';

@Module({
  controllers: [MeetingsController, AgendaItemsController],
  providers: [MeetingService, AgendaItemService, AttendanceService, MeetingViewRepository],
  exports: [MeetingService, AgendaItemService, MeetingViewRepository],
})
export class MeetingsModule {}
