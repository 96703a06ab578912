import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import type { Actor } from '@app/core';
import { UnitOfWork } from '@app/database';
import { AGENDA_ITEM_DECISION_OPEN, type AgendaItemState, DomainError, holdsVotingSeat, voteResult } from '@app/domain';
import type { AgendaItemDto } from '../agenda/agenda-item.dto.js';
import { AgendaItemService } from '../agenda/agenda-item.service.js';
import type { AttendanceDto } from '../meeting/meeting.dto.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { MeetingRecordSeal } from '../attendance/meeting-record-seal.js';
import type { ItemVotesDto, ReplaceItemVotesDto } from './item-vote.dto.js';
import { ItemVoteRepository } from './item-vote.repository.js';

/**
 * May vote: whoever took part in the meeting (present, virtual, or not recorded as absent) and is not there only to
 * serve the committee (the secretary, the administration); a substitute who sat is on the list without a seat.
 */
function mayVote(attendee: AttendanceDto): boolean {
  const servesOnly = attendee.roles.length > 0 && !holdsVotingSeat(attendee.roles);
  return attendee.status !== 'absent' && !servesOnly;
}

/** The vote on an item (afstemning), recorded by the secretary while the item's outcome may still change. */
@Injectable()
export class ItemVoteService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly votes: ItemVoteRepository,
    private readonly views: MeetingViewRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly items: AgendaItemService,
    private readonly meetings: MeetingService,
    private readonly seal: MeetingRecordSeal,
  ) {}

  /** Replaces the item's votes with these, in one transaction: all are recorded, or none and the refusal says why. */
  async replace(actor: Actor, itemId: string, dto: ReplaceItemVotesDto): Promise<ItemVotesDto> {
    const { item } = await this.items.itemWithMeeting(itemId);
    const personIds = dto.votes.map((v) => v.personId);
    if (new Set(personIds).size !== personIds.length) throw DomainError.invalid('duplicate_vote', 'Each member votes once on an item');
    await this.unitOfWork.run(async (tx) => {
      const meeting = await this.meetings.lockedMeeting(tx, item.meetingId);
      this.access.assertCommitteeSecretary(actor, meeting.committeeId);
      if (meeting.state !== 'held') throw DomainError.conflict('decision_before_meeting', `The meeting is ${meeting.state}; the vote is recorded while the meeting is held`);
      const row = (await this.views.item(itemId, tx)) as AgendaItemDto;
      if (!AGENDA_ITEM_DECISION_OPEN.has(row.state as AgendaItemState)) throw DomainError.conflict('decision_not_open', `The item is ${row.state}; its vote cannot change`);
      await this.seal.assertNotSealed(tx, meeting.id, 'the votes they record');

      const disqualified = new Map(row.disqualifications.map((note) => [note.personId, note.personName]));
      const refusedForDisqualification = personIds.filter((id) => disqualified.has(id)).map((id) => disqualified.get(id) as string);
      if (refusedForDisqualification.length) {
        throw DomainError.unprocessable(
          'voter_disqualified',
          `${refusedForDisqualification.join(', ')} left the room for punkt ${item.number} because of inhabilitet (§ 14) and cannot vote on it`,
          { personIds: personIds.filter((id) => disqualified.has(id)) },
        );
      }
      const attendance = await this.views.attendance(meeting, tx);
      const voters = new Set(attendance.filter(mayVote).map((a) => a.personId));
      const outsiders = personIds.filter((id) => !voters.has(id));
      if (outsiders.length) {
        const names = outsiders.map((id) => attendance.find((a) => a.personId === id)?.name ?? id);
        throw DomainError.unprocessable('not_a_voter', `${names.join(', ')} did not take part in the meeting with a vote (absent, secretary or administration, or not on its list)`, {
          personIds: outsiders,
        });
      }
      await this.votes.replace(tx, itemId, dto.votes, actor.personId);
      await this.audit.record(tx, { action: 'item-votes.recorded', entityType: 'agenda-item', entityId: itemId, details: { votes: dto.votes } });
    });
    const row = (await this.views.item(itemId)) as AgendaItemDto;
    return { itemId, votes: row.votes, result: row.votes.length ? voteResult(row.votes) : null };
  }
}
