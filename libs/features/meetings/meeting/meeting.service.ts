import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { type Committee, CommitteeRepository } from '@app/committees';
import { type Actor, type Page, pageOfPositioned, type PageQueryDto, pageRequest, sentFields } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import {
  assertItemSlot,
  copenhagenDate,
  copenhagenTime,
  DomainError,
  MEETING_STATES,
  MEETING_UPCOMING,
  meetingWorkflow,
  periodContains,
  agendaItemWorkflow,
  type AvailableEvent,
  type MeetingContext,
  type MeetingSpan,
  type NoticeWarning,
} from '@app/domain';
import { MeetingReminders } from '../reminders/meeting-reminders.js';
import { WorkflowService, type WorkflowTransitionRecord } from '@app/workflows';
import { AgendaItemRepository } from '../agenda/agenda-item.repository.js';
import { AgendaMailScheduler } from '../mail/agenda-mail.scheduler.js';
import { Meeting } from './meeting.entity.js';
import type { CreateMeetingDto, MeetingChangeDto, MeetingDto, MeetingSummaryDto, UpdateMeetingDto } from './meeting.dto.js';
import { MeetingNotice } from './meeting-notice.js';
import { MeetingRepository } from './meeting.repository.js';
import { MeetingViewRepository } from './meeting-view.repository.js';
import { MeetingReadAccess } from './meeting-read-access.js';
import { AttendanceRepository } from '../attendance/attendance.repository.js';
import { confirmationsOf, PublicationPrivacyCheck } from '../public/publication-privacy.js';

/** The meeting's time as local wall-clock times, for checking item time slots. */
export function meetingSpan(meeting: { startsAt: Date; endsAt: Date | null }): MeetingSpan {
  const start = new Date(meeting.startsAt);
  const end = meeting.endsAt ? new Date(meeting.endsAt) : null;
  const sameDay = end && copenhagenDate(end) === copenhagenDate(start);
  return { start: copenhagenTime(start), end: end && sameDay ? copenhagenTime(end) : null };
}

/** The meetings a member's home page lists: all but the cancelled. */
const NOT_CANCELLED = MEETING_STATES.filter((state) => state !== 'cancelled');

@Injectable()
export class MeetingService {
  private readonly records;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly meetings: MeetingRepository,
    private readonly items: AgendaItemRepository,
    private readonly committees: CommitteeRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly workflows: WorkflowService,
    private readonly views: MeetingViewRepository,
    private readonly agendaMail: AgendaMailScheduler,
    private readonly reminders: MeetingReminders,
    private readonly notice: MeetingNotice,
    private readonly readers: MeetingReadAccess,
    private readonly attendance: AttendanceRepository,
    private readonly privacy: PublicationPrivacyCheck,
  ) {
    this.records = workflows.declare({
      definition: meetingWorkflow,
      entity: Meeting,
      find: (id: string, tx) => this.meetings.find(id, tx),
      notFound: (id) => DomainError.notFound('meeting', id),
      committeeOf: (meeting) => meeting.committeeId,
      context: (meeting, tx) => this.context(meeting, tx),
      effects: {
        'put-items-on-agenda': (tx, meeting, _decision, payload) => this.putItemsOnAgenda(tx, meeting, confirmationsOf(payload)),
        'send-agenda': (tx, meeting) => this.agendaMail.agendaPublished(tx, meeting),
        'send-cancellation': (tx, meeting, decision) => this.agendaMail.meetingCancelled(tx, meeting, decision),
        'remind-of-unsigned-minutes': (tx, meeting) => this.reminders.scheduleMinutesSignature(tx, meeting),
        'record-end': (tx, meeting) => this.meetings.update(tx, meeting.id, { endedAt: new Date() }),
      },
    });
  }

  /** Scheduled even when the agenda's notice can no longer be met: the answer warns of it. */
  async create(actor: Actor, committeeId: string, dto: CreateMeetingDto): Promise<MeetingChangeDto> {
    const committee = await this.committees.findOrFail(committeeId);
    this.access.assertCommitteeSecretary(actor, committeeId);
    const startsAt = new Date(dto.startsAt);
    const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
    this.assertTimes(startsAt, endsAt, committee);
    const { id, warnings } = await this.unitOfWork.run(async (tx) => {
      const meetingId = await this.meetings.insert(tx, {
        committeeId,
        title: dto.title?.trim() || null,
        startsAt,
        endsAt,
        location: dto.location.trim(),
        state: 'planned',
      });
      await this.audit.record(tx, { action: 'meeting.created', entityType: 'meeting', entityId: meetingId, details: { committeeId, startsAt: dto.startsAt } });
      await this.reminders.scheduleAgendaDeadline(tx, { id: meetingId, committeeId, startsAt });
      return { id: meetingId, warnings: await this.notice.agendaWarnings(tx, { committeeId, startsAt }) };
    });
    return { ...(await this.read(actor, id)), warnings };
  }

  async listForCommittee(actor: Actor, committeeId: string, query: PageQueryDto): Promise<Page<MeetingSummaryDto>> {
    await this.committees.assertExists(committeeId);
    this.access.assertCommitteeReader(actor, committeeId);
    const page = pageRequest(query, { committeeId });
    return pageOfPositioned(await this.views.page(page.filters, page), page.limit, page.filters);
  }

  /**
   * The meetings of the committees the caller sits in today (any role), and those they are called in to as a
   * substitute, newest first, for the home page; nobody else's, so it needs no further access check. Cancelled ones
   * are left out.
   */
  async listMine(actor: Actor, query: PageQueryDto): Promise<Page<MeetingSummaryDto>> {
    const page = pageRequest(query, {});
    const committeeIds = [...new Set(actor.seats.map((seat) => seat.committeeId))];
    const orMeetingIds = await this.attendance.meetingsCalledInTo(actor.personId);
    if (committeeIds.length === 0 && orMeetingIds.length === 0) return { items: [], nextCursor: null };
    return pageOfPositioned(await this.views.page({ committeeIds, orMeetingIds, states: NOT_CANCELLED }, page), page.limit, page.filters);
  }

  async read(actor: Actor, id: string): Promise<MeetingDto> {
    const meeting = await this.views.meeting(id);
    if (!meeting) throw DomainError.notFound('meeting', id);
    await this.readers.assertReader(actor, meeting);
    return meeting;
  }

  /** A meeting moved to a day whose agenda notice its agenda misses is moved, and the answer warns of it. */
  async update(actor: Actor, id: string, dto: UpdateMeetingDto): Promise<MeetingChangeDto> {
    const { rowVersion, ...changes } = sentFields(dto);
    if (Object.keys(changes).length === 0) throw DomainError.invalid('nothing_to_update', 'Send at least one field to change');
    const warnings = await this.unitOfWork.run(async (tx): Promise<NoticeWarning[]> => {
      const meeting = await this.lockedMeeting(tx, id);
      this.access.assertCommitteeSecretary(actor, meeting.committeeId);
      if (!MEETING_UPCOMING.has(meeting.state)) throw DomainError.conflict('meeting_not_changeable', `A ${meeting.state} meeting cannot be changed`);
      if (rowVersion !== undefined && rowVersion !== meeting.rowVersion) {
        throw DomainError.conflict('stale_row_version', `The meeting was changed meanwhile (now rowVersion ${meeting.rowVersion}); reload it and try again`);
      }
      const startsAt = changes.startsAt ? new Date(changes.startsAt) : meeting.startsAt;
      const endsAt = changes.endsAt === undefined ? meeting.endsAt : changes.endsAt === null ? null : new Date(changes.endsAt);
      const committee = await this.committees.findOrFail(meeting.committeeId, tx);
      this.assertTimes(startsAt, endsAt, committee);
      const items = await this.items.ofMeeting(id, tx);
      const span = meetingSpan({ startsAt, endsAt });
      for (const item of items) {
        try {
          assertItemSlot(item, span, []);
        } catch {
          throw DomainError.conflict(
            'items_outside_new_time',
            `Punkt ${item.number} "${item.title}" (${item.startTime}-${item.endTime}) would lie outside the meeting's new time ${span.start}-${span.end ?? 'end of day'}; move it first`,
          );
        }
      }
      await this.meetings.update(tx, id, {
        startsAt,
        endsAt,
        ...(changes.location !== undefined ? { location: changes.location.trim() } : {}),
        ...(changes.title !== undefined ? { title: changes.title.trim() || null } : {}),
        rowVersion: meeting.rowVersion + 1,
      });
      await this.audit.record(tx, { action: 'meeting.updated', entityType: 'meeting', entityId: id, details: { changes } });
      // Members of a published meeting are told, with the invitation's SEQUENCE raised; a planned one's agenda deadline moves with it.
      const moved = startsAt.getTime() !== new Date(meeting.startsAt).getTime();
      if (meeting.state === 'published') await this.agendaMail.publishedMeetingChanged(tx, id);
      else if (moved) await this.reminders.scheduleAgendaDeadline(tx, { id, committeeId: meeting.committeeId, startsAt });
      if (!moved) return [];
      // A published agenda reached the members the day it went out; a planned one can go out today at the earliest.
      return this.notice.agendaWarnings(tx, { committeeId: meeting.committeeId, startsAt }, meeting.publishedAt ? copenhagenDate(new Date(meeting.publishedAt)) : undefined);
    });
    return { ...(await this.read(actor, id)), warnings };
  }

  availableTransitions(actor: Actor, id: string): Promise<AvailableEvent<string>[]> {
    return this.records.available(actor, id);
  }

  /** Publishing after the agenda's notice deadline is allowed: the answer warns of it. */
  async fire(actor: Actor, id: string, event: string, comment?: string, confirmPublic: readonly string[] = []): Promise<MeetingChangeDto> {
    await this.records.fire(actor, id, event, { comment, payload: { confirmPublic } });
    const meeting = await this.read(actor, id);
    const warnings = event === 'publish' ? await this.notice.agendaWarnings(this.unitOfWork.outside, meeting) : [];
    return { ...meeting, warnings };
  }

  history(actor: Actor, id: string): Promise<WorkflowTransitionRecord[]> {
    return this.records.history(actor, id);
  }

  async meetingOrNotFound(id: string, tx?: Transaction): Promise<Meeting> {
    const meeting = await this.meetings.find(id, tx);
    if (!meeting) throw DomainError.notFound('meeting', id);
    return meeting;
  }

  async lockedMeeting(tx: Transaction, id: string): Promise<Meeting> {
    const meeting = await this.meetings.findLocked(id, tx);
    if (!meeting) throw DomainError.notFound('meeting', id);
    return meeting;
  }

  private assertTimes(startsAt: Date, endsAt: Date | null, committee: Committee): void {
    if (endsAt && endsAt <= startsAt) throw DomainError.invalid('meeting_ends_before_start', 'endsAt must be after startsAt');
    const day = copenhagenDate(startsAt);
    if (!periodContains({ start: committee.mandateStart, end: committee.mandateEnd }, day)) {
      throw DomainError.invalid(
        'meeting_outside_mandate',
        `The meeting on ${day} lies outside ${committee.name}'s mandate (${committee.mandateStart} to ${committee.mandateEnd ?? 'open end'})`,
      );
    }
  }

  private async context(meeting: Meeting, tx: Transaction): Promise<MeetingContext> {
    const items = await this.items.ofMeeting(meeting.id, tx);
    return {
      itemCount: items.length,
      draftItemTitles: items.filter((i) => i.state === 'draft').map((i) => `${i.number}. ${i.title}`),
      hasStarted: new Date(meeting.startsAt).getTime() <= Date.now(),
      undecidedItemNumbers: items.filter((i) => i.state === 'on-agenda').map((i) => i.number),
    };
  }

  /** The agenda as it now stands is what becomes public, so the privacy check reads it after the items went on. */
  private async putItemsOnAgenda(tx: Transaction, meeting: Meeting, confirmPublic: readonly string[]): Promise<void> {
    await this.meetings.update(tx, meeting.id, { publishedAt: new Date() });
    const ready = await this.items.inState(meeting.id, 'ready', tx);
    const items = this.workflows.recordsOf(agendaItemWorkflow);
    // All at once, each item handed its meeting as this transition left it, should its guards read it.
    await items.fireManyAsSystem(
      tx,
      ready.map((item) => ({ ...item, meeting })),
      'put-on-agenda',
    );
    await this.privacy.assertCleared(tx, meeting.id, 'agenda', confirmPublic);
  }
}
