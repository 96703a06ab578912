import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import type { MinutesAttendee, MinutesItemInput, MinutesMeetingInput, MinutesNoteInput } from '@app/domain';
import type { AgendaItemDto, ItemNoteDto } from '../agenda/agenda-item.dto.js';
import type { AttendanceDto } from './meeting.dto.js';
import { MeetingRepository } from './meeting.repository.js';
import { MeetingViewRepository } from './meeting-view.repository.js';

/** A held meeting as its minutes record it: the domain's input, and the committee whose setting says who signs. */
export interface MeetingRecordForMinutes extends MinutesMeetingInput {
  committeeId: string;
  startsAt: Date;
  items: Required<MinutesItemInput>[];
  attendance: MinutesAttendee[];
}

const note = ({ personName, text }: ItemNoteDto): MinutesNoteInput => ({ personName, text });

/** Every field the minutes show, named one by one, so the API's shape of an item never reaches the document. */
function itemForMinutes(item: AgendaItemDto): Required<MinutesItemInput> {
  return {
    number: item.number,
    closed: item.closed,
    title: item.title,
    caseNumber: item.caseNumber,
    startTime: item.startTime,
    endTime: item.endTime,
    closedReason: item.closedReason,
    closedReasonText: item.closedReasonText,
    publicTitle: item.publicTitle,
    summary: item.summary,
    recommendation: item.recommendation,
    presentation: item.presentation,
    decision: item.decision,
    state: item.state,
    sentLateAt: item.sentLateAt,
    attachmentNames: item.attachmentNames,
    attachments: item.attachments.map(({ name }) => ({ name })),
    dissents: item.dissents.map(note),
    disqualifications: item.disqualifications.map(note),
    earlierDecisions: item.earlierDecisions,
    referredToCommitteeName: item.referredToCommitteeName,
    votes: item.votes.map(({ personName, party, vote }) => ({ personName, party, vote })),
    withoutQuorum: item.state === 'decided' && item.quorum?.met === false,
  };
}

const attendeeForMinutes = ({ personId, name, roles, status, until, substituteFor }: AttendanceDto): MinutesAttendee => ({ personId, name, roles, status, until, substituteFor });

/** What the minutes read of meetings: the held meeting to assemble, and the people on its list. */
@Injectable()
export class MeetingsForMinutes {
  constructor(
    private readonly views: MeetingViewRepository,
    private readonly meetings: MeetingRepository,
  ) {}

  /** The meeting with its agenda and attendance, read as the meeting read does (two statements side by side). */
  async heldMeetingForMinutes(meetingId: string): Promise<MeetingRecordForMinutes | null> {
    const meeting = await this.views.meeting(meetingId);
    if (!meeting) return null;
    return {
      committeeId: meeting.committeeId,
      committeeName: meeting.committeeName,
      startsAt: meeting.startsAt,
      location: meeting.location,
      endedAt: meeting.endedAt,
      items: meeting.items.map(itemForMinutes),
      attendance: meeting.attendance.map(attendeeForMinutes),
    };
  }

  /**
   * The ids of everyone on the meeting's list (seated that day, and recorded guests), or null when there is no
   * such meeting; the meeting is read in the transaction, its list on its own.
   */
  async peopleOnTheList(meetingId: string, tx: Transaction): Promise<string[] | null> {
    const meeting = await this.views.summary(meetingId, tx);
    if (!meeting) return null;
    return (await this.views.attendance(meeting)).map(({ personId }) => personId);
  }

  /** The meeting's minutes are published: from now on its decisions are public where its items are open. */
  async recordMinutesPublished(tx: Transaction, meetingId: string, at: Date): Promise<void> {
    await this.meetings.update(tx, meetingId, { minutesPublishedAt: at });
  }
}
