import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { SeatRepository } from '@app/committees';
import type { Actor } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import { copenhagenDate, runningDateTime, DomainError, MEETING_UPCOMING } from '@app/domain';
import { AppConfig, type WebPages } from '@app/config';
import { NoticeMailer, PersonRepository } from '@app/people';
import { AttendanceRepository } from './attendance.repository.js';
import { MeetingRecordSeal } from './meeting-record-seal.js';
import type { RecordAttendanceDto } from './attendance.dto.js';
import type { AttendanceDto } from '../meeting/meeting.dto.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';
import { MeetingSubstituteService } from '../substitutes/meeting-substitute.service.js';

@Injectable()
export class AttendanceService {
  private readonly pages: WebPages;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly attendance: AttendanceRepository,
    private readonly people: PersonRepository,
    private readonly seats: SeatRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly meetings: MeetingService,
    private readonly views: MeetingViewRepository,
    private readonly seal: MeetingRecordSeal,
    private readonly notices: NoticeMailer,
    private readonly substitutes: MeetingSubstituteService,
    config: AppConfig,
  ) {
    this.pages = config.webPages;
  }

  async record(actor: Actor, meetingId: string, personId: string, dto: RecordAttendanceDto): Promise<AttendanceDto> {
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    if (!(await this.people.exists(personId))) throw DomainError.notFound('person', personId);
    const ownReport = personId === actor.personId && dto.status !== 'present';
    if (ownReport && !this.access.isCommitteeAdmin(actor, meeting.committeeId) && !this.access.committeeRoles(actor, meeting.committeeId).includes('secretary')) {
      this.access.assertCommitteeReader(actor, meeting.committeeId);
      // A member sends notice of their own absence while the meeting lies ahead.
      if (!MEETING_UPCOMING.has(meeting.state)) {
        throw DomainError.conflict('attendance_closed', `The meeting is ${meeting.state}; ask the secretary to record your attendance`);
      }
    } else {
      this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    }
    if (meeting.state === 'cancelled') throw DomainError.conflict('meeting_cancelled', 'The meeting is cancelled');
    if (dto.until && dto.status !== 'virtual') throw DomainError.invalid('until_only_for_virtual', 'until applies to virtual attendance only');
    const day = copenhagenDate(new Date(meeting.startsAt));
    const seated = await this.seats.holds(personId, meeting.committeeId, day);
    if (!seated && ownReport) throw DomainError.forbidden('You are not a member of the committee on the day of the meeting');
    await this.unitOfWork.run(async (tx) => {
      await this.seal.assertNotSealed(tx, meetingId, 'the attendance they record');
      await this.attendance.record(tx, { meetingId, personId, status: dto.status, until: dto.until ?? null, note: dto.note?.trim() || null, recordedBy: actor.personId });
      await this.audit.record(tx, {
        action: 'attendance.recorded',
        entityType: 'meeting',
        entityId: meetingId,
        details: { personId, status: dto.status, until: dto.until ?? null },
      });
      if (ownReport && dto.status === 'absent') await this.tellSecretariesOfAfbud(tx, meeting, personId, day);
      // Recorded as coming after all before the meeting, the member needs nobody in their place.
      if (dto.status !== 'absent' && MEETING_UPCOMING.has(meeting.state)) await this.substitutes.releaseFor(tx, meetingId, personId);
    });
    const summary = (await this.views.summary(meetingId))!;
    return (await this.views.attendance(summary)).find((row) => row.personId === personId)!;
  }

  /**
   * Withdraws a notice of absence ("Fortryd afbud"): the member their own before the meeting begins, the
   * secretary anyone's while it lies ahead; afterwards nothing is recorded for the person, as before the notice.
   */
  async withdrawAbsence(actor: Actor, meetingId: string, personId: string): Promise<AttendanceDto> {
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    if (!(await this.people.exists(personId))) throw DomainError.notFound('person', personId);
    const own = personId === actor.personId && !this.access.isCommitteeAdmin(actor, meeting.committeeId) && !this.access.committeeRoles(actor, meeting.committeeId).includes('secretary');
    if (own) this.access.assertCommitteeReader(actor, meeting.committeeId);
    else this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    if (!MEETING_UPCOMING.has(meeting.state)) {
      throw DomainError.conflict('attendance_closed', `The meeting is ${meeting.state}; ask the secretary to record your attendance`);
    }
    // Once the meeting has begun, who is there is the secretary's to record.
    if (own && new Date(meeting.startsAt).getTime() <= Date.now()) {
      throw DomainError.conflict('meeting_started', 'The meeting has begun; ask the secretary to record your attendance');
    }
    const summary = (await this.views.summary(meetingId))!;
    const current = (await this.views.attendance(summary)).find((row) => row.personId === personId);
    if (!current) throw DomainError.forbidden('You are not a member of the committee on the day of the meeting');
    if (current.status !== 'absent') return current;
    await this.unitOfWork.run(async (tx) => {
      await this.seal.assertNotSealed(tx, meetingId, 'the attendance they record');
      await this.attendance.forget(tx, meetingId, personId);
      await this.audit.record(tx, { action: 'attendance.absence-withdrawn', entityType: 'meeting', entityId: meetingId, details: { personId } });
      // The member comes after all, so whoever was called in for them is no longer needed.
      await this.substitutes.releaseFor(tx, meetingId, personId);
    });
    return (await this.views.attendance(summary)).find((row) => row.personId === personId)!;
  }

  /** A member's own afbud reaches the committee's secretary at once, so a substitute can be called in. */
  private async tellSecretariesOfAfbud(tx: Transaction, meeting: { id: string; committeeId: string; startsAt: Date | string; title: string | null }, personId: string, day: string): Promise<void> {
    const [person, secretaries] = await Promise.all([this.people.findOrFail(personId, tx), this.seats.seatedOn(meeting.committeeId, day, ['secretary'], tx)]);
    await this.notices.send(tx, {
      kind: 'afbud',
      subjectId: meeting.id,
      // Each report is its own notice: an afbud withdrawn and given again is told again.
      occasion: new Date().toISOString(),
      recipientIds: secretaries.map((seat) => seat.personId).filter((id) => id !== personId),
      content: {
        subject: `Afbud: ${person.name}`,
        body: [{ text: `${person.name} har meldt afbud til mødet ${runningDateTime(new Date(meeting.startsAt))}${meeting.title ? ` (${meeting.title})` : ''}.` }],
        link: { label: 'Mødet', url: this.pages.meeting(meeting.id) },
      },
    });
  }
}
