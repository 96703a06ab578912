import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import type { Actor, Page, PageQueryDto } from '@app/core';
import { AuditService } from '@app/audit';
import { UnitOfWork } from '@app/database';
import { assertClosedDays, assertValidBody, DEFAULT_EXTRA_CLOSED_DAYS } from '@app/domain';
import { pageOf, pageRequest, sentFields } from '@app/core';
import { BodyResponseDto } from './body-response.dto.js';
import { BodyRepository } from './body.repository.js';
import { CommitteeRepository } from './committee.repository.js';
import { type CreateBodyDto } from './create-body.dto.js';
import { type UpdateBodyDto } from './update-body.dto.js';

/** The closed days in calendar order, each once; a day that is no day of the year (06-31) is refused. */
function uniqueDays(days: readonly string[]): string[] {
  assertClosedDays(days);
  return [...new Set(days)].sort();
}

@Injectable()
export class BodyService {
  constructor(
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly bodies: BodyRepository,
    private readonly committees: CommitteeRepository,
    private readonly audit: AuditService,
  ) {}

  /** A new body widens the installation: its administrator's, not one body's. */
  async create(actor: Actor, dto: CreateBodyDto): Promise<BodyResponseDto> {
    this.access.assertInstallationAdmin(actor);
    const values = {
      name: dto.name,
      kind: dto.kind,
      electionTermStart: dto.electionTermStart ?? null,
      electionTermEnd: dto.electionTermEnd ?? null,
      closedDays: uniqueDays(dto.closedDays ?? DEFAULT_EXTRA_CLOSED_DAYS),
    };
    assertValidBody(values);
    return this.unitOfWork.run(async (tx) => {
      const id = await this.bodies.insert(tx, values);
      await this.audit.record(tx, { action: 'body.created', entityType: 'body', entityId: id, details: values });
      return BodyResponseDto.from(await this.bodies.findOrFail(id, tx));
    });
  }

  async list(query: PageQueryDto): Promise<Page<BodyResponseDto>> {
    const page = pageRequest(query, {});
    return pageOf(await this.bodies.page(page), page.limit, (row) => row.position, page.filters, (row) => BodyResponseDto.from(row.entity));
  }

  async get(id: string): Promise<BodyResponseDto> {
    return BodyResponseDto.from(await this.bodies.findOrFail(id));
  }

  /** Committee writes lock the body row too, so no § 17, stk. 4 committee slips past a term being shortened. */
  async update(actor: Actor, id: string, dto: UpdateBodyDto): Promise<BodyResponseDto> {
    this.access.assertBodyAdmin(actor, id);
    return this.unitOfWork.run(async (tx) => {
      const body = await this.bodies.findOrFail(id, tx, { lock: 'for_no_key_update' });
      const { closedDays, ...fields } = sentFields(dto);
      const changes = { ...fields, ...(closedDays ? { closedDays: uniqueDays(closedDays) } : {}) };
      if (Object.keys(changes).length === 0) return BodyResponseDto.from(body);
      const temporaryCommittees = await this.committees.temporaryOf(id, tx);
      assertValidBody({ ...body, ...changes }, temporaryCommittees);
      await this.bodies.update(tx, id, changes);
      await this.audit.record(tx, { action: 'body.updated', entityType: 'body', entityId: id, details: { changes } });
      return BodyResponseDto.from(await this.bodies.findOrFail(id, tx));
    });
  }
}
