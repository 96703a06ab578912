import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, UuidParam } from '@app/core';
import { MeetingInvitationService } from './meeting-invitation.service.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings/:id')
export class MeetingInvitationController {
  constructor(private readonly invitations: MeetingInvitationService) {}

  @Get('invite.ics')
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary: 'The meeting’s calendar invitation (members, directors, admin)',
    description:
      'iCalendar in Europe/Copenhagen time: one UID per meeting and the meeting’s SEQUENCE, so calendars update the same event; METHOD:CANCEL once the meeting is cancelled. Organizer: the committee’s secretary; attendees: everyone seated on the meeting’s day. The description lists the agenda, closed items as "Lukket punkt: <public title>".',
  })
  @ApiOkResponse({ description: 'text/calendar; charset=utf-8; method=REQUEST (or CANCEL)', schema: { type: 'string' } })
  @ApiRefusals({ 403: 'not a member of the committee, a director or an administrator', 404: 'no meeting has the id' })
  async invite(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const file = await this.invitations.calendarFile(actor, meetingId);
    // Set only on success: a refusal is JSON.
    reply.header('content-type', `text/calendar; charset=utf-8; method=${file.method}`);
    reply.header('content-disposition', 'attachment; filename="invite.ics"');
    return file.ics;
  }
}
