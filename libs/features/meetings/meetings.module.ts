import { Module } from '@nestjs/common';
import { MeetingsPersistenceModule } from './meetings-persistence.module.js';
import { RemindersModule } from '@app/reminders';
import { AgendaMailScheduler } from './agenda-mail.scheduler.js';
import { AgendaItemService } from './agenda-item.service.js';
import { AgendaItemsController } from './agenda-items.controller.js';
import { AttachmentContentStore } from './attachment-content.store.js';
import { AttachmentService } from './attachment.service.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttendanceService } from './attendance.service.js';
import { CaseRouteController } from './case-route.controller.js';
import { CaseRouteService } from './case-route.service.js';
import { ItemNoteService } from './item-note.service.js';
import { ItemNotesController } from './item-notes.controller.js';
import { MeetingDeliveriesController } from './meeting-deliveries.controller.js';
import { MeetingDeliveriesService } from './meeting-deliveries.service.js';
import { MeetingInvitationController } from './meeting-invitation.controller.js';
import { MeetingInvitationService } from './meeting-invitation.service.js';
import { MeetingService } from './meeting.service.js';
import { MeetingViewRepository } from './meeting-view.repository.js';
import { MeetingsController } from './meetings.controller.js';
import { PublicMeetingService } from './public-meeting.service.js';
import { PublicMeetingsController } from './public-meetings.controller.js';

@Module({
  imports: [MeetingsPersistenceModule, RemindersModule],
  controllers: [
    MeetingsController,
    AgendaItemsController,
    MeetingDeliveriesController,
    AttachmentsController,
    ItemNotesController,
    PublicMeetingsController,
    MeetingInvitationController,
    CaseRouteController,
  ],
  providers: [
    MeetingService,
    AgendaItemService,
    AttendanceService,
    MeetingViewRepository,
    AgendaMailScheduler,
    MeetingDeliveriesService,
    AttachmentContentStore,
    AttachmentService,
    ItemNoteService,
    PublicMeetingService,
    MeetingInvitationService,
    CaseRouteService,
  ],
  exports: [MeetingService, AgendaItemService, MeetingViewRepository, AttachmentContentStore, MeetingInvitationService],
})
export class MeetingsModule {}
