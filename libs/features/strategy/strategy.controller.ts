import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, UuidParam } from '@app/core';
import { AimResponseDto, AimTagsResponseDto, CreateAimDto, SetAimsDto, StrategyResponseDto, UpdateAimDto } from './strategy.dto.js';
import { StrategyService } from './strategy.service.js';

const KEEPERS = 'neither an administrator of the body nor the secretary of one of its committees';
const TAGGERS = "neither an administrator nor the committee's secretary";
const READERS = 'not a member of the committee, a director or an administrator';
const SET_AIMS = 'The aims replace those it had; [] clears them. Each aim must be one of the body the committee works in.';

@ApiTags('strategy')
@ApiBearerAuth()
@Controller()
export class StrategyController {
  constructor(private readonly strategy: StrategyService) {}

  @Get('bodies/:id/aims')
  @ApiOperation({ summary: "The body's strategic aims (sigtepunkter) in their order (anyone logged in)" })
  @ApiOkResponse({ type: [AimResponseDto] })
  @ApiRefusals({ 400: 'the id is not a UUID', 404: 'no body has the id' })
  list(@UuidParam('id') bodyId: string): Promise<AimResponseDto[]> {
    return this.strategy.list(bodyId);
  }

  @Post('bodies/:id/aims')
  @ApiOperation({ summary: "Add a strategic aim to the body (the body's admin, or a secretary of one of its committees)", description: 'Last in the list unless a position is given.' })
  @ApiCreatedResponse({ type: AimResponseDto })
  @ApiRefusals({ 400: 'a field is missing or malformed, or an unknown field was sent', 403: KEEPERS, 404: 'no body has the id', 409: 'the body already has an aim with the title' })
  create(@CurrentActor() actor: Actor, @UuidParam('id') bodyId: string, @Body() dto: CreateAimDto): Promise<AimResponseDto> {
    return this.strategy.create(actor, bodyId, dto);
  }

  @Patch('bodies/:id/aims/:aimId')
  @ApiOperation({ summary: "Change or move a strategic aim (the body's admin, or a secretary of one of its committees)", description: 'Only the fields sent change.' })
  @ApiOkResponse({ type: AimResponseDto })
  @ApiRefusals({ 400: 'an id is not a UUID, or a field is malformed', 403: KEEPERS, 404: 'no body has the id, or the aim is not one of the body', 409: 'the body already has an aim with the title' })
  update(@CurrentActor() actor: Actor, @UuidParam('id') bodyId: string, @UuidParam('aimId') aimId: string, @Body() dto: UpdateAimDto): Promise<AimResponseDto> {
    return this.strategy.update(actor, bodyId, aimId, dto);
  }

  @Delete('bodies/:id/aims/:aimId')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a strategic aim and its tags (the body's admin, or a secretary of one of its committees)" })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiRefusals({ 400: 'an id is not a UUID', 403: KEEPERS, 404: 'no body has the id, or the aim is not one of the body' })
  async remove(@CurrentActor() actor: Actor, @UuidParam('id') bodyId: string, @UuidParam('aimId') aimId: string): Promise<void> {
    await this.strategy.remove(actor, bodyId, aimId);
  }

  @Get('bodies/:id/strategy')
  @ApiOperation({
    summary: 'The red thread (den røde tråd): per strategic aim, the committees, phases and agenda items that serve it (anyone logged in)',
    description:
      'Phases and items only of the committees you may read. A closed item shows its title only to those seated in its committee; to others it reads "Lukket punkt".',
  })
  @ApiOkResponse({ type: StrategyResponseDto })
  @ApiRefusals({ 400: 'the id is not a UUID', 404: 'no body has the id' })
  read(@CurrentActor() actor: Actor, @UuidParam('id') bodyId: string): Promise<StrategyResponseDto> {
    return this.strategy.read(actor, bodyId);
  }

  @Get('committees/:id/aims')
  @ApiOperation({ summary: 'The aims the committee serves (anyone logged in)' })
  @ApiOkResponse({ type: AimTagsResponseDto })
  @ApiRefusals({ 400: 'the id is not a UUID', 404: 'no committee has the id' })
  committeeAims(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AimTagsResponseDto> {
    return this.strategy.tags(actor, 'committee', id);
  }

  @Put('committees/:id/aims')
  @ApiOperation({ summary: "Set the aims the committee serves (admin or the committee's secretary)", description: SET_AIMS })
  @ApiOkResponse({ type: AimTagsResponseDto })
  @ApiRefusals({ 400: 'aimIds is missing or malformed', 403: TAGGERS, 404: 'no committee has the id, or an aim id names no aim', 422: 'an aim belongs to another body' })
  setCommitteeAims(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: SetAimsDto): Promise<AimTagsResponseDto> {
    return this.strategy.setTags(actor, 'committee', id, dto.aimIds);
  }

  @Get('phases/:id/aims')
  @ApiOperation({ summary: 'The aims the phase serves' })
  @ApiOkResponse({ type: AimTagsResponseDto })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: READERS, 404: 'no phase has the id' })
  phaseAims(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AimTagsResponseDto> {
    return this.strategy.tags(actor, 'phase', id);
  }

  @Put('phases/:id/aims')
  @ApiOperation({ summary: "Set the aims the phase serves (admin or the committee's secretary)", description: `${SET_AIMS} The phase's free-text theme stays as it is.` })
  @ApiOkResponse({ type: AimTagsResponseDto })
  @ApiRefusals({ 400: 'aimIds is missing or malformed', 403: TAGGERS, 404: 'no phase has the id, or an aim id names no aim', 422: 'an aim belongs to another body' })
  setPhaseAims(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: SetAimsDto): Promise<AimTagsResponseDto> {
    return this.strategy.setTags(actor, 'phase', id, dto.aimIds);
  }

  @Get('items/:id/aims')
  @ApiOperation({ summary: 'The aims the agenda item serves' })
  @ApiOkResponse({ type: AimTagsResponseDto })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: READERS, 404: 'no agenda item has the id' })
  itemAims(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AimTagsResponseDto> {
    return this.strategy.tags(actor, 'item', id);
  }

  @Put('items/:id/aims')
  @ApiOperation({ summary: "Set the aims the agenda item serves (admin or the committee's secretary)", description: SET_AIMS })
  @ApiOkResponse({ type: AimTagsResponseDto })
  @ApiRefusals({ 400: 'aimIds is missing or malformed', 403: TAGGERS, 404: 'no agenda item has the id, or an aim id names no aim', 422: 'an aim belongs to another body' })
  setItemAims(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: SetAimsDto): Promise<AimTagsResponseDto> {
    return this.strategy.setTags(actor, 'item', id, dto.aimIds);
  }
}
