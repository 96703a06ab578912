import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, type Page, PageOf, PageQueryDto, UuidParam } from '@app/core';
import { MeetingSummaryDto } from '../meeting/meeting.dto.js';
import { AgendaItemReferralDto, DeclineReferralDto, ProposeReferralDto } from './agenda-item-referral.dto.js';
import { AgendaItemReferralService } from './agenda-item-referral.service.js';

const ROUTE =
  'A case goes only up the referring committee’s `reportsToId` line or to a committee that lists it among its referral sources (`/api/committees/:id/referral-sources`); anything else is 400 `referral_off_route`.';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller()
export class AgendaItemReferralsController {
  constructor(private readonly referrals: AgendaItemReferralService) {}

  @Get('meetings/:meetingId/referrals')
  @ApiOperation({
    summary: 'Cases referred to this meeting by other committees: proposals to accept or decline, and those decided (secretary)',
    description: 'A proposal is on no agenda: the members, the public pages and the e-mails know nothing of it until it is accepted. Paged, oldest first (by proposal, then id).',
  })
  @ApiOkResponse({ type: PageOf(AgendaItemReferralDto) })
  @ApiRefusals({ 400: 'the id is not a UUID, or a malformed cursor', 403: "neither an administrator nor the meeting's committee's secretary", 404: 'no meeting has the id' })
  toMeeting(@CurrentActor() actor: Actor, @UuidParam('meetingId') meetingId: string, @Query() query: PageQueryDto): Promise<Page<AgendaItemReferralDto>> {
    return this.referrals.toMeeting(actor, meetingId, query);
  }

  @Post('meetings/:meetingId/referrals/:referralId/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept a referred case onto the agenda (the receiving committee’s secretary)',
    description:
      'The case becomes the agenda’s last item (move it with PATCH /api/items/:id `position`), linked to the referring item, with its title, case number, Resume, Sagsfremstilling and Bilag; the recommendation and decision are this committee’s own. On a published agenda it goes on at once and the members get an agenda update.',
  })
  @ApiOkResponse({ type: AgendaItemReferralDto, description: 'the referral, `accepted`, with `acceptedItemId`' })
  @ApiRefusals({
    400: 'an id is not a UUID',
    403: "neither an administrator nor the meeting's committee's secretary",
    404: 'no meeting has the id, or no referral to it has the other (`referral_not_found`)',
    409: 'the referral is decided already (`referral_decided`), or the meeting is held, closed or cancelled (`agenda_closed`)',
  })
  accept(@CurrentActor() actor: Actor, @UuidParam('meetingId') meetingId: string, @UuidParam('referralId') referralId: string): Promise<AgendaItemReferralDto> {
    return this.referrals.accept(actor, meetingId, referralId);
  }

  @Post('meetings/:meetingId/referrals/:referralId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a referred case, saying why (the receiving committee’s secretary)', description: 'The referring committee sees the reason at GET /api/items/:id/referrals and may propose the case elsewhere.' })
  @ApiOkResponse({ type: AgendaItemReferralDto, description: 'the referral, `declined`, with `declineReason`' })
  @ApiRefusals({
    400: 'an id is not a UUID, or the reason is missing, blank or longer than 2,000 characters',
    403: "neither an administrator nor the meeting's committee's secretary",
    404: 'no meeting has the id, or no referral to it has the other (`referral_not_found`)',
    409: 'the referral is decided already (`referral_decided`)',
  })
  decline(@CurrentActor() actor: Actor, @UuidParam('meetingId') meetingId: string, @UuidParam('referralId') referralId: string, @Body() dto: DeclineReferralDto): Promise<AgendaItemReferralDto> {
    return this.referrals.decline(actor, meetingId, referralId, dto.reason);
  }

  @Get('items/:id/referrals')
  @ApiOperation({ summary: 'Where the item’s case was referred and what became of it, with any reason for a decline (members, directors, admin)', description: 'Paged, oldest first (by proposal, then id).' })
  @ApiOkResponse({ type: PageOf(AgendaItemReferralDto) })
  @ApiRefusals({ 400: 'the id is not a UUID, or a malformed cursor', 403: "not a reader of the item's committee", 404: 'no item has the id' })
  ofItem(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Query() query: PageQueryDto): Promise<Page<AgendaItemReferralDto>> {
    return this.referrals.ofItem(actor, id, query);
  }

  @Get('items/:id/referral-targets')
  @ApiOperation({
    summary: 'The meetings the item’s case may be referred to (the item’s committee’s secretary)',
    description: `The planned and published meetings of the committees on the case’s route, to name as \`referToMeetingId\` with \`refer\` or as \`toMeetingId\` here. ${ROUTE} Paged, by start and then id, newest first.`,
  })
  @ApiOkResponse({ type: PageOf(MeetingSummaryDto) })
  @ApiRefusals({ 400: 'the id is not a UUID, or a malformed cursor', 403: "neither an administrator nor the item's committee's secretary", 404: 'no item has the id' })
  referralTargets(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Query() query: PageQueryDto): Promise<Page<MeetingSummaryDto>> {
    return this.referrals.referralTargets(actor, id, query);
  }

  @Post('items/:id/referrals')
  @ApiOperation({ summary: 'Propose a referred case to another meeting, e.g. after a decline (the referring committee’s secretary)', description: `The item must be \`referred\` and have no proposed or accepted referral. ${ROUTE}` })
  @ApiCreatedResponse({ type: AgendaItemReferralDto })
  @ApiRefusals({
    400: 'a field is missing or malformed, or the meeting’s committee is off the case’s route (`referral_off_route`, `refer_to_same_committee`)',
    403: "neither an administrator nor the item's committee's secretary",
    404: 'no item or no meeting has the id',
    409: 'the item is not referred (`referral_not_referred`), it has a live referral (`referral_pending`), or the meeting is no longer upcoming (`agenda_closed`)',
  })
  propose(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: ProposeReferralDto): Promise<AgendaItemReferralDto> {
    return this.referrals.propose(actor, id, dto.toMeetingId);
  }
}
