import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { CommitteeRepository, MembershipSubstituteRepository } from '@app/committees';
import type { Actor } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import { copenhagenDate, DomainError, MEETING_UPCOMING, holdsVotingSeat, SUBSTITUTE_APPROVAL_ITEM_TITLE } from '@app/domain';
import { AgendaItemService } from '../agenda/agenda-item.service.js';
import { AttendanceRepository } from '../attendance/attendance.repository.js';
import { MeetingRecordSeal } from '../attendance/meeting-record-seal.js';
import { AgendaMailScheduler } from '../mail/agenda-mail.scheduler.js';
import type { Meeting } from '../meeting/meeting.entity.js';
import { MeetingRepository } from '../meeting/meeting.repository.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';
import type { CallInSubstituteDto, MeetingSubstituteDto } from './meeting-substitute.dto.js';

/**
 * Substitutes (stedfortrædere, Kommunestyrelsesloven §§ 15 and 28) at a meeting: for each member with a vote who
 * sent afbud, the seat's next free substitute is offered, and one call brings them in: an attendance row saying
 * whom they stand in for, the meeting to read, and its agenda and invitation.
 */
@Injectable()
export class MeetingSubstituteService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly meetings: MeetingService,
    private readonly meetingRows: MeetingRepository,
    private readonly views: MeetingViewRepository,
    private readonly attendance: AttendanceRepository,
    private readonly seatSubstitutes: MembershipSubstituteRepository,
    private readonly committees: CommitteeRepository,
    private readonly agendaItems: AgendaItemService,
    private readonly agendaMail: AgendaMailScheduler,
    private readonly seal: MeetingRecordSeal,
  ) {}

  async list(actor: Actor, meetingId: string): Promise<MeetingSubstituteDto[]> {
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    return this.offers(meeting);
  }

  /** Calls in the offered substitute for the member, or the one named if they are free. */
  async callIn(actor: Actor, meetingId: string, dto: CallInSubstituteDto): Promise<MeetingSubstituteDto> {
    const { committeeId } = await this.meetings.meetingOrNotFound(meetingId);
    this.access.assertCommitteeSecretary(actor, committeeId);
    await this.unitOfWork.run(async (tx) => {
      const meeting = await this.changeableMeeting(tx, meetingId);
      const entry = (await this.offers(meeting, tx)).find((offer) => offer.member.personId === dto.forPersonId);
      if (!entry) {
        throw DomainError.conflict('member_not_absent', 'A substitute is called in for a member with a vote who has sent afbud for the meeting', { forPersonId: dto.forPersonId });
      }
      if (entry.calledIn) {
        throw DomainError.conflict('substitute_already_called_in', `${entry.calledIn.name} is already called in for ${entry.member.name}`, { substitutePersonId: entry.calledIn.personId });
      }
      const chosen = dto.substitutePersonId ? entry.substitutes.find((candidate) => candidate.personId === dto.substitutePersonId && candidate.free) : entry.offer;
      if (!chosen) {
        throw dto.substitutePersonId
          ? DomainError.conflict('substitute_not_free', `The person is not one of ${entry.member.name}'s substitutes free for the meeting`, { substitutePersonId: dto.substitutePersonId })
          : DomainError.conflict('no_substitute_free', `None of ${entry.member.name}'s substitutes is free for the meeting`, { forPersonId: dto.forPersonId });
      }
      await this.attendance.callIn(tx, { meetingId, personId: chosen.personId, substituteFor: dto.forPersonId, recordedBy: actor.personId });
      await this.audit.record(tx, { action: 'attendance.substitute-called-in', entityType: 'meeting', entityId: meetingId, details: { personId: chosen.personId, substituteFor: dto.forPersonId } });
      if (meeting.state === 'published') await this.agendaMail.substituteCalledIn(tx, meeting, chosen.personId);
      await this.putApprovalOnCouncilAgenda(tx, meeting);
    });
    return (await this.offers(await this.meetings.meetingOrNotFound(meetingId))).find((offer) => offer.member.personId === dto.forPersonId)!;
  }

  /** Releases a substitute called in: they no longer attend, nor read the meeting. */
  async release(actor: Actor, meetingId: string, personId: string): Promise<void> {
    const { committeeId } = await this.meetings.meetingOrNotFound(meetingId);
    this.access.assertCommitteeSecretary(actor, committeeId);
    await this.unitOfWork.run(async (tx) => {
      await this.changeableMeeting(tx, meetingId);
      const called = (await this.attendance.substitutes(meetingId, tx)).find((substitute) => substitute.personId === personId);
      if (!called) throw new DomainError('not-found', 'substitute_not_called_in', 'The person is not called in as a substitute for the meeting', { personId });
      await this.releaseFor(tx, meetingId, called.substituteFor);
    });
  }

  /** Releases whoever stands in for the member, in the caller's transaction (the member withdrew their afbud). */
  async releaseFor(tx: Transaction, meetingId: string, memberId: string): Promise<void> {
    for (const personId of await this.attendance.releaseFor(tx, meetingId, memberId)) {
      await this.audit.record(tx, { action: 'attendance.substitute-released', entityType: 'meeting', entityId: meetingId, details: { personId, substituteFor: memberId } });
    }
  }

  /**
   * Per member with a vote who sent afbud: who is called in, or the next free substitute of their seats' lists.
   * Free: not called in for this meeting already, not absent from it, and not seated in the committee that day.
   */
  private async offers(meeting: Meeting, tx?: Transaction): Promise<MeetingSubstituteDto[]> {
    const day = copenhagenDate(new Date(meeting.startsAt));
    const summary = (await this.views.summary(meeting.id, tx))!;
    const [attendance, seats, calledIn] = [await this.views.attendance(summary), await this.seatSubstitutes.substitutesOn(meeting.committeeId, day, tx), await this.attendance.substitutes(meeting.id, tx)];
    const seated = new Set(attendance.filter((row) => row.roles.length > 0).map((row) => row.personId));
    const absent = new Set(attendance.filter((row) => row.status === 'absent').map((row) => row.personId));
    const taken = new Set(calledIn.map((row) => row.personId));
    const names = new Map(attendance.map((row) => [row.personId, row.name]));
    return attendance
      .filter((row) => row.status === 'absent' && holdsVotingSeat(row.roles))
      .map((member) => {
        const listed = seats.filter((seat) => seat.personId === member.personId && holdsVotingSeat(seat.roles)).flatMap((seat) => seat.substitutes);
        const substitutes = [...new Map(listed.map((person) => [person.personId, person])).values()].map((person) => ({
          ...person,
          free: !taken.has(person.personId) && !absent.has(person.personId) && !seated.has(person.personId),
        }));
        const standing = calledIn.find((row) => row.substituteFor === member.personId);
        const offer = standing ? null : (substitutes.find((candidate) => candidate.free) ?? null);
        return {
          member: { personId: member.personId, name: member.name },
          calledIn: standing ? { personId: standing.personId, name: names.get(standing.personId)! } : null,
          offer: offer && { personId: offer.personId, name: offer.name },
          substitutes,
        };
      });
  }

  private async changeableMeeting(tx: Transaction, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetings.lockedMeeting(tx, meetingId);
    if (!MEETING_UPCOMING.has(meeting.state)) {
      throw DomainError.conflict('substitutes_closed', `The meeting is ${meeting.state}; substitutes are called in and released while it lies ahead`, { state: meeting.state });
    }
    await this.seal.assertNotSealed(tx, meetingId, 'the attendance they record');
    return meeting;
  }

  /**
   * The council approves a substitute's call-in at its next meeting whose agenda is not yet published: this one
   * while planned, else the next planned one. One item however many are called in; none when no such meeting exists yet.
   */
  private async putApprovalOnCouncilAgenda(tx: Transaction, meeting: Meeting): Promise<void> {
    const committee = await this.committees.findOrFail(meeting.committeeId, tx);
    if (committee.kind !== 'council') return;
    const target = meeting.state === 'planned' ? meeting : await this.meetingRows.nextPlannedLocked(tx, meeting.committeeId, meeting.startsAt);
    if (target) await this.agendaItems.addStandingItemOnce(tx, target, SUBSTITUTE_APPROVAL_ITEM_TITLE);
  }
}
