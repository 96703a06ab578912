import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import type { Actor } from '@app/core';
import { ApiRefusals, UuidParam } from '@app/core';
import { InviteParticipantDto } from './invite-participant.dto.js';
import { ParticipantResponseDto } from './participant-response.dto.js';
import { PhaseParticipantService } from './phase-participant.service.js';

const WRITERS = "neither an administrator nor the committee's secretary";

@ApiTags('process plan')
@ApiBearerAuth()
@Controller('phases/:id/participants')
export class PhaseParticipantsController {
  constructor(private readonly participants: PhaseParticipantService) {}

  @Get()
  @ApiOperation({
    summary: 'Who takes part in the phase',
    description: "The committee's members whose seat overlaps the phase (source committee), then the people invited to this phase only (source invited).",
  })
  @ApiOkResponse({ type: [ParticipantResponseDto] })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: 'not a member of the committee, a director or an administrator', 404: 'no phase has the id' })
  list(@CurrentActor() actor: Actor, @UuidParam('id') phaseId: string): Promise<ParticipantResponseDto[]> {
    return this.participants.list(actor, phaseId);
  }

  @Post()
  @ApiOperation({ summary: "Invite a person to this phase only (admin or the committee's secretary)", description: 'E.g. NGOs and local councils in the partnership phase.' })
  @ApiCreatedResponse({ type: ParticipantResponseDto })
  @ApiRefusals({
    400: 'personId is missing or not a UUID, or an unknown field was sent',
    403: WRITERS,
    404: 'no phase has the id, or personId names nobody',
    409: 'the phase is completed or cancelled, the person is already invited, or sits in the committee during the phase and so takes part already',
  })
  invite(@CurrentActor() actor: Actor, @UuidParam('id') phaseId: string, @Body() dto: InviteParticipantDto): Promise<ParticipantResponseDto> {
    return this.participants.invite(actor, phaseId, dto);
  }

  @Delete(':personId')
  @HttpCode(204)
  @ApiOperation({ summary: "Withdraw a person's invitation to the phase (admin or the committee's secretary)", description: 'Members take part through their seat; end the membership to take them off.' })
  @ApiNoContentResponse({ description: 'withdrawn' })
  @ApiRefusals({
    400: 'an id is not a UUID',
    403: WRITERS,
    404: 'no phase has the id, or the person is not invited to it',
    409: 'the phase is completed or cancelled, or the person takes part as a member of the committee',
  })
  async remove(@CurrentActor() actor: Actor, @UuidParam('id') phaseId: string, @UuidParam('personId') personId: string): Promise<void> {
    await this.participants.remove(actor, phaseId, personId);
  }
}
