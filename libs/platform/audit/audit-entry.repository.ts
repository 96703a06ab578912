import { Injectable } from '@nestjs/common';
import type { ListOrder, PagePosition } from '@app/core';
import { readKeysetPage, type Transaction, UnitOfWork } from '@app/database';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
}

const AUDIT_ORDER: ListOrder = { keys: [['a.at', 'timestamptz'], ['a.id', 'uuid']], descending: true };

/** The audit_entry table: the trail is only ever appended to and read. */
@Injectable()
export class AuditEntryRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async insert(entry: Partial<AuditEntry>, tx: Transaction = this.unitOfWork.outside): Promise<void> {
    await tx.insert(AuditEntry, entry);
  }

  /** Many entries in one statement. */
  async insertMany(entries: readonly Partial<AuditEntry>[], tx: Transaction): Promise<void> {
    if (entries.length) await tx.insert(AuditEntry, [...entries]);
  }

  /**
   * Writes the entry, or, when a row with its id is there already, counts one more in that row's `details.count`
   * (and `details.lastAt`): one row stands for many like events.
   */
  async insertOrCount(entry: Partial<AuditEntry> & { id: string }): Promise<void> {
    await this.unitOfWork.outside.query(
      `INSERT INTO audit_entry (id, action, entity_type, entity_id, status_code, details, actor_id, actor_email, request_id, client_request_id, ip, method, path)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb || jsonb_build_object('count', 1), $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (id) DO UPDATE SET details = audit_entry.details
         || jsonb_build_object('count', COALESCE((audit_entry.details->>'count')::int, 1) + 1, 'lastAt', now())`,
      [
        entry.id, entry.action, entry.entityType ?? null, entry.entityId ?? null, entry.statusCode ?? null, JSON.stringify(entry.details ?? {}),
        entry.actorId ?? null, entry.actorEmail ?? null, entry.requestId ?? null, entry.clientRequestId ?? null, entry.ip ?? null, entry.method ?? null, entry.path ?? null,
      ],
    );
  }

  /** A page of the trail, newest first, by instant and then id, so entries of one instant keep their order across pages. */
  find(filters: AuditFilters, page: { after: PagePosition | null; limit: number }): Promise<{ entity: AuditEntry; position: PagePosition }[]> {
    const query = this.unitOfWork.outside.createQueryBuilder(AuditEntry, 'a');
    if (filters.entityType) query.andWhere('a.entity_type = :entityType', { entityType: filters.entityType });
    if (filters.entityId) query.andWhere('a.entity_id = :entityId', { entityId: filters.entityId });
    if (filters.actorId) query.andWhere('a.actor_id = :actorId', { actorId: filters.actorId });
    if (filters.action) query.andWhere('a.action = :action', { action: filters.action });
    return readKeysetPage(query, AUDIT_ORDER, page);
  }
}
