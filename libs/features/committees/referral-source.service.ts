import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import type { Actor } from '@app/core';
import { UnitOfWork } from '@app/database';
import { DomainError } from '@app/domain';
import { CommitteeRepository } from './committee.repository.js';
import { ReferralSourceDto } from './referral-source.dto.js';
import { ReferralSourceRepository } from './referral-source.repository.js';

/**
 * The committees a committee receives referred cases from, besides those below it on the reporting line. Kept by
 * the receiving committee's secretary (or an administrator): a committee decides what may be put before it.
 */
@Injectable()
export class ReferralSourceService {
  constructor(
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly committees: CommitteeRepository,
    private readonly sources: ReferralSourceRepository,
    private readonly audit: AuditService,
  ) {}

  async list(committeeId: string): Promise<ReferralSourceDto[]> {
    await this.committees.assertExists(committeeId);
    return this.withNames(await this.sources.of(committeeId));
  }

  async add(actor: Actor, committeeId: string, sourceCommitteeId: string): Promise<ReferralSourceDto[]> {
    this.access.assertCommitteeSecretary(actor, committeeId);
    if (committeeId === sourceCommitteeId) throw DomainError.invalid('referral_source_is_itself', 'A committee does not receive referrals from itself');
    await this.unitOfWork.run(async (tx) => {
      await this.committees.findOrFail(committeeId, tx);
      await this.committees.findOrFail(sourceCommitteeId, tx, { field: 'sourceCommitteeId' });
      if (await this.sources.add(tx, committeeId, sourceCommitteeId)) {
        await this.audit.record(tx, { action: 'committee.referral-source-added', entityType: 'committee', entityId: committeeId, details: { sourceCommitteeId } });
      }
    });
    return this.list(committeeId);
  }

  async remove(actor: Actor, committeeId: string, sourceCommitteeId: string): Promise<void> {
    this.access.assertCommitteeSecretary(actor, committeeId);
    await this.unitOfWork.run(async (tx) => {
      await this.committees.findOrFail(committeeId, tx);
      if (!(await this.sources.remove(tx, committeeId, sourceCommitteeId))) {
        throw new DomainError('not-found', 'referral_source_not_found', `The committee does not receive referrals from ${sourceCommitteeId}`, { id: sourceCommitteeId });
      }
      await this.audit.record(tx, { action: 'committee.referral-source-removed', entityType: 'committee', entityId: committeeId, details: { sourceCommitteeId } });
    });
  }

  private async withNames(sources: Awaited<ReturnType<ReferralSourceRepository['of']>>): Promise<ReferralSourceDto[]> {
    const names = new Map((await this.committees.named(sources.map((s) => s.sourceCommitteeId))).map((c) => [c.id, c.name]));
    return sources.map((source) => ReferralSourceDto.from(source, names.get(source.sourceCommitteeId) ?? ''));
  }
}
