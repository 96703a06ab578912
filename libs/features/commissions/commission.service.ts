import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { CommitteeRepository } from '@app/committees';
import { type Actor, type Page, pageOf, type PageQueryDto, pageRequest, RequestContext, sentFields } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import {
  COMMISSION_EDITABLE,
  COMMISSION_IN_FORCE,
  commissionItemTitle,
  commissionMarkdown,
  committeeDecidingCommission,
  commissionWorkflow,
  runningDate,
  DomainError,
  type AvailableEvent,
  type CommissionState,
} from '@app/domain';
import { AgendaItemOrigins, AgendaItemService, type DecidedProposal, MeetingService, type ProposedItem } from '@app/meetings';
import { CommissionApprovalReminder } from './commission-approval.reminder.js';
import { CommissionNotices } from './commission-notices.js';
import { WorkflowHistoryRepository, WorkflowService, type WorkflowTransitionRecord } from '@app/workflows';
import { Commission } from './commission.entity.js';
import { type CommissionContent, CommissionRepository } from './commission.repository.js';
import type { CommissionCouncilDto, CommissionDto, CommissionStepDto, CreateCommissionDto, UpdateCommissionDto } from './commission.dto.js';

/** The kind of record the council's item on a kommissorium names as the one that proposed it. */
const COMMISSION_ORIGIN = 'commission';

/**
 * The kommissorium: drafted and amended by the committee's secretary, approved or returned by a director, and for a
 * committee the council decides, adopted or sent back by the decision on the council's item.
 */
@Injectable()
export class CommissionService implements OnModuleInit {
  private readonly records;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly commissions: CommissionRepository,
    private readonly committees: CommitteeRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly transitions: WorkflowHistoryRepository,
    private readonly reminders: CommissionApprovalReminder,
    private readonly notices: CommissionNotices,
    private readonly agenda: AgendaItemService,
    private readonly origins: AgendaItemOrigins,
    private readonly meetings: MeetingService,
    workflows: WorkflowService,
  ) {
    this.records = workflows.declare({
      definition: commissionWorkflow,
      entity: Commission,
      find: (id: string, tx, lock) => this.commissions.find(id, tx, lock),
      notFound: (id) => DomainError.notFound('kommissorium', id),
      committeeOf: (commission) => commission.committeeId,
      context: async (commission, tx, actor) => {
        const committee = await this.committees.findOrFail(commission.committeeId, tx);
        return {
          hasOpenAmendment: await this.commissions.hasOpenAmendment(commission.id, tx),
          firedBySubmitter: await this.submittedBy(commission, actor),
          needsCouncil: committee.commissionNeedsCouncil,
          hasCouncilCommittee: committee.commissionNeedsCouncil && (await this.decidingCommittee(tx, commission.committeeId)) !== null,
        };
      },
      effects: {
        'open-amendment': (tx, approved) => this.openAmendment(tx, approved),
        'supersede-previous-version': (tx, approved) => this.supersedePrevious(tx, approved),
        'remind-directors-of-approval': (tx, submitted) => this.reminders.scheduleCommissionApproval(tx, submitted),
        'notify-directors': (tx, submitted) => this.notices.submitted(tx, submitted),
        'notify-secretary': async (tx, decided, decision, _payload, fired) =>
          this.notices.decided(tx, decided, decision.from as CommissionState, fired, (await this.decidingCommittee(tx, decided.committeeId))?.name ?? null),
        'propose-to-council': (tx, approved) => this.proposeToCouncil(tx, approved),
      },
    });
  }

  onModuleInit(): void {
    this.origins.followDecisions(COMMISSION_ORIGIN, (tx, decided) => this.councilDecided(tx, decided));
  }

  async create(actor: Actor, committeeId: string, dto: CreateCommissionDto): Promise<CommissionDto> {
    await this.committees.assertExists(committeeId);
    await this.access.assertCommitteeSecretary(actor, committeeId);
    const id = await this.unitOfWork.run(async (tx) => {
      // Serialises concurrent creations for one committee so only one line of versions can start.
      await this.committees.lock(tx, committeeId);
      const existing = await this.commissions.latestOf(committeeId, tx);
      if (existing) {
        throw DomainError.conflict(
          'commission_exists',
          `The committee already has a kommissorium (version ${existing.version}, ${existing.state}); edit the draft or amend the approved version`,
          { commissionId: existing.id },
        );
      }
      const commissionId = await this.commissions.insert(tx, { committeeId, version: 1, state: 'draft', ...this.content(dto), createdBy: actor.personId });
      await this.audit.record(tx, { action: 'commission.created', entityType: 'commission', entityId: commissionId, details: { committeeId, version: 1 } });
      return commissionId;
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, committeeId: string, query: PageQueryDto): Promise<Page<CommissionDto>> {
    await this.committees.assertExists(committeeId);
    await this.access.assertCommitteeReader(actor, committeeId);
    const page = pageRequest(query, { committeeId });
    const rows = await this.commissions.versionsOf(committeeId, page);
    const listed = pageOf(rows, page.limit, (row) => row.position, page.filters, (row) => row.entity);
    return { items: await this.toDtos(listed.items), nextCursor: listed.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<CommissionDto> {
    const { record } = await this.records.readable(actor, id);
    const [dto] = await this.toDtos([record]);
    return dto;
  }

  async update(actor: Actor, id: string, dto: UpdateCommissionDto): Promise<CommissionDto> {
    const commission = await this.commissionOrNotFound(id);
    await this.access.assertCommitteeSecretary(actor, commission.committeeId);
    const { rowVersion, ...fields } = sentFields(dto);
    if (Object.keys(fields).length === 0) throw DomainError.invalid('nothing_to_update', 'Send at least one field to change');
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.commissions.updateDraft(tx, id, this.content(fields), rowVersion))) {
        const current = await this.commissions.findOrFail(id, tx);
        if (!COMMISSION_EDITABLE.has(current.state)) {
          throw DomainError.conflict('commission_not_draft', `Only a draft can be edited; this kommissorium is ${current.state}${current.state === 'approved' ? ' (amend it to open a new version)' : ''}`);
        }
        throw DomainError.conflict('stale_row_version', `The kommissorium was changed meanwhile (now rowVersion ${current.rowVersion}); reload it and edit again`);
      }
      await this.audit.record(tx, { action: 'commission.updated', entityType: 'commission', entityId: id, details: { fields: Object.keys(fields) } });
    });
    return this.get(actor, id);
  }

  availableTransitions(actor: Actor, id: string): Promise<AvailableEvent<string>[]> {
    return this.records.available(actor, id);
  }

  async fire(actor: Actor, id: string, event: string, comment?: string): Promise<CommissionDto> {
    await this.records.fire(actor, id, event, { comment });
    return this.get(actor, id);
  }

  history(actor: Actor, id: string): Promise<WorkflowTransitionRecord[]> {
    return this.records.history(actor, id);
  }

  /** Whether `actor` fired a submission of this version (read from its workflow history); only asked while it awaits approval. */
  private async submittedBy(commission: Commission, actor: Actor | null): Promise<boolean> {
    if (commission.state !== 'submitted' || !actor?.personId) return false;
    const steps = await this.transitions.of(commissionWorkflow.name, commission.id);
    return steps.some((step) => step.event === 'submit' && step.actorId === actor.personId);
  }

  /**
   * The council's committee for the kommissorium (the reporting line's council or finance committee, else the
   * body's council), read in the firing transaction.
   */
  private async decidingCommittee(tx: Transaction, committeeId: string) {
    const committee = await this.committees.findOrFail(committeeId, tx);
    const reportsTo = committee.reportsToId ? await this.committees.findOrFail(committee.reportsToId, tx) : null;
    return committeeDecidingCommission(reportsTo, await this.committees.councilOf(committee.bodyId, tx));
  }

  /**
   * A director approved a kommissorium the council adopts: it goes as an item to the deciding committee's next
   * planned meeting, its text as the Sagsfremstilling and as a Bilag. With no meeting planned it waits, and the
   * deciding committee's secretary puts it on a meeting from "Oversendte sager" (POST /api/meetings/:meetingId/commissions/:id).
   */
  private async proposeToCouncil(tx: Transaction, approved: Commission): Promise<void> {
    // The guard made sure there is one.
    const council = (await this.decidingCommittee(tx, approved.committeeId))!;
    const placed = await this.agenda.addProposedItem(tx, await this.councilItemOf(tx, approved, council.id));
    await this.placedWithCouncil(tx, approved, council.id, placed);
  }

  /** The approved kommissorier that wait for a meeting of the meeting's committee to decide them, for its secretary. */
  async waitingForMeeting(actor: Actor, meetingId: string, query: PageQueryDto): Promise<Page<CommissionDto>> {
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    const page = pageRequest(query, { meetingId });
    const rows = await this.commissions.waitingForCouncil(meeting.committeeId, page);
    const listed = pageOf(rows, page.limit, (row) => row.position, page.filters, (row) => row.entity);
    return { items: await this.toDtos(listed.items), nextCursor: listed.nextCursor };
  }

  /** Puts a waiting kommissorium on the meeting of the committee that decides it (that committee's secretary). */
  async putOnMeeting(actor: Actor, meetingId: string, id: string): Promise<CommissionDto> {
    // Who may is settled first, so an outsider learns nothing of the kommissorium's state.
    this.access.assertCommitteeSecretary(actor, (await this.meetings.meetingOrNotFound(meetingId)).committeeId);
    await this.unitOfWork.run(async (tx) => {
      const commission = await this.commissions.find(id, tx, true);
      if (!commission) throw DomainError.notFound('kommissorium', id);
      const councilId = commission.councilCommitteeId;
      if (!councilId || !(await this.commissions.waitsForMeeting(tx, commission))) {
        throw DomainError.conflict(
          'commission_not_waiting',
          `The kommissorium is ${commission.state}${commission.councilItemId ? ' and on an agenda already' : ''}; only one awaiting the council on no agenda, or whose item was postponed or referred, waits for a meeting`,
        );
      }
      const placed = await this.agenda.addProposedItemTo(actor, tx, meetingId, await this.councilItemOf(tx, commission, councilId));
      await this.placedWithCouncil(tx, commission, councilId, placed);
    });
    // Not through get(): the deciding committee's secretary need not read the proposing committee, whose kommissorium
    // text is now on their own agenda anyway.
    const [dto] = await this.toDtos([(await this.commissions.find(id))!]);
    return dto;
  }

  /** The council's item on the kommissorium: the text as the Sagsfremstilling and, as a Markdown file, the Bilag. */
  private async councilItemOf(tx: Transaction, commission: Commission, councilId: string): Promise<ProposedItem> {
    const committee = await this.committees.findOrFail(commission.committeeId, tx);
    const text = commissionMarkdown(commission, committee.name);
    return {
      committeeId: councilId,
      title: commissionItemTitle(committee.name),
      presentation: text,
      origin: { kind: COMMISSION_ORIGIN, id: commission.id },
      attachment: { name: `Kommissorium for ${committee.name}, version ${commission.version}.md`, contentType: 'text/markdown', content: Buffer.from(text, 'utf8') },
    };
  }

  private async placedWithCouncil(tx: Transaction, commission: Commission, councilId: string, placed: { itemId: string; meetingId: string } | null): Promise<void> {
    await this.commissions.placeWithCouncil(tx, commission.id, { councilCommitteeId: councilId, councilItemId: placed?.itemId ?? null });
    await this.audit.record(tx, {
      action: placed ? 'commission.proposed-to-council' : 'commission.awaiting-council-meeting',
      entityType: 'commission',
      entityId: commission.id,
      details: { councilCommitteeId: councilId, itemId: placed?.itemId ?? null, meetingId: placed?.meetingId ?? null },
    });
  }

  /** The decision on the council's item: Godkendt adopts the kommissorium, Ikke godkendt sends it back with the Beslutning as the reason. */
  private async councilDecided(tx: Transaction, decided: DecidedProposal): Promise<void> {
    const commission = await this.commissions.find(decided.originId, tx, true);
    if (!commission) throw DomainError.notFound('kommissorium', decided.originId);
    if (decided.outcome === 'approved') {
      const council = await this.committees.findOrFail(decided.committeeId, tx);
      const on = `mødet ${runningDate(decided.meetingStartsAt)}, punkt ${decided.itemNumber}`;
      await this.records.fireAsSystem(tx, commission, 'adopt', `Vedtaget af ${council.name} på ${on}: ${decided.decision}`);
    } else {
      await this.records.fireAsSystem(tx, commission, 'reject', decided.decision);
    }
  }

  private async openAmendment(tx: Transaction, approved: Commission): Promise<void> {
    const amendmentId = await this.commissions.insert(tx, {
      committeeId: approved.committeeId,
      version: approved.version + 1,
      state: 'draft',
      title: approved.title,
      purpose: approved.purpose,
      background: approved.background,
      themes: approved.themes,
      composition: approved.composition,
      deliverables: approved.deliverables,
      previousVersionId: approved.id,
      createdBy: RequestContext.current()?.actor?.personId ?? null,
    });
    await this.audit.record(tx, {
      action: 'commission.created',
      entityType: 'commission',
      entityId: amendmentId,
      details: { committeeId: approved.committeeId, version: approved.version + 1, amends: approved.id },
    });
  }

  private async supersedePrevious(tx: Transaction, approved: Commission): Promise<void> {
    if (!approved.previousVersionId) return;
    const previous = await this.commissions.findOrFail(approved.previousVersionId, tx);
    if (!COMMISSION_IN_FORCE.has(previous.state)) return;
    await this.records.fireAsSystem(tx, previous, 'supersede', `Version ${approved.version} ${approved.state === 'adopted' ? 'was adopted' : 'was approved'}`);
  }

  private content(dto: Partial<CreateCommissionDto>): CommissionContent {
    const fields: CommissionContent = {};
    if (dto.title !== undefined) fields.title = dto.title.trim();
    if (dto.purpose !== undefined) fields.purpose = dto.purpose;
    if (dto.background !== undefined) fields.background = dto.background;
    if (dto.themes !== undefined) fields.themes = dto.themes.map((theme) => theme.trim());
    if (dto.composition !== undefined) fields.composition = dto.composition;
    if (dto.deliverables !== undefined) fields.deliverables = dto.deliverables;
    if (dto.approvalDeadline !== undefined) fields.approvalDeadline = dto.approvalDeadline;
    return fields;
  }

  private async toDtos(commissions: Commission[]): Promise<CommissionDto[]> {
    if (commissions.length === 0) return [];
    const ids = commissions.map((c) => c.id);
    const [steps, amendments, withCouncil] = await Promise.all([
      this.transitions.ofRecords(commissionWorkflow.name, ids),
      this.commissions.openAmendmentsOf(ids),
      this.commissions.withCouncil(ids),
    ]);
    const last = (id: string, event: string): CommissionStepDto | null => {
      const step = steps.filter((s) => s.recordId === id && s.event === event).at(-1);
      return step ? { by: step.actorId, at: step.at, comment: step.comment } : null;
    };
    return commissions.map((c) => {
      const submitted = last(c.id, 'submit');
      return {
        id: c.id,
        committeeId: c.committeeId,
        version: c.version,
        state: c.state,
        inForce: COMMISSION_IN_FORCE.has(c.state),
        rowVersion: c.rowVersion,
        title: c.title,
        purpose: c.purpose,
        background: c.background,
        themes: c.themes,
        composition: c.composition,
        deliverables: c.deliverables,
        approvalDeadline: c.approvalDeadline,
        previousVersionId: c.previousVersionId,
        amendmentId: amendments.find((a) => a.previousVersionId === c.id)?.id ?? null,
        awaitingApproval: c.state === 'submitted' && submitted ? { by: 'director', since: submitted.at, deadline: c.approvalDeadline } : null,
        submitted,
        returned: last(c.id, 'return'),
        approved: last(c.id, 'approve'),
        council: councilOf(withCouncil.find((w) => w.id === c.id)),
        adopted: last(c.id, 'adopt'),
        notAdopted: last(c.id, 'reject'),
        createdBy: c.createdBy,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
      };
    });
  }

  private async commissionOrNotFound(id: string): Promise<Commission> {
    const commission = await this.commissions.find(id);
    if (!commission) throw DomainError.notFound('kommissorium', id);
    return commission;
  }
}

/** The council's part in a version, from the version with its council committee, item and meeting loaded. */
function councilOf(commission: Commission | undefined): CommissionCouncilDto | null {
  if (!commission?.councilCommittee) return null;
  const item = commission.councilItem ?? null;
  return {
    committeeId: commission.councilCommittee.id,
    committeeName: commission.councilCommittee.name,
    itemId: item?.id ?? null,
    itemNumber: item?.number ?? null,
    meetingId: item?.meetingId ?? null,
    meetingStartsAt: item?.meeting?.startsAt ?? null,
    meetingTitle: item?.meeting?.title ?? null,
  };
}
