import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import type { Actor, Page, PageQueryDto } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import {
  type AvailableEvent,
  decideTransition,
  DomainError,
  type PhaseContext,
  phaseWorkflow,
  quarterOf,
  renderProcessPlanSvg,
  todayInCopenhagen,
} from '@app/domain';
import { isConstraintViolation, pageOf, pageRequest } from '@app/core';
import { PhaseEndingReminder } from './phase-ending.reminder.js';
import { WorkflowService, type WorkflowTransitionRecord, workflowActorOf } from '@app/workflows';
import { CommitteeRepository } from '@app/committees';
import type { CreatePhaseDto } from './create-phase.dto.js';
import { Phase } from './phase.entity.js';
import { PhaseRepository } from './phase.repository.js';
import { PhaseResponseDto } from './phase-response.dto.js';
import { assertPhaseOpen, type PhaseQuarters, planPhase } from './phase-rules.js';
import type { UpdatePhaseDto } from './update-phase.dto.js';

/**
 * The committee's process plan: the secretary lays out phases on quarters and moves them through
 * planned -> active -> completed (or cancelled); members, directors and admins read it.
 */
@Injectable()
export class PhaseService {
  private readonly records;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly phases: PhaseRepository,
    private readonly committees: CommitteeRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly reminders: PhaseEndingReminder,
    workflows: WorkflowService,
  ) {
    this.records = workflows.declare({
      definition: phaseWorkflow,
      entity: Phase,
      find: (id: string, tx) => this.phases.find(id, tx),
      notFound: (id) => DomainError.notFound('phase', id),
      committeeOf: (phase) => phase.committeeId,
      context: (phase, tx) => this.context(phase, tx),
      effects: {
        'warn-before-phase-ends': (tx, phase) => this.reminders.schedulePhaseEnding(tx, phase),
      },
    });
  }

  async create(actor: Actor, committeeId: string, dto: CreatePhaseDto): Promise<PhaseResponseDto> {
    await this.committees.findOrFail(committeeId);
    await this.access.assertCommitteeSecretary(actor, committeeId);
    const id = await this.explainingOverlap(dto, committeeId, undefined, (tx) => this.insert(tx, actor, committeeId, dto));
    return PhaseResponseDto.from(await this.phases.findOrFail(id));
  }

  async list(actor: Actor, committeeId: string, query: PageQueryDto): Promise<Page<PhaseResponseDto>> {
    await this.committees.findOrFail(committeeId);
    await this.access.assertCommitteeReader(actor, committeeId);
    const page = pageRequest(query, { committeeId });
    return pageOf(await this.phases.pageOfCommittee(committeeId, page), page.limit, (row) => row.position, page.filters, (row) => PhaseResponseDto.from(row.entity));
  }

  async get(actor: Actor, id: string): Promise<PhaseResponseDto> {
    const phase = await this.phases.findOrFail(id);
    await this.access.assertCommitteeReader(actor, phase.committeeId);
    return PhaseResponseDto.from(phase);
  }

  /** Re-plans a planned or active phase; the new quarters are checked as a new phase's would be. */
  async update(actor: Actor, id: string, dto: UpdatePhaseDto): Promise<PhaseResponseDto> {
    const phase = await this.phases.findOrFail(id);
    await this.access.assertCommitteeSecretary(actor, phase.committeeId);
    const { rowVersion, ...fields } = dto;
    if (Object.keys(fields).length === 0) throw DomainError.invalid('nothing_to_update', 'Send at least one field to change');
    const quarters = { fromQuarter: fields.fromQuarter ?? phase.fromQuarter, toQuarter: fields.toQuarter ?? phase.toQuarter };
    await this.explainingOverlap(quarters, phase.committeeId, id, async (tx) => {
      const committee = await this.committees.findOrFail(phase.committeeId, tx, { lock: 'pessimistic_read' });
      // Locked until commit: a transition that raced us fails its compare-and-set instead of acting on the old plan.
      const current = await this.phases.findOrFail(id, tx, { lock: 'for_no_key_update' });
      assertPhaseOpen(current, 're-plan');
      if (rowVersion !== undefined && rowVersion !== current.rowVersion) {
        throw DomainError.conflict('stale_row_version', `The phase was changed meanwhile (now rowVersion ${current.rowVersion}); reload it and edit again`);
      }
      const dates = planPhase({ quarters, committee, phases: await this.phases.ofCommittee(committee.id, tx), phase: current, today: todayInCopenhagen() });
      await this.phases.update(tx, id, { ...fields, ...quarters, ...dates });
      // Re-planning an active phase moves the warning before its end.
      if (current.state === 'active' && dates.endDate !== current.endDate) await this.reminders.schedulePhaseEnding(tx, { ...current, ...dates });
      await this.audit.record(tx, { action: 'phase.updated', entityType: 'phase', entityId: id, details: { committeeId: committee.id, fields: Object.keys(fields), ...quarters } });
    });
    return PhaseResponseDto.from(await this.phases.findOrFail(id));
  }

  availableTransitions(actor: Actor, id: string): Promise<AvailableEvent<string>[]> {
    return this.records.available(actor, id);
  }

  async fire(actor: Actor, id: string, event: string, comment?: string): Promise<PhaseResponseDto> {
    try {
      await this.records.fire(actor, id, event, { comment });
    } catch (error) {
      if (!isConstraintViolation(error, 'phase_one_active')) throw error;
      // Another phase became active after our check; deciding again against it gives the usual refusal naming it.
      const current = await this.phases.findOrFail(id);
      decideTransition(phaseWorkflow, current.state, event, workflowActorOf(actor, current.committeeId), await this.context(current, this.unitOfWork.outside), comment);
      throw DomainError.conflict('stale_state', 'The plan changed meanwhile; reload it and try again', { event });
    }
    return PhaseResponseDto.from(await this.phases.findOrFail(id));
  }

  history(actor: Actor, id: string): Promise<WorkflowTransitionRecord[]> {
    return this.records.history(actor, id);
  }

  /** The plan drawn on its quarters, from the start of the mandate to its end or the last phase. */
  async processPlanSvg(actor: Actor, committeeId: string): Promise<string> {
    const committee = await this.committees.findOrFail(committeeId);
    await this.access.assertCommitteeReader(actor, committeeId);
    const phases = await this.phases.ofCommittee(committeeId);
    return renderProcessPlanSvg({
      committeeName: committee.name,
      phases,
      today: todayInCopenhagen(),
      span: { fromQuarter: quarterOf(committee.mandateStart), toQuarter: quarterOf(committee.mandateEnd ?? committee.mandateStart) },
    });
  }

  private async insert(tx: Transaction, actor: Actor, committeeId: string, dto: CreatePhaseDto): Promise<string> {
    // Shared lock: a concurrent change of the mandate waits for this phase, so the phase never ends up outside it.
    const committee = await this.committees.findOrFail(committeeId, tx, { lock: 'pessimistic_read' });
    const quarters = { fromQuarter: dto.fromQuarter, toQuarter: dto.toQuarter };
    const dates = planPhase({ quarters, committee, phases: await this.phases.ofCommittee(committeeId, tx), today: todayInCopenhagen() });
    const id = await this.phases.insert(tx, {
      committeeId,
      title: dto.title,
      theme: dto.theme ?? null,
      description: dto.description ?? null,
      ...quarters,
      ...dates,
      state: phaseWorkflow.initial,
      createdBy: actor.personId,
    });
    await this.audit.record(tx, { action: 'phase.created', entityType: 'phase', entityId: id, details: { committeeId, title: dto.title, ...quarters } });
    return id;
  }

  /**
   * Runs a write that places a phase on `quarters`. Concurrent writes can both pass the overlap check; the loser
   * hits the exclusion constraint, and checking again, now against the winner, names the phase it overlaps.
   */
  private async explainingOverlap<T>(quarters: PhaseQuarters, committeeId: string, phaseId: string | undefined, write: (tx: Transaction) => Promise<T>): Promise<T> {
    try {
      return await this.unitOfWork.run(write);
    } catch (error) {
      if (!isConstraintViolation(error, 'phase_no_overlap')) throw error;
      const committee = await this.committees.findOrFail(committeeId);
      const phases = await this.phases.ofCommittee(committeeId);
      planPhase({ quarters, committee, phases, phase: phases.find((p) => p.id === phaseId), today: todayInCopenhagen() });
      throw DomainError.conflict('phase_overlaps', 'The phase overlapped another phase that has since been moved or cancelled; try again');
    }
  }

  private async context(phase: Phase, tx: Transaction): Promise<PhaseContext> {
    const otherActive = await this.phases.otherActive(phase, tx);
    return { today: todayInCopenhagen(), startDate: phase.startDate, otherActivePhase: otherActive?.title ?? null };
  }
}
