import { PublicationPrivacyCheck } from './public/publication-privacy.js';
import { Module } from '@nestjs/common';
import { MeetingsPersistenceModule } from './meetings-persistence.module.js';
import { DeliveryLedger } from '@app/mail';
import { MeetingRemindersModule } from './reminders/meeting-reminders.module.js';
import { AgendaMailRepository } from './mail/agenda-mail.repository.js';
import { AgendaMailScheduler } from './mail/agenda-mail.scheduler.js';
import { AgendaItemService } from './agenda/agenda-item.service.js';
import { AgendaItemsController } from './agenda/agenda-items.controller.js';
import { AgendaItemReferralService } from './agenda/agenda-item-referral.service.js';
import { AgendaItemReferralsController } from './agenda/agenda-item-referrals.controller.js';
import { ReferralProposals } from './agenda/referral-proposals.js';
import { AttachmentContentStore } from './attachments/attachment-content.store.js';
import { AttachmentService } from './attachments/attachment.service.js';
import { AttachmentsController } from './attachments/attachments.controller.js';
import { AttendanceService } from './attendance/attendance.service.js';
import { CaseRouteController } from './cases/case-route.controller.js';
import { CaseRouteService } from './cases/case-route.service.js';
import { ItemNoteService } from './notes/item-note.service.js';
import { ItemNotesController } from './notes/item-notes.controller.js';
import { ItemVoteService } from './votes/item-vote.service.js';
import { ItemVotesController } from './votes/item-votes.controller.js';
import { MeetingDeliveriesController } from './deliveries/meeting-deliveries.controller.js';
import { MeetingDeliveriesService } from './deliveries/meeting-deliveries.service.js';
import { MeetingInvitationController } from './invitation/meeting-invitation.controller.js';
import { MeetingInvitationService } from './invitation/meeting-invitation.service.js';
import { MeetingService } from './meeting/meeting.service.js';
import { MeetingNotice } from './meeting/meeting-notice.js';
import { MeetingsController } from './meeting/meetings.controller.js';
import { PublicMeetingService } from './public/public-meeting.service.js';
import { PublicMeetingsController } from './public/public-meetings.controller.js';
import { AgendaDocumentBuilds } from './documents/agenda-document-builds.js';
import { AgendaDocumentService } from './documents/agenda-document.service.js';
import { AgendaDocumentStore } from './documents/agenda-document.store.js';
import { AgendaDocumentsController, PublicAgendaDocumentsController } from './documents/agenda-documents.controller.js';
import { MeetingSubstituteService } from './substitutes/meeting-substitute.service.js';
import { MeetingSubstitutesController } from './substitutes/meeting-substitutes.controller.js';
import { CalendarFeedService } from './feeds/calendar-feed.service.js';
import { CalendarFeedsController, MyCalendarFeedController } from './feeds/calendar-feeds.controller.js';

@Module({
  imports: [MeetingsPersistenceModule, MeetingRemindersModule],
  controllers: [
    MeetingsController,
    AgendaItemsController,
    AgendaItemReferralsController,
    MeetingDeliveriesController,
    AttachmentsController,
    ItemNotesController,
    ItemVotesController,
    PublicMeetingsController,
    MeetingInvitationController,
    CaseRouteController,
    AgendaDocumentsController,
    PublicAgendaDocumentsController,
    CalendarFeedsController,
    MyCalendarFeedController,
    MeetingSubstitutesController,
  ],
  providers: [
    MeetingService,
    MeetingNotice,
    AgendaItemService,
    AgendaItemReferralService,
    ReferralProposals,
    AttendanceService,
    AgendaMailRepository,
    AgendaMailScheduler,
    DeliveryLedger,
    MeetingDeliveriesService,
    AttachmentContentStore,
    AttachmentService,
    ItemNoteService,
    ItemVoteService,
    PublicMeetingService,
    MeetingInvitationService,
    CaseRouteService,
    AgendaDocumentBuilds,
    AgendaDocumentService,
    AgendaDocumentStore,
    CalendarFeedService,
    MeetingSubstituteService,
    PublicationPrivacyCheck,
  ],
  exports: [MeetingsPersistenceModule, MeetingService, AgendaItemService, AttachmentContentStore, MeetingInvitationService, PublicationPrivacyCheck],
})
export class MeetingsModule {}
