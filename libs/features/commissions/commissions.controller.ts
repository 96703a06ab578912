import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, type Page, PageOf, PageQueryDto, UuidParam } from '@app/core';
import { AvailableEventDto, FireEventDto, TransitionHistoryDto } from '@app/workflows';
import { CommissionDto, CreateCommissionDto, UpdateCommissionDto } from './commission.dto.js';
import { CommissionService } from './commission.service.js';

@ApiTags('kommissorium')
@ApiBearerAuth()
@Controller()
export class CommissionsController {
  constructor(private readonly commissions: CommissionService) {}

  @Post('committees/:committeeId/commissions')
  @ApiOperation({ summary: 'Draft the committee’s kommissorium (secretary)', description: 'Starts version 1 in state draft. A committee has one line of versions; later versions come from `amend`.' })
  @ApiCreatedResponse({ type: CommissionDto })
  @ApiConflictResponse({ description: 'the committee already has a kommissorium' })
  create(@CurrentActor() actor: Actor, @UuidParam('committeeId') committeeId: string, @Body() dto: CreateCommissionDto): Promise<CommissionDto> {
    return this.commissions.create(actor, committeeId, dto);
  }

  @Get('committees/:committeeId/commissions')
  @ApiOperation({ summary: 'Every version of the committee’s kommissorium, newest first', description: 'Paged, by version, newest first.' })
  @ApiOkResponse({ type: PageOf(CommissionDto) })
  list(@CurrentActor() actor: Actor, @UuidParam('committeeId') committeeId: string, @Query() query: PageQueryDto): Promise<Page<CommissionDto>> {
    return this.commissions.list(actor, committeeId, query);
  }

  @Get('commissions/:id')
  @ApiOperation({ summary: 'One version of a kommissorium, with who submitted, returned and approved it' })
  @ApiOkResponse({ type: CommissionDto })
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<CommissionDto> {
    return this.commissions.get(actor, id);
  }

  @Patch('commissions/:id')
  @ApiOperation({ summary: 'Edit a draft (secretary)', description: 'Only drafts change; an approved version is amended with the `amend` event.' })
  @ApiOkResponse({ type: CommissionDto })
  @ApiConflictResponse({ description: 'not a draft, or a stale rowVersion' })
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdateCommissionDto): Promise<CommissionDto> {
    return this.commissions.update(actor, id, dto);
  }

  @Get('commissions/:id/transitions')
  @ApiOperation({ summary: 'The events you may fire on this version now' })
  @ApiOkResponse({ type: [AvailableEventDto] })
  transitions(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AvailableEventDto[]> {
    return this.commissions.availableTransitions(actor, id);
  }

  @Post('commissions/:id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fire an event: submit (secretary), approve or return (director; return needs a comment), amend (secretary)',
    description:
      '`amend` on an approved version opens a new draft version (see `amendmentId`); the approved one stays in force until the new one is approved. Whoever submitted a version may not approve it (409 `commission_approver_submitted`): another director must.',
  })
  @ApiOkResponse({ type: CommissionDto })
  @ApiForbiddenResponse({ description: 'your role may not fire this event' })
  @ApiConflictResponse({ description: 'the event does not apply in the current state, somebody else changed it first, or you submitted the version you would approve' })
  fire(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: FireEventDto): Promise<CommissionDto> {
    return this.commissions.fire(actor, id, dto.event, dto.comment);
  }

  @Get('commissions/:id/history')
  @ApiOperation({ summary: 'The trail of this version: every event with who, when and the comment' })
  @ApiOkResponse({ type: [TransitionHistoryDto] })
  history(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<TransitionHistoryDto[]> {
    return this.commissions.history(actor, id);
  }
}
