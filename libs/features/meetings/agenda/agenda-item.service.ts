import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { CommitteeRepository } from '@app/committees';
import { type Actor, RequestContext, sentFields } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import {
  AGENDA_ITEM_DECISION_OPEN,
  AGENDA_ITEM_FIELDS_AFTER_MEETING,
  agendaItemWorkflow,
  assertItemSlot,
  DomainError,
  MEETING_UPCOMING,
  moveInOrder,
  quorumBindsDecisions,
  RECURRING_ITEMS,
  type AgendaItemContext,
  type AvailableEvent,
  type RecurringItemKind,
} from '@app/domain';
import { WorkflowService } from '@app/workflows';
import { AgendaItemChangeRepository } from './agenda-item-change.repository.js';
import { AgendaItem } from './agenda-item.entity.js';
import { AgendaItemRepository } from './agenda-item.repository.js';
import { ReferralProposals } from './referral-proposals.js';
import { ItemAttachmentRepository } from '../attachments/item-attachment.repository.js';
import { MeetingRecordSeal } from '../attendance/meeting-record-seal.js';
import { AgendaDocumentBuilds } from '../documents/agenda-document-builds.js';
import { AgendaMailScheduler } from '../mail/agenda-mail.scheduler.js';
import type { AgendaItemDto, CreateAgendaItemDto, UpdateAgendaItemDto } from './agenda-item.dto.js';
import type { Meeting } from '../meeting/meeting.entity.js';
import { MeetingRepository } from '../meeting/meeting.repository.js';
import { meetingSpan, MeetingService } from '../meeting/meeting.service.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';
import { MeetingReadAccess } from '../meeting/meeting-read-access.js';

/** Used when an item is closed without a stated reason. */
export const DEFAULT_CLOSED_REASON = 'Lukket punkt, jf. Kommunestyrelsesloven § 10';

const CONTENT_FIELDS = ['title', 'caseNumber', 'startTime', 'endTime', 'closed', 'closedReason', 'summary', 'recommendation', 'presentation', 'attachmentNames'] as const;

export interface AgendaItemHistoryEntry {
  at: Date;
  kind: 'transition' | 'change';
  actorId: string | null;
  event?: string;
  fromState?: string;
  toState?: string;
  comment?: string | null;
  changedFields?: string[];
  previous?: Record<string, unknown>;
}

/** The agenda: items in the Danish shape, numbered in order, each with its own workflow. */
@Injectable()
export class AgendaItemService {
  private readonly records;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly items: AgendaItemRepository,
    private readonly changes: AgendaItemChangeRepository,
    private readonly attachments: ItemAttachmentRepository,
    private readonly meetingRows: MeetingRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly meetings: MeetingService,
    private readonly views: MeetingViewRepository,
    private readonly agendaMail: AgendaMailScheduler,
    private readonly agendaDocuments: AgendaDocumentBuilds,
    private readonly referralProposals: ReferralProposals,
    private readonly seal: MeetingRecordSeal,
    private readonly committees: CommitteeRepository,
    private readonly readers: MeetingReadAccess,
    workflows: WorkflowService,
  ) {
    this.records = workflows.declare({
      definition: agendaItemWorkflow,
      entity: AgendaItem,
      // With its meeting, whose committee the item belongs to and whose state its guards read.
      find: (id: string, tx, lock) => this.items.findWithMeeting(id, tx, lock),
      notFound: (id) => DomainError.notFound('agenda item', id),
      committeeOf: async (item, tx) => (await this.meetingOf(item, tx)).committeeId,
      context: async (item, tx) => this.context(tx, item, await this.meetingOf(item, tx), await this.seal.isSealed(tx, item.meetingId)),
      // In a transaction with the item locked, so the outcome and the check of the seal (under its share lock) are one.
      lockToFire: true,
      effects: {
        'continue-case-onward': async (tx, item, _decision, payload) => {
          await this.referralProposals.propose(tx, item, payload.referToMeetingId, RequestContext.current()?.actor?.personId ?? null);
        },
      },
    });
  }

  async create(actor: Actor, meetingId: string, dto: CreateAgendaItemDto): Promise<AgendaItemDto> {
    const id = await this.unitOfWork.run(async (tx) => {
      const meeting = await this.meetingForAgendaChange(actor, tx, meetingId);
      const items = await this.items.ofMeeting(meetingId, tx);
      const item = this.itemValues(dto, items.length + 1);
      assertItemSlot(item, meetingSpan(meeting), items);
      return this.insertItem(tx, meeting, item);
    });
    return this.read(actor, id);
  }

  /** Gensidig orientering, Mødedeltagelse and Eventuelt at the end of the agenda, in the order asked for. */
  async addRecurring(actor: Actor, meetingId: string, kinds: RecurringItemKind[]): Promise<AgendaItemDto[]> {
    if (new Set(kinds).size !== kinds.length) throw DomainError.invalid('duplicate_recurring_item', 'Name each recurring item once');
    await this.unitOfWork.run(async (tx) => {
      const meeting = await this.meetingForAgendaChange(actor, tx, meetingId);
      const items = await this.items.ofMeeting(meetingId, tx);
      const present = kinds.filter((kind) => items.some((item) => item.title === RECURRING_ITEMS[kind]));
      if (present.length) {
        throw DomainError.conflict('recurring_item_exists', `The agenda already has ${present.map((kind) => `"${RECURRING_ITEMS[kind]}"`).join(' and ')}`);
      }
      let number = items.length;
      for (const kind of kinds) {
        number += 1;
        await this.insertItem(tx, meeting, { ...this.itemValues({ title: RECURRING_ITEMS[kind] }, number), state: 'ready' });
      }
    });
    return this.views.itemsWithQuorum(meetingId);
  }

  async read(actor: Actor, id: string): Promise<AgendaItemDto> {
    const item = await this.itemOrNotFound(id);
    const meeting = await this.meetings.meetingOrNotFound(item.meetingId);
    await this.readers.assertReader(actor, meeting);
    const items = await this.views.itemsWithQuorum(item.meetingId);
    return items.find((i) => i.id === id)!;
  }

  async update(actor: Actor, id: string, dto: UpdateAgendaItemDto): Promise<AgendaItemDto> {
    const { rowVersion, position, ...changes } = sentFields(dto);
    if (Object.keys(changes).length === 0 && position === undefined) throw DomainError.invalid('nothing_to_update', 'Send at least one field to change');
    await this.unitOfWork.run(async (tx) => {
      const current = await this.itemOrNotFound(id, tx);
      const meeting = await this.meetings.lockedMeeting(tx, current.meetingId);
      this.access.assertCommitteeSecretary(actor, meeting.committeeId);
      const item = await this.items.findOrFail(id, tx);
      if (rowVersion !== undefined && rowVersion !== item.rowVersion) {
        throw DomainError.conflict('stale_row_version', `The item was changed meanwhile (now rowVersion ${item.rowVersion}); reload it and try again`);
      }
      this.assertChangeAllowed(meeting, item, Object.keys(changes), position !== undefined);
      if ('decision' in changes) await this.seal.assertNotSealed(tx, meeting.id, 'the decisions they record');
      const next = this.applyChanges(item, changes);
      const items = await this.items.ofMeeting(meeting.id, tx);
      assertItemSlot(next, meetingSpan(meeting), items);
      const changed = [...CONTENT_FIELDS, 'decision' as const].filter((field) => JSON.stringify(next[field]) !== JSON.stringify(item[field]));
      if (changed.length) {
        await this.items.update(tx, id, { ...Object.fromEntries(changed.map((field) => [field, next[field]])), rowVersion: item.rowVersion + 1 });
      }
      if (position !== undefined && position !== item.number) await this.items.renumber(tx, meeting.id, moveInOrder(items.map((i) => i.id), id, position));
      if (meeting.state !== 'planned' && (changed.length || position !== undefined)) {
        await this.changes.record(tx, {
          itemId: id,
          changedFields: [...changed, ...(position !== undefined ? ['number'] : [])],
          previous: Object.fromEntries([...changed.map((field) => [field, item[field]]), ...(position !== undefined ? [['number', item.number]] : [])]),
          actorId: actor.personId,
        });
        if (meeting.state === 'published') await this.agendaMail.publishedMeetingChanged(tx, meeting.id);
        // Once held, members get no e-mail about a Beslutning written, but the agenda's PDFs show it.
        else await this.agendaDocuments.agendaChanged(tx, meeting.id);
      }
      await this.audit.record(tx, { action: 'agenda-item.updated', entityType: 'agenda-item', entityId: id, details: { changed, position } });
    });
    return this.read(actor, id);
  }

  availableTransitions(actor: Actor, id: string): Promise<AvailableEvent<string>[]> {
    return this.records.available(actor, id);
  }

  async fire(actor: Actor, id: string, event: string, comment?: string, payload: Record<string, unknown> = {}): Promise<AgendaItemDto> {
    await this.records.fire(actor, id, event, { comment, payload });
    return this.read(actor, id);
  }

  /** The item's trail: workflow events and, after publishing, every change of its content. */
  async history(actor: Actor, id: string): Promise<AgendaItemHistoryEntry[]> {
    const [transitions, changes] = await Promise.all([
      this.records.history(actor, id),
      this.changes.ofItem(id),
    ]);
    const entries: AgendaItemHistoryEntry[] = [
      ...transitions.map((t) => ({ at: t.at, kind: 'transition' as const, actorId: t.actorId, event: t.event, fromState: t.fromState, toState: t.toState, comment: t.comment })),
      ...changes.map((c) => ({ at: c.at, kind: 'change' as const, actorId: c.actorId, changedFields: c.changedFields, previous: c.previous })),
    ];
    return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  async itemWithMeeting(id: string): Promise<{ item: AgendaItem; meeting: Meeting }> {
    const item = await this.itemOrNotFound(id);
    return { item, meeting: await this.meetings.meetingOrNotFound(item.meetingId) };
  }

  /** The item's meeting: loaded with it for a request, read in the transaction when the meeting's own event fires it. */
  private async meetingOf(item: AgendaItem, tx: Transaction): Promise<Meeting> {
    return item.meeting ?? this.meetingRows.findOrFail(item.meetingId, tx);
  }

  private async context(tx: Transaction, item: AgendaItem, meeting: Meeting, recordSealed: boolean): Promise<AgendaItemContext> {
    const [{ kind }, items] = [await this.committees.findOrFail(meeting.committeeId, tx), await this.views.itemsWithQuorum(meeting.id, tx)];
    const { quorum } = items.find((i) => i.id === item.id)!;
    return { meetingState: meeting.state, hasDecisionText: Boolean(item.decision?.trim()), recordSealed, quorum: quorum!, quorumBinding: quorumBindsDecisions(kind) };
  }

  private async meetingForAgendaChange(actor: Actor, tx: Transaction, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetings.lockedMeeting(tx, meetingId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    if (!MEETING_UPCOMING.has(meeting.state)) {
      throw DomainError.conflict('agenda_closed', `The meeting is ${meeting.state}; its agenda can no longer change`);
    }
    return meeting;
  }

  private assertChangeAllowed(meeting: Meeting, item: AgendaItem, fields: string[], moves: boolean): void {
    const contentChange = moves || fields.some((field) => !AGENDA_ITEM_FIELDS_AFTER_MEETING.has(field));
    if (contentChange && !MEETING_UPCOMING.has(meeting.state)) {
      throw DomainError.conflict('agenda_closed', `The meeting is ${meeting.state}; only the decision can still be written`);
    }
    if (fields.includes('decision')) {
      if (meeting.state !== 'held') throw DomainError.conflict('decision_before_meeting', 'The decision (Beslutning) is written once the meeting is held');
      if (!AGENDA_ITEM_DECISION_OPEN.has(item.state)) {
        throw DomainError.conflict('decision_not_open', `The item is ${item.state}; its decision cannot change`);
      }
    }
  }

  private applyChanges(item: AgendaItem, changes: Omit<UpdateAgendaItemDto, 'rowVersion' | 'position'>): AgendaItem {
    const next = { ...item };
    for (const [field, value] of Object.entries(changes)) {
      (next as Record<string, unknown>)[field] = typeof value === 'string' ? value.trim() || null : value;
    }
    if (!next.title) throw DomainError.invalid('title_required', 'An item needs a title');
    next.attachmentNames ??= [];
    next.closedReason = next.closed ? next.closedReason || DEFAULT_CLOSED_REASON : null;
    return next;
  }

  private itemValues(dto: CreateAgendaItemDto, number: number): Partial<AgendaItem> & { number: number; title: string } {
    const closed = dto.closed ?? false;
    return {
      number,
      title: dto.title.trim(),
      caseNumber: dto.caseNumber?.trim() || null,
      startTime: dto.startTime ?? null,
      endTime: dto.endTime ?? null,
      closed,
      closedReason: closed ? dto.closedReason?.trim() || DEFAULT_CLOSED_REASON : null,
      summary: dto.summary ?? null,
      recommendation: dto.recommendation ?? null,
      presentation: dto.presentation ?? null,
      attachmentNames: dto.attachmentNames ?? [],
      state: 'draft',
    };
  }

  /** On a published agenda a new item goes straight onto the agenda; members are told of the change. */
  private async insertItem(tx: Transaction, meeting: Meeting, values: Partial<AgendaItem>): Promise<string> {
    const state = meeting.state === 'published' ? 'on-agenda' : values.state;
    const id = await this.items.insert(tx, { ...values, meetingId: meeting.id, state });
    if (meeting.state === 'published') {
      await this.changes.record(tx, { itemId: id, changedFields: ['added'], previous: {}, actorId: null });
      await this.agendaMail.publishedMeetingChanged(tx, meeting.id);
    }
    await this.audit.record(tx, { action: 'agenda-item.created', entityType: 'agenda-item', entityId: id, details: { meetingId: meeting.id, number: values.number } });
    return id;
  }

  /**
   * Puts a standing item at the end of the meeting's agenda (locked by the caller, planned or published) unless it
   * has one of that title already; whether it put one there.
   */
  async addStandingItemOnce(tx: Transaction, meeting: Meeting, title: string): Promise<boolean> {
    const items = await this.items.ofMeeting(meeting.id, tx);
    if (items.some((item) => item.title === title)) return false;
    await this.insertItem(tx, meeting, { ...this.itemValues({ title }, items.length + 1), state: 'ready' });
    return true;
  }

  /**
   * An accepted referral: the case continues as a new item at the end of the receiving meeting's agenda (locked by
   * the caller), linked to the referring item, numbered and announced like any item added there. It carries the
   * case, its presentation and its Bilag along; the recommendation and decision are the new committee's own.
   */
  async addReferredItem(tx: Transaction, target: Meeting, item: AgendaItem): Promise<string> {
    const count = await this.items.countOf(target.id, tx);
    const onwardId = await this.insertItem(tx, target, {
      ...this.itemValues(
        {
          title: item.title,
          caseNumber: item.caseNumber ?? undefined,
          closed: item.closed,
          closedReason: item.closedReason ?? undefined,
          summary: item.summary ?? undefined,
          presentation: item.presentation ?? undefined,
          attachmentNames: item.attachmentNames,
        },
        count + 1,
      ),
      referredFromItemId: item.id,
    });
    // The Bilag go along, over the same stored files.
    await this.attachments.copyToItem(tx, item.id, onwardId);
    return onwardId;
  }

  private async itemOrNotFound(id: string, tx?: Transaction): Promise<AgendaItem> {
    const item = await this.items.find(id, tx);
    if (!item) throw DomainError.notFound('agenda item', id);
    return item;
  }
}
