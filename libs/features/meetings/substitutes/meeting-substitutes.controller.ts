import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, UuidParam } from '@app/core';
import { CallInSubstituteDto, MeetingSubstituteDto } from './meeting-substitute.dto.js';
import { MeetingSubstituteService } from './meeting-substitute.service.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings/:id/substitutes')
export class MeetingSubstitutesController {
  constructor(private readonly substitutes: MeetingSubstituteService) {}

  @Get()
  @ApiOperation({
    summary: 'Per member with a vote who sent afbud: the substitute called in, or the next free one offered (secretary)',
    description: "Free: not called in for this meeting already, not absent from it, and not seated in the committee that day. The substitutes are the member's seat's list (POST /api/committees/:id/members/:membershipId/substitutes), in order.",
  })
  @ApiOkResponse({ type: [MeetingSubstituteDto] })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: "neither an administrator nor the committee's secretary", 404: 'no meeting has the id' })
  list(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string): Promise<MeetingSubstituteDto[]> {
    return this.substitutes.list(actor, meetingId);
  }

  @Post()
  @ApiOperation({
    summary: 'Call in a substitute for a member who sent afbud (secretary)',
    description:
      "The offered substitute, or `substitutePersonId` if free. Their attendance is recorded as standing in for the member; they may read this meeting (not others of the committee), and get its agenda e-mail with the invitation now if the agenda is published. In a council (kind council) the first call-in puts \"Godkendelse af stedfortræderindkaldelse\" on the council's next meeting not yet published. Withdrawing the member's afbud releases the substitute.",
  })
  @ApiCreatedResponse({ type: MeetingSubstituteDto })
  @ApiRefusals({
    400: 'forPersonId is missing or not a UUID, or an unknown field was sent',
    403: "neither an administrator nor the committee's secretary",
    404: 'no meeting has the id',
    409: 'the member has not sent afbud or has no vote (member_not_absent), a substitute stands in already (substitute_already_called_in), none is free (no_substitute_free), the one named is not free (substitute_not_free), the meeting is held, closed or cancelled (substitutes_closed), or its minutes are sealed',
  })
  callIn(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string, @Body() dto: CallInSubstituteDto): Promise<MeetingSubstituteDto> {
    return this.substitutes.callIn(actor, meetingId, dto);
  }

  @Delete(':personId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Release a substitute called in (secretary)', description: 'They no longer attend the meeting, nor read it.' })
  @ApiNoContentResponse({ description: 'released' })
  @ApiRefusals({
    400: 'an id is not a UUID',
    403: "neither an administrator nor the committee's secretary",
    404: 'no meeting has the id, or the person is not called in for it (substitute_not_called_in)',
    409: 'the meeting is held, closed or cancelled (substitutes_closed), or its minutes are sealed',
  })
  async release(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string, @UuidParam('personId') personId: string): Promise<void> {
    await this.substitutes.release(actor, meetingId, personId);
  }
}
