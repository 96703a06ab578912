import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '@app/access';
import { AppConfig } from '@app/config';
import type { Actor } from '@app/core';
import { buildMeetingInvitation, copenhagenDate, DomainError, type CalendarPerson, type MeetingInvitation } from '@app/domain';
import type { MeetingSummaryDto } from '../meeting/meeting.dto.js';
import { invitationForMeeting, type InvitationPeople } from './meeting-invitation.builder.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';

export interface CalendarFile {
  method: MeetingInvitation['method'];
  ics: string;
}

/** The calendar invitation of a meeting, read from the database and assembled by invitationForMeeting. */
@Injectable()
export class MeetingInvitationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly config: AppConfig,
    private readonly views: MeetingViewRepository,
  ) {}

  async calendarFile(actor: Actor, meetingId: string): Promise<CalendarFile> {
    const meeting = await this.views.summary(meetingId);
    if (!meeting) throw DomainError.notFound('meeting', meetingId);
    this.access.assertCommitteeReader(actor, meeting.committeeId);
    const invitation = await this.invitation(meeting);
    return { method: invitation.method, ics: buildMeetingInvitation(invitation) };
  }

  /** The invitation for a meeting as it stands now; callers decide who may have it. */
  async invitation(meeting: MeetingSummaryDto): Promise<MeetingInvitation> {
    const [items, people] = await Promise.all([this.views.items(meeting.id), this.people(meeting)]);
    return invitationForMeeting({ ...meeting, items }, people, { publicBaseUrl: this.config.PUBLIC_BASE_URL, mailFrom: this.config.MAIL_FROM });
  }

  /** Everyone seated in the committee on the meeting's day, like the attendance list; secretaries by seniority in the seat. */
  private async people(meeting: MeetingSummaryDto): Promise<InvitationPeople> {
    const rows: (CalendarPerson & { secretarySince: string | null })[] = await this.dataSource.query(
      `SELECT p.name, p.email, min(m.start_date) FILTER (WHERE m.role = 'secretary') AS "secretarySince"
         FROM membership m JOIN person p ON p.id = m.person_id
        WHERE m.committee_id = $1 AND m.start_date <= $2 AND (m.end_date IS NULL OR m.end_date >= $2)
        GROUP BY p.id
        ORDER BY 3 NULLS LAST, p.name`,
      [meeting.committeeId, copenhagenDate(new Date(meeting.startsAt))],
    );
    const person = ({ name, email }: CalendarPerson): CalendarPerson => ({ name, email });
    return { secretaries: rows.filter((row) => row.secretarySince !== null).map(person), members: rows.map(person) };
  }
}
