import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { assertClosedDays, assertValidBody, DEFAULT_EXTRA_CLOSED_DAYS } from '@app/domain';
import { findOrFail, sentFields } from '@app/core';
import { BodyResponseDto } from './body-response.dto.js';
import { Body } from './body.entity.js';
import { Committee } from './committee.entity.js';
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
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateBodyDto): Promise<BodyResponseDto> {
    const values = {
      name: dto.name,
      kind: dto.kind,
      electionTermStart: dto.electionTermStart ?? null,
      electionTermEnd: dto.electionTermEnd ?? null,
      closedDays: uniqueDays(dto.closedDays ?? DEFAULT_EXTRA_CLOSED_DAYS),
    };
    assertValidBody(values);
    return this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(Body, values);
      const id = identifiers[0].id as string;
      await this.audit.record(manager, { action: 'body.created', entityType: 'body', entityId: id, details: values });
      return BodyResponseDto.from(await findOrFail(manager, Body, id));
    });
  }

  async list(): Promise<BodyResponseDto[]> {
    const bodies = await this.dataSource.manager.find(Body, { order: { name: 'ASC', id: 'ASC' } });
    return bodies.map((body) => BodyResponseDto.from(body));
  }

  async get(id: string): Promise<BodyResponseDto> {
    return BodyResponseDto.from(await findOrFail(this.dataSource.manager, Body, id));
  }

  /** Committee writes lock the body row too, so no § 17, stk. 4 committee slips past a term being shortened. */
  async update(id: string, dto: UpdateBodyDto): Promise<BodyResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const body = await findOrFail(manager, Body, id, { lock: 'for_no_key_update' });
      const { closedDays, ...fields } = sentFields(dto);
      const changes = { ...fields, ...(closedDays ? { closedDays: uniqueDays(closedDays) } : {}) };
      if (Object.keys(changes).length === 0) return BodyResponseDto.from(body);
      const temporaryCommittees = await manager.find(Committee, { where: { bodyId: id, kind: 'section-17-4' } });
      assertValidBody({ ...body, ...changes }, temporaryCommittees);
      await manager.update(Body, id, changes);
      await this.audit.record(manager, { action: 'body.updated', entityType: 'body', entityId: id, details: { changes } });
      return BodyResponseDto.from(await findOrFail(manager, Body, id));
    });
  }
}
