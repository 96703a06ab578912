import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { type Actor, type Page, pageOf, pageRequest, RequestContext } from '@app/core';
import type { Transaction } from '@app/database';
import type { AuditEntry } from './audit-entry.entity.js';
import { AuditEntryRepository } from './audit-entry.repository.js';
import type { AuditQueryDto } from './audit-query.dto.js';

export interface AuditRecord {
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
  statusCode?: number;
  /** Who, when the request context does not know yet (a login). */
  actor?: Pick<Actor, 'personId' | 'email'>;
}

/** Writes the audit trail: inside the caller's transaction for writes, so the trail and the data never disagree. */
@Injectable()
export class AuditService {
  constructor(
    private readonly entries: AuditEntryRepository,
    private readonly access: AccessService,
  ) {}

  async record(tx: Transaction, record: AuditRecord): Promise<void> {
    await this.entries.insert(this.entry(record), tx);
  }

  /** One row per record, in one statement (the items a publication puts on the agenda). */
  async recordMany(tx: Transaction, records: readonly AuditRecord[]): Promise<void> {
    await this.entries.insertMany(records.map((record) => this.entry(record)), tx);
  }

  /** For events outside any write transaction: refused requests, logins. */
  async recordStandalone(record: AuditRecord): Promise<void> {
    await this.entries.insert(this.entry(record));
  }

  /**
   * A refusal of a caller without a login: one row per client address, minute and refusal code, whose
   * `details.count` counts the refusals (so one client cannot grow the table faster than that).
   */
  async recordAnonymousRefusal(record: AuditRecord): Promise<void> {
    const entry = this.entry(record);
    const minute = new Date().toISOString().slice(0, 16);
    const hex = createHash('sha256').update(`${record.action}|${entry.ip ?? ''}|${minute}|${record.statusCode ?? ''}|${String(record.details?.code ?? '')}`).digest('hex');
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    await this.entries.insertOrCount({ ...entry, id });
  }

  async find(actor: Actor, query: AuditQueryDto): Promise<Page<AuditEntry>> {
    this.access.assertInstallationAdmin(actor);
    const { entityType, entityId, actorId, action } = query;
    const page = pageRequest(query, { entityType, entityId, actorId, action });
    const rows = await this.entries.find(page.filters, page);
    return pageOf(rows, page.limit, (row) => row.position, page.filters, (row) => row.entity);
  }

  private entry(record: AuditRecord): Partial<AuditEntry> {
    const context = RequestContext.current();
    return {
      action: record.action,
      entityType: record.entityType ?? null,
      entityId: record.entityId ?? null,
      details: record.details ?? null,
      statusCode: record.statusCode ?? null,
      actorId: record.actor?.personId ?? context?.actor?.personId ?? null,
      actorEmail: record.actor?.email ?? context?.actor?.email ?? null,
      requestId: context?.requestId ?? null,
      clientRequestId: context?.clientRequestId ?? null,
      ip: context?.ip ?? null,
      method: context?.method ?? null,
      path: context?.path ?? null,
    };
  }
}
