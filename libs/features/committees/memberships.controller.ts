import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import type { Actor, Page } from '@app/core';
import { ApiRefusals, PageOf, UuidParam } from '@app/core';
import { CreateMembershipDto } from './create-membership.dto.js';
import { EndMembershipDto } from './end-membership.dto.js';
import { ListMembershipsQueryDto } from './list-memberships-query.dto.js';
import { MembershipResponseDto } from './membership-response.dto.js';
import { AddSubstituteDto, ReplaceSubstitutesDto } from './membership-substitute.dto.js';
import { MembershipService } from './membership.service.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('committees/:id/members')
export class MembershipsController {
  constructor(
    private readonly memberships: MembershipService,
  ) {}

  @Post()
  @ApiOperation({
    summary: "Seat a person in the committee (admin or the committee's secretary)",
    description:
      "startDate left out: today while the mandate runs, otherwise the mandate's first day. endDate left out: open, lasting as long as the mandate. The seat must lie within the mandate; nobody holds the same role twice at once, and the committee has one chair and one vice-chair at a time.",
  })
  @ApiCreatedResponse({ type: MembershipResponseDto })
  @ApiRefusals({
    400: 'a field is missing or malformed, an unknown field was sent, the seat ends before it starts, or lies outside the mandate',
    403: "neither an administrator nor the committee's secretary",
    404: 'no committee has the id, or personId names nobody',
    409: 'the person already holds the role then, or the committee already has a chair or vice-chair then',
  })
  async add(@CurrentActor() actor: Actor, @UuidParam('id') committeeId: string, @Body() dto: CreateMembershipDto): Promise<MembershipResponseDto> {
    return this.memberships.add(actor, committeeId, dto);
  }

  @Get()
  @ApiOperation({
    summary: "The committee's seats, chair first (anyone logged in)",
    description: 'All seats, past and future included; `current=true` for those held today. Paged, by role (chair, vice-chair, member, secretary, administration, external), start, name and id.',
  })
  @ApiOkResponse({ type: PageOf(MembershipResponseDto) })
  @ApiRefusals({ 400: 'the id is not a UUID, current is not true or false, or a malformed cursor', 404: 'no committee has the id' })
  list(@UuidParam('id') committeeId: string, @Query() query: ListMembershipsQueryDto): Promise<Page<MembershipResponseDto>> {
    return this.memberships.list(committeeId, query);
  }

  @Patch(':membershipId')
  @ApiOperation({
    summary: "End a seat on a day (admin or the committee's secretary)",
    description: 'Sets the seat’s last day; the seat stays in the list of all seats, so who sat when remains readable. Checked as a new seat is: within the mandate, not before the seat’s first day.',
  })
  @ApiOkResponse({ type: MembershipResponseDto })
  @ApiRefusals({
    400: 'endDate is missing or malformed, an unknown field was sent, the seat would end before it starts, or after the mandate',
    403: "neither an administrator nor the committee's secretary",
    404: 'no committee has the id, or the membership is not one of its seats',
  })
  end(@CurrentActor() actor: Actor, @UuidParam('id') committeeId: string, @UuidParam('membershipId') membershipId: string, @Body() dto: EndMembershipDto): Promise<MembershipResponseDto> {
    return this.memberships.end(actor, committeeId, membershipId, dto.endDate);
  }

  @Delete(':membershipId')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a seat (admin or the committee's secretary)", description: 'The audit trail keeps what the seat was.' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiRefusals({
    400: 'an id is not a UUID',
    403: "neither an administrator nor the committee's secretary",
    404: 'no committee has the id, or the membership is not one of its seats',
  })
  async remove(@CurrentActor() actor: Actor, @UuidParam('id') committeeId: string, @UuidParam('membershipId') membershipId: string): Promise<void> {
    await this.memberships.remove(actor, committeeId, membershipId);
  }

  @Post(':membershipId/substitutes')
  @ApiOperation({
    summary: "Put a substitute (stedfortræder) on a seat's list (admin or the committee's secretary)",
    description: 'Last, or at `position` (1 first). When the seat-holder sends afbud, the first free substitute of the list is offered (GET /api/meetings/:id/substitutes).',
  })
  @ApiCreatedResponse({ type: MembershipResponseDto })
  @ApiRefusals({
    400: 'personId is missing or not a UUID, position is not a whole number from 1, or an unknown field was sent',
    403: "neither an administrator nor the committee's secretary",
    404: 'no committee has the id, the membership is not one of its seats, or personId names nobody',
    409: 'the person holds a seat in the committee during this seat (substitute_seated), or is on the list already (substitute_listed)',
  })
  addSubstitute(@CurrentActor() actor: Actor, @UuidParam('id') committeeId: string, @UuidParam('membershipId') membershipId: string, @Body() dto: AddSubstituteDto): Promise<MembershipResponseDto> {
    return this.memberships.addSubstitute(actor, committeeId, membershipId, dto);
  }

  @Put(':membershipId/substitutes')
  @ApiOperation({ summary: "Set a seat's substitutes in order: reorder, or change the list at once (admin or the committee's secretary)" })
  @ApiOkResponse({ type: MembershipResponseDto })
  @ApiRefusals({
    400: 'personIds is not a list of UUIDs, or names a person twice',
    403: "neither an administrator nor the committee's secretary",
    404: 'no committee has the id, the membership is not one of its seats, or a person named is nobody',
    409: 'a person named holds a seat in the committee during this seat (substitute_seated)',
  })
  replaceSubstitutes(
    @CurrentActor() actor: Actor,
    @UuidParam('id') committeeId: string,
    @UuidParam('membershipId') membershipId: string,
    @Body() dto: ReplaceSubstitutesDto,
  ): Promise<MembershipResponseDto> {
    return this.memberships.replaceSubstitutes(actor, committeeId, membershipId, dto.personIds);
  }

  @Delete(':membershipId/substitutes/:personId')
  @ApiOperation({ summary: "Take a substitute off a seat's list (admin or the committee's secretary)", description: 'Those after move up.' })
  @ApiOkResponse({ type: MembershipResponseDto })
  @ApiRefusals({
    400: 'an id is not a UUID',
    403: "neither an administrator nor the committee's secretary",
    404: 'no committee has the id, the membership is not one of its seats, or the person is not on its list (substitute_not_listed)',
  })
  removeSubstitute(
    @CurrentActor() actor: Actor,
    @UuidParam('id') committeeId: string,
    @UuidParam('membershipId') membershipId: string,
    @UuidParam('personId') personId: string,
  ): Promise<MembershipResponseDto> {
    return this.memberships.removeSubstitute(actor, committeeId, membershipId, personId);
  }
}
