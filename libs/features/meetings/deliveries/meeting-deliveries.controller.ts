import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, UuidParam } from '@app/core';
import { MeetingDeliveriesService } from './meeting-deliveries.service.js';
import { MeetingDeliveryDto } from './meeting-delivery.dto.js';

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
      'An e-mail appears once its sending begins; failed sends are retried with exponential backoff before they show as failed.',
  })
  @ApiOkResponse({ type: [MeetingDeliveryDto] })
  @ApiRefusals({ 403: 'not the committee’s secretary or an administrator', 404: 'no such meeting' })
  list(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<MeetingDeliveryDto[]> {
    return this.deliveries.list(actor, id);
  }
}
