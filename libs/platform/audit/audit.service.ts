import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { RequestContext } from '@app/core';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditRecord {
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
  statusCode?: number;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  limit: number;
  before?: Date;
}

/** Writes the audit trail: inside the caller's transaction for writes, so the trail and the data never disagree. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await manager.insert(AuditEntry, this.entry(record));
  }

  /** For events outside any write transaction: refused requests, logins. */
  async recordStandalone(record: AuditRecord): Promise<void> {
    await this.entries.insert(this.entry(record));
  }

  find(query: AuditQuery): Promise<AuditEntry[]> {
    const qb = this.entries.createQueryBuilder('a').orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').limit(query.limit);
    if (query.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.before) qb.andWhere('a.at < :before', { before: query.before });
    return qb.getMany();
  }

  private entry(record: AuditRecord): Partial<AuditEntry> {
    const context = RequestContext.current();
    return {
      action: record.action,
      entityType: record.entityType ?? null,
      entityId: record.entityId ?? null,
      details: record.details ?? null,
      statusCode: record.statusCode ?? null,
      actorId: context?.actor?.personId ?? null,
      actorEmail: context?.actor?.email ?? null,
      requestId: context?.requestId ?? null,
      method: context?.method ?? null,
      path: context?.path ?? null,
    };
  }
}
