import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { type Actor, sentFields } from '@app/core';
import {
  agendaItemWorkflow,
  assertItemSlot,
  DomainError,
  moveInOrder,
  RECURRING_ITEMS,
  type AgendaItemContext,
  type AvailableEvent,
  type RecurringItemKind,
} from '@app/domain';
import { WorkflowService } from '@app/workflows';
import { AgendaItemChange } from './agenda-item-change.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { AgendaMailScheduler } from '../mail/agenda-mail.scheduler.js';
import type { AgendaItemDto, CreateAgendaItemDto, UpdateAgendaItemDto } from './agenda-item.dto.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { meetingSpan, MeetingService } from '../meeting/meeting.service.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';

/** Used when an item is closed without a stated reason. */
export const DEFAULT_CLOSED_REASON = 'Lukket punkt, jf. Kommunestyrelsesloven § 10';

const CONTENT_FIELDS = ['title', 'caseNumber', 'startTime', 'endTime', 'closed', 'closedReason', 'summary', 'recommendation', 'presentation', 'attachmentNames'] as const;

/** Fields that may still change once the meeting is held: only the outcome. */
const AFTER_MEETING_FIELDS: ReadonlySet<string> = new Set(['decision']);

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
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly meetings: MeetingService,
    private readonly views: MeetingViewRepository,
    private readonly agendaMail: AgendaMailScheduler,
    workflows: WorkflowService,
  ) {
    this.records = workflows.declare({
      definition: agendaItemWorkflow,
      entity: AgendaItem,
      // With its meeting, whose committee the item belongs to and whose state its guards read.
      find: (id: string, tx) => tx.findOne(AgendaItem, { where: { id }, relations: { meeting: true } }),
      notFound: (id) => DomainError.notFound('agenda item', id),
      committeeOf: async (item, tx) => (await this.meetingOf(item, tx)).committeeId,
      context: async (item, tx) => this.context(item, await this.meetingOf(item, tx)),
      effects: {
        'continue-case-onward': (tx, item, _decision, payload) => this.continueCaseOnward(tx, item, payload.referToMeetingId),
      },
    });
  }

  async create(actor: Actor, meetingId: string, dto: CreateAgendaItemDto): Promise<AgendaItemDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const meeting = await this.meetingForAgendaChange(actor, manager, meetingId);
      const items = await manager.find(AgendaItem, { where: { meetingId }, order: { number: 'ASC' } });
      const item = this.itemValues(dto, items.length + 1);
      assertItemSlot(item, meetingSpan(meeting), items);
      return this.insertItem(manager, meeting, item);
    });
    return this.read(actor, id);
  }

  /** Gensidig orientering, Mødedeltagelse and Eventuelt at the end of the agenda, in the order asked for. */
  async addRecurring(actor: Actor, meetingId: string, kinds: RecurringItemKind[]): Promise<AgendaItemDto[]> {
    if (new Set(kinds).size !== kinds.length) throw DomainError.invalid('duplicate_recurring_item', 'Name each recurring item once');
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.meetingForAgendaChange(actor, manager, meetingId);
      const items = await manager.find(AgendaItem, { where: { meetingId } });
      const present = kinds.filter((kind) => items.some((item) => item.title === RECURRING_ITEMS[kind]));
      if (present.length) {
        throw DomainError.conflict('recurring_item_exists', `The agenda already has ${present.map((kind) => `"${RECURRING_ITEMS[kind]}"`).join(' and ')}`);
      }
      let number = items.length;
      for (const kind of kinds) {
        number += 1;
        await this.insertItem(manager, meeting, { ...this.itemValues({ title: RECURRING_ITEMS[kind] }, number), state: 'ready' });
      }
    });
    return this.views.items(meetingId);
  }

  async read(actor: Actor, id: string): Promise<AgendaItemDto> {
    const item = await this.itemOrNotFound(id);
    const meeting = await this.meetings.meetingOrNotFound(item.meetingId);
    this.access.assertCommitteeReader(actor, meeting.committeeId);
    const items = await this.views.items(item.meetingId);
    return items.find((i) => i.id === id)!;
  }

  async update(actor: Actor, id: string, dto: UpdateAgendaItemDto): Promise<AgendaItemDto> {
    const { rowVersion, position, ...changes } = sentFields(dto);
    if (Object.keys(changes).length === 0 && position === undefined) throw DomainError.invalid('nothing_to_update', 'Send at least one field to change');
    await this.dataSource.transaction(async (manager) => {
      const current = await this.itemOrNotFound(id, manager);
      const meeting = await this.meetings.lockedMeeting(manager, current.meetingId);
      this.access.assertCommitteeSecretary(actor, meeting.committeeId);
      const item = await manager.findOneByOrFail(AgendaItem, { id });
      if (rowVersion !== undefined && rowVersion !== item.rowVersion) {
        throw DomainError.conflict('stale_row_version', `The item was changed meanwhile (now rowVersion ${item.rowVersion}); reload it and try again`);
      }
      this.assertChangeAllowed(meeting, item, Object.keys(changes), position !== undefined);
      const next = this.applyChanges(item, changes);
      const items = await manager.find(AgendaItem, { where: { meetingId: meeting.id }, order: { number: 'ASC' } });
      assertItemSlot(next, meetingSpan(meeting), items);
      const changed = [...CONTENT_FIELDS, 'decision' as const].filter((field) => JSON.stringify(next[field]) !== JSON.stringify(item[field]));
      if (changed.length) {
        await manager.update(AgendaItem, { id }, { ...Object.fromEntries(changed.map((field) => [field, next[field]])), rowVersion: item.rowVersion + 1 });
      }
      if (position !== undefined && position !== item.number) await this.renumber(manager, meeting.id, moveInOrder(items.map((i) => i.id), id, position));
      if (meeting.state !== 'planned' && (changed.length || position !== undefined)) {
        await manager.insert(AgendaItemChange, {
          itemId: id,
          changedFields: [...changed, ...(position !== undefined ? ['number'] : [])],
          previous: Object.fromEntries([...changed.map((field) => [field, item[field]]), ...(position !== undefined ? [['number', item.number]] : [])]),
          actorId: actor.personId,
        });
        if (meeting.state === 'published') await this.agendaMail.publishedMeetingChanged(manager, meeting.id);
      }
      await this.audit.record(manager, { action: 'agenda-item.updated', entityType: 'agenda-item', entityId: id, details: { changed, position } });
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
      this.dataSource.getRepository(AgendaItemChange).find({ where: { itemId: id }, order: { at: 'ASC' } }),
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
  private async meetingOf(item: AgendaItem, manager: EntityManager): Promise<Meeting> {
    return item.meeting ?? manager.findOneByOrFail(Meeting, { id: item.meetingId });
  }

  private context(item: AgendaItem, meeting: Meeting): AgendaItemContext {
    return { meetingState: meeting.state, hasDecisionText: Boolean(item.decision?.trim()) };
  }

  private async meetingForAgendaChange(actor: Actor, manager: EntityManager, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetings.lockedMeeting(manager, meetingId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    if (meeting.state !== 'planned' && meeting.state !== 'published') {
      throw DomainError.conflict('agenda_closed', `The meeting is ${meeting.state}; its agenda can no longer change`);
    }
    return meeting;
  }

  private assertChangeAllowed(meeting: Meeting, item: AgendaItem, fields: string[], moves: boolean): void {
    const contentChange = moves || fields.some((field) => !AFTER_MEETING_FIELDS.has(field));
    if (contentChange && meeting.state !== 'planned' && meeting.state !== 'published') {
      throw DomainError.conflict('agenda_closed', `The meeting is ${meeting.state}; only the decision can still be written`);
    }
    if (fields.includes('decision')) {
      if (meeting.state !== 'held') throw DomainError.conflict('decision_before_meeting', 'The decision (Beslutning) is written once the meeting is held');
      if (item.state !== 'on-agenda' && item.state !== 'decided') {
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
  private async insertItem(manager: EntityManager, meeting: Meeting, values: Partial<AgendaItem>): Promise<string> {
    const state = meeting.state === 'published' ? 'on-agenda' : values.state;
    const { identifiers } = await manager.insert(AgendaItem, { ...values, meetingId: meeting.id, state });
    const id = identifiers[0].id as string;
    if (meeting.state === 'published') {
      await manager.insert(AgendaItemChange, { itemId: id, changedFields: ['added'], previous: {}, actorId: null });
      await this.agendaMail.publishedMeetingChanged(manager, meeting.id);
    }
    await this.audit.record(manager, { action: 'agenda-item.created', entityType: 'agenda-item', entityId: id, details: { meetingId: meeting.id, number: values.number } });
    return id;
  }

  /**
   * A referred case continues as a new draft item on the next committee's meeting, linked to this one. It carries
   * the case, its presentation and its Bilag along; the recommendation and decision are the new committee's own.
   */
  private async continueCaseOnward(manager: EntityManager, item: AgendaItem, referToMeetingId: unknown): Promise<void> {
    if (typeof referToMeetingId !== 'string') {
      throw DomainError.invalid('refer_needs_meeting', 'refer needs referToMeetingId: the meeting of the next committee the case goes on to');
    }
    const from = await manager.findOneByOrFail(Meeting, { id: item.meetingId });
    const target = await manager.findOne(Meeting, { where: { id: referToMeetingId }, lock: { mode: 'pessimistic_write' } });
    if (!target) throw DomainError.notFound('meeting', referToMeetingId);
    if (target.committeeId === from.committeeId) throw DomainError.invalid('refer_to_same_committee', 'A case is referred on to another committee');
    if (target.state !== 'planned' && target.state !== 'published') {
      throw DomainError.conflict('agenda_closed', `The meeting the case is referred to is ${target.state}; choose a planned or published meeting`);
    }
    const count = await manager.count(AgendaItem, { where: { meetingId: target.id } });
    const onwardId = await this.insertItem(manager, target, {
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
    // The Bilag go along as rows over the same stored files, kept by their hash until no row needs them. FOR SHARE
    // makes a removal of one of them meanwhile wait for this commit, and then find the copy still needing the file.
    await manager.query(
      `INSERT INTO item_attachment (item_id, name, content_type, size, sha256, created_at)
       SELECT $2, name, content_type, size, sha256, created_at FROM item_attachment WHERE item_id = $1 FOR SHARE`,
      [item.id, onwardId],
    );
  }

  private async renumber(manager: EntityManager, meetingId: string, orderedIds: string[]): Promise<void> {
    // The (meeting, number) unique constraint is deferred, so one statement can renumber the whole agenda.
    await manager.query(
      `UPDATE agenda_item i SET number = o.n, row_version = i.row_version + CASE WHEN i.number <> o.n THEN 1 ELSE 0 END
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, n) WHERE i.id = o.id AND i.meeting_id = $1`,
      [meetingId, orderedIds],
    );
  }

  private async itemOrNotFound(id: string, manager: EntityManager = this.dataSource.manager): Promise<AgendaItem> {
    const item = await manager.findOneBy(AgendaItem, { id });
    if (!item) throw DomainError.notFound('agenda item', id);
    return item;
  }
}
