import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, PageQueryDto, UuidParam } from '@app/core';
import { MeetingDeliveriesService } from './meeting-deliveries.service.js';
import { MeetingDeliveriesPageDto, MeetingDeliveryDto } from './meeting-delivery.dto.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingDeliveriesController {
  constructor(private readonly deliveries: MeetingDeliveriesService) {}

  @Get('meetings/:id/deliveries')
  @ApiOperation({
    summary: 'Who was sent what about the meeting, when, and what failed (secretary, admin)',
    description:
      'One row per e-mail to one person: the agenda, each update (by SEQUENCE), the cancellation, and the reminders about the meeting. ' +
      'A reminder has a row for each recipient from when it falls due (`pending` until its own job sends it); the others appear once their sending begins. A send that fails for a passing reason (the mail server unreachable, or answering 4xx) shows ' +
      '`retrying`, with `nextAttemptAt` and `lastError`, and is tried again with growing pauses for DELIVERY_RETRY_WINDOW (72 hours by default); ' +
      'a refusal for good (5xx, e.g. `550 5.1.1 User unknown`) shows `failed` after that one attempt, with the server\'s reply in `lastError`, ' +
      'as does one still failing after the window; one recipient\'s failure never holds up another\'s. `possibleResends` counts the attempts begun while an ' +
      'earlier one\'s outcome was unknown; `totals` sums the meeting\'s e-mails (all pages). Paged, in the order the sends began, then by kind, the person\'s name and id.',
  })
  @ApiOkResponse({ type: MeetingDeliveriesPageDto })
  @ApiRefusals({ 400: 'a malformed query parameter or cursor', 403: 'not the committee’s secretary or an administrator', 404: 'no such meeting' })
  list(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Query() query: PageQueryDto): Promise<MeetingDeliveriesPageDto> {
    return this.deliveries.list(actor, id, query);
  }

  @Post('deliveries/:id/resend')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a failed e-mail again ("Send igen"; secretary, admin)',
    description: 'The delivery becomes `pending` and is sent by the worker, under the same Message-ID. Only a `failed` one: 409 `delivery_not_failed` otherwise.',
  })
  @ApiAcceptedResponse({ type: MeetingDeliveryDto })
  @ApiRefusals({ 403: 'not the committee’s secretary or an administrator', 404: 'no such delivery', 409: 'the e-mail is not failed' })
  resend(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<MeetingDeliveryDto> {
    return this.deliveries.resend(actor, id);
  }
}
