import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  limit: number;
  before?: Date;
}

/** The audit_entry table: the trail is only ever appended to and read. */
@Injectable()
export class AuditEntryRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async insert(entry: Partial<AuditEntry>, tx: Transaction = this.unitOfWork.outside): Promise<void> {
    await tx.insert(AuditEntry, entry);
  }

  /** Newest first. */
  find(query: AuditQuery): Promise<AuditEntry[]> {
    const qb = this.unitOfWork.outside.createQueryBuilder(AuditEntry, 'a').orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').limit(query.limit);
    if (query.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.before) qb.andWhere('a.at < :before', { before: query.before });
    return qb.getMany();
  }
}
