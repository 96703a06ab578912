import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import type { Actor } from '@app/core';
import { buildMeetingInvitation, copenhagenDate, DomainError, type CalendarPerson, type MeetingInvitation } from '@app/domain';
import { InvitationPeopleRepository } from './invitation-people.repository.js';
import type { MeetingSummaryDto } from '../meeting/meeting.dto.js';
import { invitationForMeeting, type InvitationPeople } from './meeting-invitation.builder.js';
import { MeetingReadAccess } from '../meeting/meeting-read-access.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';

export interface CalendarFile {
  method: MeetingInvitation['method'];
  ics: string;
}

/** The calendar invitation of a meeting, read from the database and assembled by invitationForMeeting. */
@Injectable()
export class MeetingInvitationService {
  constructor(
    private readonly invited: InvitationPeopleRepository,
    private readonly readers: MeetingReadAccess,
    private readonly config: AppConfig,
    private readonly views: MeetingViewRepository,
  ) {}

  async calendarFile(actor: Actor, meetingId: string): Promise<CalendarFile> {
    const meeting = await this.views.summary(meetingId);
    if (!meeting) throw DomainError.notFound('meeting', meetingId);
    await this.readers.assertReader(actor, meeting);
    const invitation = await this.invitation(meeting);
    return { method: invitation.method, ics: buildMeetingInvitation(invitation) };
  }

  /** The invitation for a meeting as it stands now; callers decide who may have it. */
  async invitation(meeting: MeetingSummaryDto): Promise<MeetingInvitation> {
    const [items, people] = await Promise.all([this.views.items(meeting.id), this.people(meeting)]);
    return invitationForMeeting({ ...meeting, items }, people, { pages: this.config.webPages, mailFrom: this.config.MAIL_FROM });
  }

  /** Everyone seated in the committee on the meeting's day and the substitutes called in, like the attendance list; secretaries by seniority in the seat. */
  private async people(meeting: MeetingSummaryDto): Promise<InvitationPeople> {
    const rows = await this.invited.invitedTo(meeting, copenhagenDate(new Date(meeting.startsAt)));
    const person = ({ name, email }: CalendarPerson): CalendarPerson => ({ name, email });
    return { secretaries: rows.filter((row) => row.secretarySince !== null).map(person), members: rows.map(person) };
  }
}
