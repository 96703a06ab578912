import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, type Page, PageOf, PageQueryDto, UuidParam } from '@app/core';
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

  @Get('meetings/:meetingId/commissions')
  @ApiOperation({
    summary: 'Kommissorier waiting for this meeting’s committee to decide them (the committee’s secretary)',
    description:
      'A director-approved kommissorium the council adopts goes as an item to the next planned meeting of the deciding committee (the council, or the finance committee on the reporting line). When none was planned it waits here, in "Oversendte sager", until the secretary puts it on a meeting. Paged, longest waiting first.',
  })
  @ApiOkResponse({ type: PageOf(CommissionDto) })
  @ApiRefusals({ 400: 'the id is not a UUID, or a malformed cursor', 403: "neither an administrator nor the meeting's committee's secretary", 404: 'no meeting has the id' })
  waiting(@CurrentActor() actor: Actor, @UuidParam('meetingId') meetingId: string, @Query() query: PageQueryDto): Promise<Page<CommissionDto>> {
    return this.commissions.waitingForMeeting(actor, meetingId, query);
  }

  @Post('meetings/:meetingId/commissions/:id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Put a waiting kommissorium on this meeting’s agenda (the deciding committee’s secretary)',
    description: 'Adds "Godkendelse af kommissorium for <udvalg>" at the end of the agenda, with the kommissorium as Sagsfremstilling and Bilag; deciding it adopts the kommissorium or sends it back.',
  })
  @ApiOkResponse({ type: CommissionDto, description: 'the kommissorium, with `council.itemId` and the meeting' })
  @ApiRefusals({
    400: 'an id is not a UUID',
    403: "neither an administrator nor the meeting's committee's secretary",
    404: 'no meeting or kommissorium has the id',
    409: 'commission_not_waiting, proposal_other_committee, or agenda_closed (the meeting is held)',
  })
  putOnMeeting(@CurrentActor() actor: Actor, @UuidParam('meetingId') meetingId: string, @UuidParam('id') id: string): Promise<CommissionDto> {
    return this.commissions.putOnMeeting(actor, meetingId, id);
  }

  @Get('commissions/:id/history')
  @ApiOperation({
    summary: 'The trail of this version: every event with who, when and the comment',
    description: 'The director’s `approve` carries who approved; the council’s `adopt` (or `reject`) has the meeting, the item and the Beslutning as its comment.',
  })
  @ApiOkResponse({ type: [TransitionHistoryDto] })
  history(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<TransitionHistoryDto[]> {
    return this.commissions.history(actor, id);
  }
}
