import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { CommitteeRepository } from '@app/committees';
import { type Actor, RequestContext, sentFields } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import {
  AGENDA_ITEM_DECISION_OPEN,
  AGENDA_ITEM_DELETABLE,
  AGENDA_ITEM_FIELDS_AFTER_MEETING,
  agendaItemWorkflow,
  assertItemSlot,
  closedItemFields,
  DomainError,
  MEETING_UPCOMING,
  moveInOrder,
  quorumBindsDecisions,
  RECURRING_ITEMS,
  type AgendaItemContext,
  type AvailableEvent,
  type NoticeWarning,
  type DecisionOutcome,
  type RecurringItemKind,
} from '@app/domain';
import { WorkflowService } from '@app/workflows';
import { AgendaItemChangeRepository } from './agenda-item-change.repository.js';
import { AgendaItem } from './agenda-item.entity.js';
import { AgendaItemRepository } from './agenda-item.repository.js';
import { ReferralProposals } from './referral-proposals.js';
import { AgendaItemOrigins } from './agenda-item-origins.js';
import { AttachmentContentStore } from '../attachments/attachment-content.store.js';
import { ItemAttachmentRepository } from '../attachments/item-attachment.repository.js';
import { MeetingRecordSeal } from '../attendance/meeting-record-seal.js';
import { AgendaDocumentBuilds } from '../documents/agenda-document-builds.js';
import { AgendaMailScheduler } from '../mail/agenda-mail.scheduler.js';
import type { AgendaItemChangeDto, AgendaItemDto, CreateAgendaItemDto, UpdateAgendaItemDto } from './agenda-item.dto.js';
import type { Meeting } from '../meeting/meeting.entity.js';
import { MeetingRepository } from '../meeting/meeting.repository.js';
import { meetingSpan, MeetingService } from '../meeting/meeting.service.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';
import { MeetingNotice } from '../meeting/meeting-notice.js';
import { MeetingReadAccess } from '../meeting/meeting-read-access.js';

const CONTENT_FIELDS = ['title', 'caseNumber', 'startTime', 'endTime', 'closed', 'closedReason', 'closedReasonText', 'publicTitle', 'summary', 'recommendation', 'presentation', 'attachmentNames'] as const;

/** The fields whose change asks again for a closed item's reason and public title; other edits leave them as stored. */
const CLOSED_FIELDS = ['closed', 'closedReason', 'closedReasonText', 'publicTitle'] as const;

/** An item another record proposes to a committee's next meeting (the council's item on a kommissorium), with one generated Bilag. */
export interface ProposedItem {
  committeeId: string;
  title: string;
  /** Sagsfremstilling */
  presentation: string;
  origin: { kind: string; id: string };
  attachment: { name: string; contentType: string; content: Buffer };
}

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
    private readonly notice: MeetingNotice,
    private readonly origins: AgendaItemOrigins,
    private readonly attachmentContent: AttachmentContentStore,
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
        // "Punktet udgår": in the item's history like any change after publishing, and the members get the updated agenda.
        'announce-withdrawal': async (tx, item) => {
          await this.changes.record(tx, { itemId: item.id, changedFields: ['withdrawn'], previous: { state: item.state }, actorId: RequestContext.current()?.actor?.personId ?? null });
          await this.agendaMail.publishedMeetingChanged(tx, item.meetingId);
        },
        'settle-proposing-record': (tx, item) => this.settleProposingRecord(tx, item),
      },
    });
  }

  /** Added to a published agenda after the material's deadline, the item is marked Eftersendt and the answer warns of it. */
  async create(actor: Actor, meetingId: string, dto: CreateAgendaItemDto): Promise<AgendaItemChangeDto> {
    const { id, warning } = await this.unitOfWork.run(async (tx) => {
      const meeting = await this.meetingForAgendaChange(actor, tx, meetingId);
      const items = await this.items.ofMeeting(meetingId, tx);
      const item = this.itemValues(dto, items.length + 1);
      assertItemSlot(item, meetingSpan(meeting), items);
      return this.insertItem(tx, meeting, item);
    });
    return { ...(await this.read(actor, id)), warnings: warning ? [warning] : [] };
  }

  /**
   * Deletes an item not yet on a published agenda (a draft, or one marked ready); the items after it move up. Its
   * Bilag go with it, and their files unless another item holds the same bytes.
   */
  async delete(actor: Actor, meetingId: string, id: string): Promise<void> {
    const files = await this.unitOfWork.run(async (tx) => {
      const meeting = await this.meetings.lockedMeeting(tx, meetingId);
      this.access.assertCommitteeSecretary(actor, meeting.committeeId);
      const item = await this.items.find(id, tx);
      if (!item || item.meetingId !== meetingId) throw DomainError.notFound('agenda item', id);
      if (!AGENDA_ITEM_DELETABLE.has(item.state)) {
        throw DomainError.conflict('item_not_deletable', `Punkt ${item.number} is ${item.state}: only a draft or ready item is deleted; withdraw an item on a published agenda instead`, {
          state: item.state,
        });
      }
      const attachments = await this.attachments.ofItem(id, tx);
      await this.items.delete(tx, id);
      const rest = (await this.items.ofMeeting(meeting.id, tx)).map((other) => other.id);
      await this.items.renumber(tx, meeting.id, rest);
      await this.audit.record(tx, { action: 'agenda-item.deleted', entityType: 'agenda-item', entityId: id, details: { meetingId: meeting.id, number: item.number, title: item.title } });
      return [...new Set(attachments.map((attachment) => attachment.sha256))];
    });
    for (const sha256 of files) {
      await this.attachments.withContentLock(sha256, async (session) => {
        if (!(await this.attachments.anyWithContent(sha256, session))) await this.attachmentContent.remove(sha256);
      });
    }
  }

  /** Godkendelse af dagsorden, Gensidig orientering, Mødedeltagelse and Eventuelt at the end of the agenda, in the order asked for. */
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
    const read = await this.views.itemWithQuorum(id, item.meetingId);
    if (!read) throw DomainError.notFound('agenda item', id);
    return read;
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
      if ('decision' in changes || 'decisionOutcome' in changes) await this.seal.assertNotSealed(tx, meeting.id, 'the decisions they record');
      const next = this.applyChanges(item, changes);
      const items = await this.items.ofMeeting(meeting.id, tx);
      assertItemSlot(next, meetingSpan(meeting), items);
      const changed = [...CONTENT_FIELDS, 'decision' as const, 'decisionOutcome' as const].filter((field) => JSON.stringify(next[field]) !== JSON.stringify(item[field]));
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
    return { meetingState: meeting.state, hasDecisionText: Boolean(item.decision?.trim()), recordSealed, quorum: quorum!, quorumBinding: quorumBindsDecisions(kind),
      proposedByRecord: item.originKind !== null,
      hasDecisionOutcome: item.decisionOutcome !== null,
    };
  }

  /** A decided item another record proposed: that record follows the decision in the same transaction. */
  private async settleProposingRecord(tx: Transaction, item: AgendaItem): Promise<void> {
    if (!item.originKind || !item.originId) return;
    const meeting = await this.meetingOf(item, tx);
    await this.origins.decided(tx, item.originKind, {
      originId: item.originId,
      outcome: item.decisionOutcome as DecisionOutcome,
      decision: item.decision!.trim(),
      itemId: item.id,
      itemNumber: item.number,
      meetingId: meeting.id,
      meetingStartsAt: meeting.startsAt,
      committeeId: meeting.committeeId,
    });
  }

  /**
   * Puts an item another record proposes at the end of the committee's next planned meeting, with its Bilag; null
   * when the committee has no planned meeting ahead, and the proposal waits for one. The caller's transaction.
   */
  async addProposedItem(tx: Transaction, proposal: ProposedItem): Promise<{ itemId: string; meetingId: string } | null> {
    const meeting = await this.meetingRows.nextPlannedLocked(tx, proposal.committeeId, new Date());
    return meeting ? this.placeProposedItem(tx, meeting, proposal) : null;
  }

  /**
   * Puts a waiting proposal on the meeting its committee's secretary chose (planned, or published and announced
   * like any item added there).
   */
  async addProposedItemTo(actor: Actor, tx: Transaction, meetingId: string, proposal: ProposedItem): Promise<{ itemId: string; meetingId: string }> {
    const meeting = await this.meetingForAgendaChange(actor, tx, meetingId);
    if (meeting.committeeId !== proposal.committeeId) {
      throw DomainError.conflict('proposal_other_committee', "The proposal is for another committee's meeting", { committeeId: proposal.committeeId });
    }
    return this.placeProposedItem(tx, meeting, proposal);
  }

  private async placeProposedItem(tx: Transaction, meeting: Meeting, proposal: ProposedItem): Promise<{ itemId: string; meetingId: string }> {
    const count = await this.items.countOf(meeting.id, tx);
    const { id: itemId } = await this.insertItem(tx, meeting, {
      ...this.itemValues({ title: proposal.title, presentation: proposal.presentation, attachmentNames: [proposal.attachment.name] }, count + 1),
      state: 'ready',
      originKind: proposal.origin.kind,
      originId: proposal.origin.id,
    });
    // Content-addressed: a rollback leaves at most bytes no row names, which the same content would reuse.
    const stored = await this.attachmentContent.put(proposal.attachment.content);
    await this.attachments.insert(tx, { itemId, name: proposal.attachment.name, contentType: proposal.attachment.contentType, size: stored.size, sha256: stored.sha256, sha512: stored.sha512, uploadedBy: null });
    return { itemId, meetingId: meeting.id };
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
    if (item.state === 'withdrawn') throw DomainError.conflict('item_withdrawn', `Punkt ${item.number} is withdrawn from the agenda (Punktet udgår); it no longer changes`);
    const contentChange = moves || fields.some((field) => !AGENDA_ITEM_FIELDS_AFTER_MEETING.has(field));
    if (contentChange && !MEETING_UPCOMING.has(meeting.state)) {
      throw DomainError.conflict('agenda_closed', `The meeting is ${meeting.state}; only the decision can still be written`);
    }
    if (fields.includes('decisionOutcome') && !item.originKind) {
      throw DomainError.invalid('decision_outcome_not_applicable', 'Only an item another record proposed (a kommissorium for the council) is decided as approved or not approved');
    }
    if (fields.includes('decision') || fields.includes('decisionOutcome')) {
      if (meeting.state !== 'held') throw DomainError.conflict('decision_before_meeting', 'The decision (Beslutning) is written once the meeting is held');
      if (!AGENDA_ITEM_DECISION_OPEN.has(item.state)) {
        throw DomainError.conflict('decision_not_open', `The item is ${item.state}; its decision cannot change`);
      }
    }
    // The proposing record followed the outcome when the item was decided; a changed one would leave them apart.
    if (fields.includes('decisionOutcome') && item.state === 'decided') {
      throw DomainError.conflict('decision_not_open', 'The item is decided; the proposal followed its outcome, which no longer changes');
    }
  }

  private applyChanges(item: AgendaItem, changes: Omit<UpdateAgendaItemDto, 'rowVersion' | 'position'>): AgendaItem {
    const next = { ...item };
    for (const [field, value] of Object.entries(changes)) {
      (next as Record<string, unknown>)[field] = typeof value === 'string' ? value.trim() || null : value;
    }
    if (!next.title) throw DomainError.invalid('title_required', 'An item needs a title');
    next.attachmentNames ??= [];
    if (!CLOSED_FIELDS.some((field) => field in changes)) return next;
    // A reason changed without a new public title gets the new reason's proposed one.
    const reasonChanged = 'closedReason' in changes && changes.closedReason !== item.closedReason && !('publicTitle' in changes);
    return { ...next, ...closedItemFields(next.closed, { ...next, publicTitle: reasonChanged ? null : next.publicTitle }) };
  }

  private itemValues(dto: CreateAgendaItemDto, number: number): Partial<AgendaItem> & { number: number; title: string } {
    const closed = dto.closed ?? false;
    return {
      ...closedItemFields(closed, dto),
      number,
      title: dto.title.trim(),
      caseNumber: dto.caseNumber?.trim() || null,
      startTime: dto.startTime ?? null,
      endTime: dto.endTime ?? null,
      closed,
      summary: dto.summary ?? null,
      recommendation: dto.recommendation ?? null,
      presentation: dto.presentation ?? null,
      attachmentNames: dto.attachmentNames ?? [],
      state: 'draft',
    };
  }

  /**
   * On a published agenda a new item goes straight onto the agenda; members are told of the change. After the
   * material's deadline it is marked Eftersendt, with the warning for the answer.
   */
  private async insertItem(tx: Transaction, meeting: Meeting, values: Partial<AgendaItem>): Promise<{ id: string; warning: NoticeWarning | null }> {
    const published = meeting.state === 'published';
    const state = published ? 'on-agenda' : values.state;
    const warning = published ? await this.notice.materialWarning(tx, meeting) : null;
    const id = await this.items.insert(tx, { ...values, meetingId: meeting.id, state, sentLateAt: warning ? new Date() : null });
    if (published) {
      await this.changes.record(tx, { itemId: id, changedFields: ['added'], previous: {}, actorId: null });
      await this.agendaMail.publishedMeetingChanged(tx, meeting.id);
    }
    await this.audit.record(tx, { action: 'agenda-item.created', entityType: 'agenda-item', entityId: id, details: { meetingId: meeting.id, number: values.number, sentLate: Boolean(warning) } });
    return { id, warning };
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
    const { id: onwardId } = await this.insertItem(tx, target, {
      ...this.itemValues(
        {
          title: item.title,
          caseNumber: item.caseNumber ?? undefined,
          summary: item.summary ?? undefined,
          presentation: item.presentation ?? undefined,
          attachmentNames: item.attachmentNames,
        },
        count + 1,
      ),
      // Closed as it was, on the same reason and under the same public title.
      closed: item.closed,
      closedReason: item.closedReason,
      closedReasonText: item.closedReasonText,
      publicTitle: item.publicTitle,
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
