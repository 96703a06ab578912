import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { assertValidCommittee, type RelatedCommittee } from '@app/domain';
import { findOrFail, sentFields } from '@app/core';
import { Body } from './body.entity.js';
import { CommitteeDetailResponseDto, CommitteeResponseDto } from './committee-response.dto.js';
import { Committee } from './committee.entity.js';
import { type CreateCommitteeDto, DEFAULT_AGENDA_NOTICE_WORKING_DAYS } from './create-committee.dto.js';
import { type ListCommitteesQueryDto } from './list-committees-query.dto.js';
import { Membership } from './membership.entity.js';
import { MembershipService } from './membership.service.js';
import { type UpdateCommitteeDto } from './update-committee.dto.js';

type RelationField = 'parentId' | 'reportsToId';
const RELATION_COLUMNS: Record<RelationField, string> = { parentId: 'parent_id', reportsToId: 'reports_to_id' };

/**
 * Committees of a body. Every write locks the body's row first, so a committee cannot be checked against an
 * election term, or a hierarchy, that another transaction is changing at the same moment.
 */
@Injectable()
export class CommitteeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly memberships: MembershipService,
  ) {}

  async create(dto: CreateCommitteeDto): Promise<CommitteeResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const body = await findOrFail(manager, Body, dto.bodyId, { field: 'bodyId', lock: 'for_no_key_update' });
      const values = {
        bodyId: dto.bodyId,
        name: dto.name,
        kind: dto.kind,
        parentId: dto.parentId ?? null,
        reportsToId: dto.reportsToId ?? null,
        mandateStart: dto.mandateStart,
        mandateEnd: dto.mandateEnd ?? null,
        agendaNoticeWorkingDays: dto.agendaNoticeWorkingDays ?? DEFAULT_AGENDA_NOTICE_WORKING_DAYS,
      };
      assertValidCommittee(values, { body, ...(await this.relations(manager, values)) });
      const { identifiers } = await manager.insert(Committee, values);
      const id = identifiers[0].id as string;
      await this.audit.record(manager, { action: 'committee.created', entityType: 'committee', entityId: id, details: values });
      return CommitteeResponseDto.from(await findOrFail(manager, Committee, id));
    });
  }

  async list(query: ListCommitteesQueryDto): Promise<CommitteeResponseDto[]> {
    const committees = await this.dataSource.manager.find(Committee, {
      where: { ...(query.bodyId ? { bodyId: query.bodyId } : {}), ...(query.kind ? { kind: query.kind } : {}) },
      order: { name: 'ASC', id: 'ASC' },
    });
    return committees.map((committee) => CommitteeResponseDto.from(committee));
  }

  async get(id: string): Promise<CommitteeDetailResponseDto> {
    const committee = await findOrFail(this.dataSource.manager, Committee, id);
    return { ...CommitteeResponseDto.from(committee), members: await this.memberships.seatsOf(committee, { current: true }) };
  }

  async update(id: string, dto: UpdateCommitteeDto): Promise<CommitteeResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // The body comes first in the lock order; a committee never changes body, so reading it unlocked is safe.
      const { bodyId } = await findOrFail(manager, Committee, id);
      const body = await findOrFail(manager, Body, bodyId, { lock: 'for_no_key_update' });
      const committee = await findOrFail(manager, Committee, id, { lock: 'for_no_key_update' });
      const changes = sentFields(dto);
      if (Object.keys(changes).length === 0) return CommitteeResponseDto.from(committee);
      const next = { ...committee, ...changes };
      const memberships = await manager.findBy(Membership, { committeeId: id });
      assertValidCommittee(next, { body, memberships, ...(await this.relations(manager, next)) });
      await manager.update(Committee, id, changes);
      await this.audit.record(manager, { action: 'committee.updated', entityType: 'committee', entityId: id, details: { changes } });
      return CommitteeResponseDto.from(await findOrFail(manager, Committee, id));
    });
  }

  private async relations(manager: EntityManager, committee: Record<RelationField, string | null>) {
    return {
      parent: await this.related(manager, 'parentId', committee.parentId),
      reportsTo: await this.related(manager, 'reportsToId', committee.reportsToId),
    };
  }

  /** The committee a relation names, with the chain the same relation leads on to, so a loop can be refused. */
  private async related(manager: EntityManager, field: RelationField, id: string | null): Promise<RelatedCommittee | null> {
    if (!id) return null;
    const related = await findOrFail(manager, Committee, id, { field });
    const column = RELATION_COLUMNS[field];
    const chain: { id: string }[] = await manager.query(
      `WITH RECURSIVE chain(id) AS (
         SELECT ${column} FROM committee WHERE id = $1
         UNION SELECT c.${column} FROM committee c JOIN chain ON c.id = chain.id
       ) SELECT id FROM chain WHERE id IS NOT NULL`,
      [id],
    );
    return { id, bodyId: related.bodyId, name: related.name, ancestorIds: chain.map((row) => row.id) };
  }
}
