import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, type Page, PageOf } from '@app/core';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditQueryDto } from './audit-query.dto.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first (admin)', description: 'Every write, every login and every refused request (401, 403, 429), with who, what, when, the client address and the request id; refusals of callers without a login are one row per address, minute and code, counted in details.count. Paged: `limit` and the `nextCursor` of the page before.' })
  @ApiOkResponse({ type: PageOf(AuditEntry) })
  find(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.find(actor, query);
  }
}
