import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import type { Actor, Page, PageQueryDto } from '@app/core';
import { AuditService } from '@app/audit';
import { type Transaction, UnitOfWork } from '@app/database';
import { assertValidCommittee, commissionNeedsCouncilByDefault, type RelatedCommittee } from '@app/domain';
import { pageOf, pageRequest, sentFields } from '@app/core';
import { BodyRepository } from './body.repository.js';
import { CommitteeDetailResponseDto, CommitteeResponseDto } from './committee-response.dto.js';
import { CommitteeRepository, type RelationField } from './committee.repository.js';
import { type CreateCommitteeDto, DEFAULT_AGENDA_NOTICE_WORKING_DAYS, DEFAULT_MATERIAL_NOTICE_WORKING_DAYS } from './create-committee.dto.js';
import { type ListCommitteesQueryDto } from './list-committees-query.dto.js';
import { MembershipRepository } from './membership.repository.js';
import { MembershipService } from './membership.service.js';
import { type UpdateCommitteeDto } from './update-committee.dto.js';

/**
 * Committees of a body. Every write locks the body's row first, so a committee cannot be checked against an
 * election term, or a hierarchy, that another transaction is changing at the same moment.
 */
@Injectable()
export class CommitteeService {
  constructor(
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly bodies: BodyRepository,
    private readonly committees: CommitteeRepository,
    private readonly membershipRows: MembershipRepository,
    private readonly audit: AuditService,
    private readonly memberships: MembershipService,
  ) {}

  async create(actor: Actor, dto: CreateCommitteeDto): Promise<CommitteeResponseDto> {
    this.access.assertBodyAdmin(actor, dto.bodyId);
    return this.unitOfWork.run(async (tx) => {
      const body = await this.bodies.findOrFail(dto.bodyId, tx, { field: 'bodyId', lock: 'for_no_key_update' });
      const values = {
        bodyId: dto.bodyId,
        name: dto.name,
        kind: dto.kind,
        parentId: dto.parentId ?? null,
        reportsToId: dto.reportsToId ?? null,
        mandateStart: dto.mandateStart,
        mandateEnd: dto.mandateEnd ?? null,
        agendaNoticeWorkingDays: dto.agendaNoticeWorkingDays ?? DEFAULT_AGENDA_NOTICE_WORKING_DAYS,
        materialNoticeWorkingDays: dto.materialNoticeWorkingDays ?? DEFAULT_MATERIAL_NOTICE_WORKING_DAYS,
        commissionNeedsCouncil: dto.commissionNeedsCouncil ?? commissionNeedsCouncilByDefault(dto.kind),
      };
      assertValidCommittee(values, { body, ...(await this.relations(tx, values)) });
      const id = await this.committees.insert(tx, values);
      await this.audit.record(tx, { action: 'committee.created', entityType: 'committee', entityId: id, details: values });
      return CommitteeResponseDto.from(await this.committees.findOrFail(id, tx));
    });
  }

  list(query: ListCommitteesQueryDto): Promise<Page<CommitteeResponseDto>> {
    return this.pageOfCommittees(query, { bodyId: query.bodyId, kind: query.kind });
  }

  /** The committees the actor holds a seat in today, in any role. */
  async listMine(actor: Actor, query: PageQueryDto): Promise<Page<CommitteeResponseDto>> {
    const ids = [...new Set(actor.seats.map((seat) => seat.committeeId))];
    if (ids.length === 0) return { items: [], nextCursor: null };
    return this.pageOfCommittees(query, {}, ids);
  }

  private async pageOfCommittees(query: PageQueryDto, filters: Pick<ListCommitteesQueryDto, 'bodyId' | 'kind'>, ids?: readonly string[]): Promise<Page<CommitteeResponseDto>> {
    const page = pageRequest(query, filters);
    const rows = await this.committees.page({ ...page.filters, ids }, page);
    return pageOf(rows, page.limit, (row) => row.position, page.filters, (row) => CommitteeResponseDto.from(row.entity));
  }

  async get(id: string): Promise<CommitteeDetailResponseDto> {
    const committee = await this.committees.findOrFail(id);
    return { ...CommitteeResponseDto.from(committee), members: await this.memberships.seatsOf(committee, { current: true }) };
  }

  async update(actor: Actor, id: string, dto: UpdateCommitteeDto): Promise<CommitteeResponseDto> {
    this.access.assertSomeAdmin(actor);
    return this.unitOfWork.run(async (tx) => {
      // The body comes first in the lock order; a committee never changes body, so reading it unlocked is safe.
      const { bodyId } = await this.committees.findOrFail(id, tx);
      this.access.assertBodyAdmin(actor, bodyId);
      const body = await this.bodies.findOrFail(bodyId, tx, { lock: 'for_no_key_update' });
      const committee = await this.committees.findOrFail(id, tx, { lock: 'for_no_key_update' });
      const changes = sentFields(dto);
      if (Object.keys(changes).length === 0) return CommitteeResponseDto.from(committee);
      const next = { ...committee, ...changes };
      const memberships = await this.membershipRows.ofCommittee(id, tx);
      assertValidCommittee(next, { body, memberships, ...(await this.relations(tx, next)) });
      await this.committees.update(tx, id, changes);
      await this.audit.record(tx, { action: 'committee.updated', entityType: 'committee', entityId: id, details: { changes } });
      return CommitteeResponseDto.from(await this.committees.findOrFail(id, tx));
    });
  }

  private async relations(tx: Transaction, committee: Record<RelationField, string | null>) {
    return {
      parent: await this.related(tx, 'parentId', committee.parentId),
      reportsTo: await this.related(tx, 'reportsToId', committee.reportsToId),
    };
  }

  /** The committee a relation names, with the chain the same relation leads on to, so a loop can be refused. */
  private async related(tx: Transaction, field: RelationField, id: string | null): Promise<RelatedCommittee | null> {
    if (!id) return null;
    const related = await this.committees.findOrFail(id, tx, { field });
    return { id, bodyId: related.bodyId, name: related.name, ancestorIds: await this.committees.chainFrom(tx, field, id) };
  }
}
