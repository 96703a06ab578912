import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { CurrentActor } from '@app/access';
import { type Actor, UuidParam } from '@app/core';
import { AvailableEventDto, FireEventDto } from '@app/workflows';
import { AddRecurringItemsDto, AgendaItemChangeDto, AgendaItemDto, CreateAgendaItemDto, UpdateAgendaItemDto } from './agenda-item.dto.js';
import { AgendaItemService, type AgendaItemHistoryEntry } from './agenda-item.service.js';

export class FireAgendaItemEventDto extends FireEventDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'With `refer`: the planned or published meeting of the next committee in the case’s route (up the `reportsToId` line, or a committee receiving referrals from this one)' })
  @IsOptional()
  @IsUUID()
  referToMeetingId?: string;
}

@ApiTags('agenda items')
@ApiBearerAuth()
@Controller()
export class AgendaItemsController {
  constructor(private readonly items: AgendaItemService) {}

  @Post('meetings/:meetingId/items')
  @ApiOperation({
    summary: 'Add an item at the end of the agenda (secretary)',
    description:
      'Numbered in order. The time slot must lie within the meeting and overlap no other item. On a published agenda the item goes on at once and the members are told; after the material’s notice deadline it is marked Eftersendt (`sentLateAt`), with the warning `material_notice_not_met`.',
  })
  @ApiCreatedResponse({ type: AgendaItemChangeDto })
  create(@CurrentActor() actor: Actor, @UuidParam('meetingId') meetingId: string, @Body() dto: CreateAgendaItemDto): Promise<AgendaItemChangeDto> {
    return this.items.create(actor, meetingId, dto);
  }

  @Post('meetings/:meetingId/items/recurring')
  @ApiOperation({ summary: 'Add the recurring items (Godkendelse af dagsorden, Gensidig orientering, Mødedeltagelse, Eventuelt) in one call (secretary)' })
  @ApiCreatedResponse({ type: [AgendaItemDto], description: 'the whole agenda' })
  addRecurring(@CurrentActor() actor: Actor, @UuidParam('meetingId') meetingId: string, @Body() dto: AddRecurringItemsDto): Promise<AgendaItemDto[]> {
    return this.items.addRecurring(actor, meetingId, dto.kinds);
  }

  @Delete('meetings/:meetingId/items/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an item not yet on a published agenda (secretary)',
    description:
      'A draft or ready item of the meeting; the items after it move up a number, and its Bilag go with it. An item on a published agenda is withdrawn instead (event `withdraw`): 409 `item_not_deletable`.',
  })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiConflictResponse({ description: '`item_not_deletable`: the item is on a published agenda, or past it' })
  delete(@CurrentActor() actor: Actor, @UuidParam('meetingId') meetingId: string, @UuidParam('id') id: string): Promise<void> {
    return this.items.delete(actor, meetingId, id);
  }

  @Get('items/:id')
  @ApiOperation({ summary: 'One item (members, directors, admin)' })
  @ApiOkResponse({ type: AgendaItemDto })
  read(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AgendaItemDto> {
    return this.items.read(actor, id);
  }

  @Patch('items/:id')
  @ApiOperation({
    summary: 'Edit an item, move it (`position`) or write its decision (secretary)',
    description: 'Content changes while the meeting is planned or published (recorded in the item’s history once published); `decision` once the meeting is held.',
  })
  @ApiOkResponse({ type: AgendaItemDto })
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdateAgendaItemDto): Promise<AgendaItemDto> {
    return this.items.update(actor, id, dto);
  }

  @Get('items/:id/transitions')
  @ApiOperation({ summary: 'The events you may fire on the item now' })
  @ApiOkResponse({ type: [AvailableEventDto] })
  transitions(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AvailableEventDto[]> {
    return this.items.availableTransitions(actor, id);
  }

  @Post('items/:id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fire an event: mark-ready, reopen, withdraw, decide, postpone, refer (secretary)',
    description: '`withdraw` takes an item off the published agenda before the meeting is held ("Punktet udgår": its number and title stay, the members get the updated agenda). `refer` proposes the case to `referToMeetingId`, a meeting of a committee up this committee’s `reportsToId` line or one that receives referrals from it (else 400 `referral_off_route`, nothing changes). The proposal is on no agenda until that committee’s secretary accepts it (`/api/meetings/:id/referrals`); it then continues as a new item linked to this one, with its own recommendation and decision. Follow it at GET /api/items/:id/referrals.',
  })
  @ApiOkResponse({ type: AgendaItemDto })
  fire(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: FireAgendaItemEventDto): Promise<AgendaItemDto> {
    return this.items.fire(actor, id, dto.event, dto.comment, dto.referToMeetingId ? { referToMeetingId: dto.referToMeetingId } : {});
  }

  @Get('items/:id/history')
  @ApiOperation({ summary: 'The item’s trail: workflow events, and every change after the agenda was published' })
  history(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AgendaItemHistoryEntry[]> {
    return this.items.history(actor, id);
  }
}
