import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import type { Actor, Page } from '@app/core';
import { ApiRefusals, PageOf, PageQueryDto, UuidParam } from '@app/core';
import { AvailableEventDto, FireEventDto, TransitionHistoryDto } from '@app/workflows';
import { CreatePhaseDto } from './create-phase.dto.js';
import { PhaseResponseDto } from './phase-response.dto.js';
import { PhaseService } from './phase.service.js';
import { UpdatePhaseDto } from './update-phase.dto.js';

const WRITERS = "neither an administrator nor the committee's secretary";
const READERS = 'not a member of the committee, a director or an administrator';

@ApiTags('process plan')
@ApiBearerAuth()
@Controller()
export class PhasesController {
  constructor(private readonly phases: PhaseService) {}

  @Post('committees/:id/phases')
  @ApiOperation({
    summary: "Plan a phase on calendar quarters (admin or the committee's secretary)",
    description:
      'fromQuarter to toQuarter, both included, give startDate (first day of fromQuarter) and endDate (last day of toQuarter). The phase must lie within the mandate and may not overlap another phase of the committee that is not cancelled. Starts in state planned.',
  })
  @ApiCreatedResponse({ type: PhaseResponseDto })
  @ApiRefusals({
    400: 'a field is missing or malformed (a quarter is written like 2024-Q2), an unknown field was sent, toQuarter is before fromQuarter, or the phase lies outside the mandate',
    403: WRITERS,
    404: 'no committee has the id',
    409: 'the phase overlaps another phase of the committee; the message names it',
  })
  create(@CurrentActor() actor: Actor, @UuidParam('id') committeeId: string, @Body() dto: CreatePhaseDto): Promise<PhaseResponseDto> {
    return this.phases.create(actor, committeeId, dto);
  }

  @Get('committees/:id/phases')
  @ApiOperation({ summary: "The committee's process plan: its phases in time order, cancelled ones included", description: 'Paged, by start, then when each was planned, then id.' })
  @ApiOkResponse({ type: PageOf(PhaseResponseDto) })
  @ApiRefusals({ 400: 'the id is not a UUID, or a malformed cursor', 403: READERS, 404: 'no committee has the id' })
  list(@CurrentActor() actor: Actor, @UuidParam('id') committeeId: string, @Query() query: PageQueryDto): Promise<Page<PhaseResponseDto>> {
    return this.phases.list(actor, committeeId, query);
  }

  @Get('phases/:id')
  @ApiOperation({ summary: 'One phase' })
  @ApiOkResponse({ type: PhaseResponseDto })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: READERS, 404: 'no phase has the id' })
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<PhaseResponseDto> {
    return this.phases.get(actor, id);
  }

  @Patch('phases/:id')
  @ApiOperation({
    summary: "Re-plan a planned or active phase (admin or the committee's secretary)",
    description: 'New quarters are checked as a new phase’s are. An active phase has begun, so its start cannot move after today. Send rowVersion to be refused (409) when someone changed the phase meanwhile.',
  })
  @ApiOkResponse({ type: PhaseResponseDto })
  @ApiRefusals({
    400: 'a field is malformed, nothing to change was sent, toQuarter is before fromQuarter, or the phase would lie outside the mandate',
    403: WRITERS,
    404: 'no phase has the id',
    409: 'the phase is completed or cancelled, it would overlap another phase (named), an active phase would start after today, or rowVersion is stale',
  })
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdatePhaseDto): Promise<PhaseResponseDto> {
    return this.phases.update(actor, id, dto);
  }

  @Get('phases/:id/transitions')
  @ApiOperation({ summary: 'The events you may fire on the phase now: start, complete, cancel' })
  @ApiOkResponse({ type: [AvailableEventDto] })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: READERS, 404: 'no phase has the id' })
  transitions(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AvailableEventDto[]> {
    return this.phases.availableTransitions(actor, id);
  }

  @Post('phases/:id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: "Fire an event (admin or the committee's secretary): start (planned -> active), complete (active -> completed), cancel (planned or active -> cancelled)",
    description: 'A phase starts on or after its startDate, and only while no other phase of the committee is active. Answers the phase in its new state.',
  })
  @ApiOkResponse({ type: PhaseResponseDto })
  @ApiRefusals({
    400: 'unknown event, or a malformed body',
    403: `${WRITERS}, or not even a reader of the committee`,
    404: 'no phase has the id',
    409: 'the event does not apply in this state, the phase begins later (the message gives the date), another phase is active (named), or someone else changed the phase first',
  })
  fire(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: FireEventDto): Promise<PhaseResponseDto> {
    return this.phases.fire(actor, id, dto.event, dto.comment);
  }

  @Get('phases/:id/history')
  @ApiOperation({ summary: 'The trail of the phase: every event with who, when and the comment' })
  @ApiOkResponse({ type: [TransitionHistoryDto] })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: READERS, 404: 'no phase has the id' })
  history(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<TransitionHistoryDto[]> {
    return this.phases.history(actor, id);
  }
}
