import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import type { Actor } from '@app/core';
import { RequestContext } from '@app/core';
import type { Transaction } from '@app/database';
import type { AuditEntry } from './audit-entry.entity.js';
import { type AuditQuery, AuditEntryRepository } from './audit-entry.repository.js';

export type { AuditQuery } from './audit-entry.repository.js';

export interface AuditRecord {
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
  statusCode?: number;
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

  /** For events outside any write transaction: refused requests, logins. */
  async recordStandalone(record: AuditRecord): Promise<void> {
    await this.entries.insert(this.entry(record));
  }

  find(actor: Actor, query: AuditQuery): Promise<AuditEntry[]> {
    this.access.assertAdmin(actor);
    return this.entries.find(query);
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
