import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, type Page, PageOf, PageQueryDto, UuidParam } from '@app/core';
import { AvailableEventDto, TransitionHistoryDto } from '@app/workflows';
import { PublicationEventDto } from '../public/publication-privacy.js';
import { AttendanceService } from '../attendance/attendance.service.js';
import { RecordAttendanceDto } from '../attendance/attendance.dto.js';
import { AttendanceDto, CreateMeetingDto, MeetingChangeDto, MeetingDto, MeetingSummaryDto, UpdateMeetingDto } from './meeting.dto.js';
import { MeetingService } from './meeting.service.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingService,
    private readonly attendance: AttendanceService,
  ) {}

  @Post('committees/:committeeId/meetings')
  @ApiOperation({
    summary: 'Schedule a meeting (secretary)',
    description:
      'Starts planned; the meeting day must lie within the committee’s mandate. A meeting whose agenda can no longer reach the members `agendaNoticeWorkingDays` working days before it is scheduled all the same, with the warning `agenda_notice_not_met` in `warnings`.',
  })
  @ApiCreatedResponse({ type: MeetingChangeDto })
  create(@CurrentActor() actor: Actor, @UuidParam('committeeId') committeeId: string, @Body() dto: CreateMeetingDto): Promise<MeetingChangeDto> {
    return this.meetings.create(actor, committeeId, dto);
  }

  @Get('committees/:committeeId/meetings')
  @ApiOperation({ summary: 'The committee’s meetings, newest first (members, directors, admin)', description: 'Paged, by start and then id, newest first.' })
  @ApiOkResponse({ type: PageOf(MeetingSummaryDto) })
  list(@CurrentActor() actor: Actor, @UuidParam('committeeId') committeeId: string, @Query() query: PageQueryDto): Promise<Page<MeetingSummaryDto>> {
    return this.meetings.listForCommittee(actor, committeeId, query);
  }

  @Get('me/meetings')
  @ApiOperation({
    summary: 'The meetings of the committees I sit in today, newest first (anyone logged in)',
    description:
      'Every role in the committee counts (chair, member, secretary, ...), and so does being called in to a meeting as a substitute (that meeting only); cancelled meetings are left out. Paged, by start and then id, newest first.',
  })
  @ApiOkResponse({ type: PageOf(MeetingSummaryDto) })
  listMine(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<MeetingSummaryDto>> {
    return this.meetings.listMine(actor, query);
  }

  @Get('meetings/:id')
  @ApiOperation({ summary: 'A meeting with its whole agenda, closed items included, and attendance (members, directors, admin)' })
  @ApiOkResponse({ type: MeetingDto })
  read(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<MeetingDto> {
    return this.meetings.read(actor, id);
  }

  @Patch('meetings/:id')
  @ApiOperation({
    summary: 'Move or re-place a meeting (secretary)',
    description:
      'While planned or published. On a published meeting the calendar SEQUENCE rises and the members are told. Moved to a day whose agenda notice is missed: moved all the same, with the warning `agenda_notice_not_met`.',
  })
  @ApiOkResponse({ type: MeetingChangeDto })
  @ApiConflictResponse({ description: 'held, closed or cancelled; a stale rowVersion; items that would fall outside the new time' })
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdateMeetingDto): Promise<MeetingChangeDto> {
    return this.meetings.update(actor, id, dto);
  }

  @Get('meetings/:id/transitions')
  @ApiOperation({ summary: 'The events you may fire on the meeting now' })
  @ApiOkResponse({ type: [AvailableEventDto] })
  transitions(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AvailableEventDto[]> {
    return this.meetings.availableTransitions(actor, id);
  }

  @Post('meetings/:id/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fire an event: publish (chair or secretary; sends the agenda), hold, close, cancel',
    description:
      'Publishing after the agenda’s notice deadline is allowed, with the warning `agenda_notice_not_met` in `warnings`. Publishing is refused with 409 `personal_data_found` (`details.findings`: kind, masked value, where, fingerprint) while the public text holds a CPR number, e-mail address or phone number not confirmed in `confirmPublic`.',
  })
  @ApiOkResponse({ type: MeetingChangeDto })
  @ApiConflictResponse({ description: '`personal_data_found` on publish; the event not allowed now' })
  fire(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: PublicationEventDto): Promise<MeetingChangeDto> {
    return this.meetings.fire(actor, id, dto.event, dto.comment, dto.confirmPublic);
  }

  @Get('meetings/:id/history')
  @ApiOperation({ summary: 'The meeting’s trail through its workflow' })
  @ApiOkResponse({ type: [TransitionHistoryDto] })
  history(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<TransitionHistoryDto[]> {
    return this.meetings.history(actor, id);
  }

  @Put('meetings/:id/attendance/:personId')
  @ApiOperation({
    summary: 'Record attendance: present, absent (afbud) or virtual with an optional until time',
    description:
      'A member may report their own absence (or virtual attendance) before the meeting; the secretary records the rest. Once the minutes are sealed, the attendance they record is frozen (409 `meeting_record_sealed`): correct it by an addendum to the minutes.',
  })
  @ApiOkResponse({ type: AttendanceDto })
  recordAttendance(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('personId') personId: string,
    @Body() dto: RecordAttendanceDto,
  ): Promise<AttendanceDto> {
    return this.attendance.record(actor, id, personId, dto);
  }

  @Delete('meetings/:id/attendance/:personId/absence')
  @ApiOperation({
    summary: 'Withdraw a notice of absence (Fortryd afbud)',
    description:
      'A member withdraws their own afbud before the meeting begins (409 `meeting_started` from its start, 409 `attendance_closed` once held, closed or cancelled); the secretary anyone’s while it is planned or published. Afterwards nothing is recorded for the person, and a substitute called in for them is released. Attendance other than absent is left as it is.',
  })
  @ApiOkResponse({ type: AttendanceDto })
  withdrawAbsence(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @UuidParam('personId') personId: string): Promise<AttendanceDto> {
    return this.attendance.withdrawAbsence(actor, id, personId);
  }
}
