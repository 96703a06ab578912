import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { RequestContext, sentFields, type Actor } from '@app/core';
import { commissionWorkflow, DomainError, SYSTEM_ACTOR, availableEvents, type AvailableEvent, type CommissionContext } from '@app/domain';
import { ReminderScheduler } from '@app/reminders';
import { WorkflowService, WorkflowTransitionRecord, workflowActorOf, workflowRolesOf } from '@app/workflows';
import { Committee } from '@app/committees';
import { Commission } from './commission.entity.js';
import type { CommissionDto, CommissionStepDto, CreateCommissionDto, UpdateCommissionDto } from './commission.dto.js';

const OPEN_STATES = ['draft', 'submitted'] as const;

/** The kommissorium: drafted and amended by the committee's secretary, approved or returned by a director. */
@Injectable()
export class CommissionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly workflows: WorkflowService,
    private readonly reminders: ReminderScheduler,
  ) {
    this.workflows.registerEffects<Commission>(commissionWorkflow, {
      'open-amendment': (manager, approved) => this.openAmendment(manager, approved),
      'supersede-previous-version': (manager, approved) => this.supersedePrevious(manager, approved),
      'remind-directors-of-approval': (manager, submitted) => this.reminders.scheduleCommissionApproval(manager, submitted),
    });
  }

  async create(actor: Actor, committeeId: string, dto: CreateCommissionDto): Promise<CommissionDto> {
    await this.committeeOrNotFound(committeeId);
    await this.access.assertCommitteeSecretary(actor, committeeId);
    const id = await this.dataSource.transaction(async (manager) => {
      // Serialises concurrent creations for one committee so only one line of versions can start.
      await manager.query('SELECT 1 FROM committee WHERE id = $1 FOR UPDATE', [committeeId]);
      const existing = await manager.findOne(Commission, { where: { committeeId }, order: { version: 'DESC' } });
      if (existing) {
        throw DomainError.conflict(
          'commission_exists',
          `The committee already has a kommissorium (version ${existing.version}, ${existing.state}); edit the draft or amend the approved version`,
          { commissionId: existing.id },
        );
      }
      const { identifiers } = await manager.insert(Commission, { committeeId, version: 1, state: 'draft', ...this.content(dto), createdBy: actor.personId });
      const commissionId = identifiers[0].id as string;
      await this.audit.record(manager, { action: 'commission.created', entityType: 'commission', entityId: commissionId, details: { committeeId, version: 1 } });
      return commissionId;
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, committeeId: string): Promise<CommissionDto[]> {
    await this.committeeOrNotFound(committeeId);
    await this.access.assertCommitteeReader(actor, committeeId);
    const versions = await this.dataSource.getRepository(Commission).find({ where: { committeeId }, order: { version: 'DESC' } });
    return this.toDtos(versions);
  }

  async get(actor: Actor, id: string): Promise<CommissionDto> {
    const commission = await this.commissionOrNotFound(id);
    await this.access.assertCommitteeReader(actor, commission.committeeId);
    const [dto] = await this.toDtos([commission]);
    return dto;
  }

  async update(actor: Actor, id: string, dto: UpdateCommissionDto): Promise<CommissionDto> {
    const commission = await this.commissionOrNotFound(id);
    await this.access.assertCommitteeSecretary(actor, commission.committeeId);
    const { rowVersion, ...fields } = sentFields(dto);
    if (Object.keys(fields).length === 0) throw DomainError.invalid('nothing_to_update', 'Send at least one field to change');
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Commission)
        .set({ ...this.content(fields), rowVersion: () => 'row_version + 1' })
        .where('id = :id AND state = :state', { id, state: 'draft' })
        .andWhere(rowVersion ? 'row_version = :rowVersion' : 'TRUE', { rowVersion })
        .execute();
      if (result.affected !== 1) {
        const current = await manager.findOneByOrFail(Commission, { id });
        if (current.state !== 'draft') {
          throw DomainError.conflict('commission_not_draft', `Only a draft can be edited; this kommissorium is ${current.state}${current.state === 'approved' ? ' (amend it to open a new version)' : ''}`);
        }
        throw DomainError.conflict('stale_row_version', `The kommissorium was changed meanwhile (now rowVersion ${current.rowVersion}); reload it and edit again`);
      }
      await this.audit.record(manager, { action: 'commission.updated', entityType: 'commission', entityId: id, details: { fields: Object.keys(fields) } });
    });
    return this.get(actor, id);
  }

  async availableTransitions(actor: Actor, id: string): Promise<AvailableEvent<string>[]> {
    const commission = await this.commissionOrNotFound(id);
    await this.access.assertCommitteeReader(actor, commission.committeeId);
    const roles = workflowRolesOf(actor, commission.committeeId);
    return availableEvents(commissionWorkflow, commission.state, { roles }, await this.context(this.dataSource.manager, commission));
  }

  async fire(actor: Actor, id: string, event: string, comment?: string): Promise<CommissionDto> {
    const commission = await this.commissionOrNotFound(id);
    this.access.assertCommitteeReader(actor, commission.committeeId);
    await this.workflows.fire({
      definition: commissionWorkflow,
      entity: Commission,
      record: commission,
      event,
      actor: workflowActorOf(actor, commission.committeeId),
      context: await this.context(this.dataSource.manager, commission),
      comment,
    });
    return this.get(actor, id);
  }

  async history(actor: Actor, id: string): Promise<WorkflowTransitionRecord[]> {
    const commission = await this.commissionOrNotFound(id);
    await this.access.assertCommitteeReader(actor, commission.committeeId);
    return this.workflows.history(commissionWorkflow.name, id);
  }

  private async context(manager: EntityManager, commission: Commission): Promise<CommissionContext> {
    const hasOpenAmendment = await manager.exists(Commission, { where: { previousVersionId: commission.id, state: In([...OPEN_STATES]) } });
    return { hasOpenAmendment };
  }

  private async openAmendment(manager: EntityManager, approved: Commission): Promise<void> {
    const { identifiers } = await manager.insert(Commission, {
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
    await this.audit.record(manager, {
      action: 'commission.created',
      entityType: 'commission',
      entityId: identifiers[0].id as string,
      details: { committeeId: approved.committeeId, version: approved.version + 1, amends: approved.id },
    });
  }

  private async supersedePrevious(manager: EntityManager, approved: Commission): Promise<void> {
    if (!approved.previousVersionId) return;
    const previous = await manager.findOneByOrFail(Commission, { id: approved.previousVersionId });
    if (previous.state !== 'approved') return;
    await this.workflows.fire({
      definition: commissionWorkflow,
      entity: Commission,
      record: previous,
      event: 'supersede',
      actor: { ...SYSTEM_ACTOR, personId: null },
      context: { hasOpenAmendment: false },
      comment: `Version ${approved.version} was approved`,
      manager,
    });
  }

  private content(dto: Partial<CreateCommissionDto>): Partial<Commission> {
    const fields: Partial<Commission> = {};
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
    const [steps, amendments] = await Promise.all([
      this.dataSource.getRepository(WorkflowTransitionRecord).find({ where: { workflow: commissionWorkflow.name, recordId: In(ids) }, order: { at: 'ASC' } }),
      this.dataSource.getRepository(Commission).find({ where: { previousVersionId: In(ids), state: In([...OPEN_STATES]) }, select: { id: true, previousVersionId: true } }),
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
        inForce: c.state === 'approved',
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
        createdBy: c.createdBy,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
      };
    });
  }

  private async commissionOrNotFound(id: string): Promise<Commission> {
    const commission = await this.dataSource.getRepository(Commission).findOneBy({ id });
    if (!commission) throw DomainError.notFound('kommissorium', id);
    return commission;
  }

  private async committeeOrNotFound(id: string): Promise<void> {
    if (!(await this.dataSource.getRepository(Committee).existsBy({ id }))) throw DomainError.notFound('committee', id);
  }
}
