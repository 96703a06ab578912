import { PublicMeetingRule } from './public/public-meeting-rule.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteesPersistenceModule } from '@app/committees';
import { Meeting } from './meeting/meeting.entity.js';
import { MeetingRepository } from './meeting/meeting.repository.js';
import { MeetingViewRepository } from './meeting/meeting-view.repository.js';
import { MeetingsForMinutes } from './meeting/meetings-for-minutes.repository.js';
import { AgendaItem } from './agenda/agenda-item.entity.js';
import { AgendaItemRepository } from './agenda/agenda-item.repository.js';
import { AgendaItemChange } from './agenda/agenda-item-change.entity.js';
import { AgendaItemChangeRepository } from './agenda/agenda-item-change.repository.js';
import { AgendaItemReferral } from './agenda/agenda-item-referral.entity.js';
import { AgendaItemReferralRepository } from './agenda/agenda-item-referral.repository.js';
import { AgendaItemOrigins } from './agenda/agenda-item-origins.js';
import { Attendance } from './attendance/attendance.entity.js';
import { AttendanceRepository } from './attendance/attendance.repository.js';
import { MeetingReadAccess } from './meeting/meeting-read-access.js';
import { MeetingRecordSeal } from './attendance/meeting-record-seal.js';
import { ItemAttachment } from './attachments/item-attachment.entity.js';
import { ItemAttachmentRemoval } from './attachments/item-attachment-removal.entity.js';
import { ItemAttachmentRepository } from './attachments/item-attachment.repository.js';
import { ItemNote } from './notes/item-note.entity.js';
import { ItemNoteRepository } from './notes/item-note.repository.js';
import { ItemVote } from './votes/item-vote.entity.js';
import { ItemVoteRepository } from './votes/item-vote.repository.js';
import { CaseRouteRepository } from './cases/case-route.repository.js';
import { InvitationPeopleRepository } from './invitation/invitation-people.repository.js';
import { AgendaDocument } from './documents/agenda-document.entity.js';
import { AgendaDocumentRepository } from './documents/agenda-document.repository.js';
import { CalendarFeed } from './feeds/calendar-feed.entity.js';
import { AgendaMailRound } from './mail/agenda-mail-round.entity.js';
import { CalendarFeedRepository } from './feeds/calendar-feed.repository.js';

const REPOSITORIES = [
  MeetingRepository,
  MeetingViewRepository,
  MeetingsForMinutes,
  AgendaItemRepository,
  AgendaItemChangeRepository,
  AgendaItemReferralRepository,
  AttendanceRepository,
  ItemAttachmentRepository,
  ItemNoteRepository,
  ItemVoteRepository,
  CaseRouteRepository,
  InvitationPeopleRepository,
  AgendaDocumentRepository,
  CalendarFeedRepository,
];

/**
 * Meetings, their agenda items, attendance, Bilag and notes, and the repositories over them. Registered with the
 * data source by this module (TypeORM's autoLoadEntities).
 */
@Module({
  imports: [CommitteesPersistenceModule, TypeOrmModule.forFeature([Meeting, AgendaItem, AgendaItemChange, AgendaItemReferral, Attendance, ItemAttachment, ItemAttachmentRemoval, ItemNote, ItemVote, AgendaDocument, CalendarFeed, AgendaMailRound])],
  providers: [...REPOSITORIES, MeetingRecordSeal, AgendaItemOrigins, MeetingReadAccess, PublicMeetingRule],
  exports: [CommitteesPersistenceModule, TypeOrmModule, ...REPOSITORIES, MeetingRecordSeal, AgendaItemOrigins, MeetingReadAccess, PublicMeetingRule],
})
export class MeetingsPersistenceModule {}
