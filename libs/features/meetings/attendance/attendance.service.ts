import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import type { Actor } from '@app/core';
import { copenhagenDate, DomainError } from '@app/domain';
import { Membership } from '@app/committees';
import { Person } from '@app/people';
import { Attendance } from './attendance.entity.js';
import type { RecordAttendanceDto } from './attendance.dto.js';
import type { AttendanceDto } from '../meeting/meeting.dto.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';

/** States in which a member may still send notice of absence themselves. */
const OWN_REPORT_STATES: ReadonlySet<string> = new Set(['planned', 'published']);

@Injectable()
export class AttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly meetings: MeetingService,
    private readonly views: MeetingViewRepository,
  ) {}

  async record(actor: Actor, meetingId: string, personId: string, dto: RecordAttendanceDto): Promise<AttendanceDto> {
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    if (!(await this.dataSource.getRepository(Person).existsBy({ id: personId }))) throw DomainError.notFound('person', personId);
    const ownReport = personId === actor.personId && dto.status !== 'present';
    if (ownReport && !this.access.isAdmin(actor) && !this.access.committeeRoles(actor, meeting.committeeId).includes('secretary')) {
      this.access.assertCommitteeReader(actor, meeting.committeeId);
      if (!OWN_REPORT_STATES.has(meeting.state)) {
        throw DomainError.conflict('attendance_closed', `The meeting is ${meeting.state}; ask the secretary to record your attendance`);
      }
    } else {
      this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    }
    if (meeting.state === 'cancelled') throw DomainError.conflict('meeting_cancelled', 'The meeting is cancelled');
    if (dto.until && dto.status !== 'virtual') throw DomainError.invalid('until_only_for_virtual', 'until applies to virtual attendance only');
    const day = copenhagenDate(new Date(meeting.startsAt));
    const seated = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .where('m.committee_id = :committeeId AND m.person_id = :personId', { committeeId: meeting.committeeId, personId })
      .andWhere('m.start_date <= :day AND (m.end_date IS NULL OR m.end_date >= :day)', { day })
      .getExists();
    if (!seated && ownReport) throw DomainError.forbidden('You are not a member of the committee on the day of the meeting');
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(
        Attendance,
        { meetingId, personId, status: dto.status, until: dto.until ?? null, note: dto.note?.trim() || null, recordedBy: actor.personId },
        ['meetingId', 'personId'],
      );
      await this.audit.record(manager, {
        action: 'attendance.recorded',
        entityType: 'meeting',
        entityId: meetingId,
        details: { personId, status: dto.status, until: dto.until ?? null },
      });
    });
    const summary = (await this.views.summary(meetingId))!;
    return (await this.views.attendance(summary)).find((row) => row.personId === personId)!;
  }
}
