import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, type Page, PageOf, PageQueryDto } from '@app/core';
import { CommitteeResponseDto } from './committee-response.dto.js';
import { CommitteeService } from './committee.service.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('me/committees')
export class MyCommitteesController {
  constructor(private readonly committees: CommitteeService) {}

  @Get()
  @ApiOperation({
    summary: 'The committees I hold a seat in today, by name (anyone logged in)',
    description: 'Every role in the committee counts (chair, member, secretary, ...); a seat that has ended or not begun does not. Paged, by name and then id.',
  })
  @ApiOkResponse({ type: PageOf(CommitteeResponseDto) })
  @ApiRefusals({ 400: 'a malformed cursor' })
  listMine(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<CommitteeResponseDto>> {
    return this.committees.listMine(actor, query);
  }
}
