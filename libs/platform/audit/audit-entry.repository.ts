import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
}

/** Where a page of the trail continues: after the entry at this instant (as PostgreSQL writes it, to the microsecond) and id. */
export type AuditPosition = [at: string, id: string];

/** The audit_entry table: the trail is only ever appended to and read. */
@Injectable()
export class AuditEntryRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async insert(entry: Partial<AuditEntry>, tx: Transaction = this.unitOfWork.outside): Promise<void> {
    await tx.insert(AuditEntry, entry);
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

  /**
   * Newest first, by instant and then id, so entries of one instant keep their order across pages: `limit` entries
   * after `after`, each with its position.
   */
  async find(filters: AuditFilters, limit: number, after: AuditPosition | null): Promise<{ entry: AuditEntry; position: AuditPosition }[]> {
    const qb = this.unitOfWork.outside
      .createQueryBuilder(AuditEntry, 'a')
      .addSelect('a.at::text', 'position_at')
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit);
    if (filters.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: filters.entityType });
    if (filters.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filters.entityId });
    if (filters.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filters.actorId });
    if (filters.action) qb.andWhere('a.action = :action', { action: filters.action });
    if (after) qb.andWhere('(a.at, a.id) < (:afterAt::timestamptz, :afterId::uuid)', { afterAt: after[0], afterId: after[1] });
    const { entities, raw } = await qb.getRawAndEntities<{ position_at: string; a_id: string }>();
    const positions = new Map(raw.map((row) => [row.a_id, row.position_at]));
    return entities.map((entry) => ({ entry, position: [positions.get(entry.id) as string, entry.id] }));
  }
}
