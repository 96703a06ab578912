import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { SeatRepository } from '@app/committees';
import { type Actor, isConstraintViolation } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import { copenhagenDate, DomainError, MEETING_UPCOMING, VOTING_ROLES } from '@app/domain';
import { type Person, PersonRepository } from '@app/people';
import { AgendaItemService } from '../agenda/agenda-item.service.js';
import type { RecordedItemNoteDto, RecordItemNoteDto } from './item-note.dto.js';
import type { ItemNoteKind } from './item-note.entity.js';
import { ItemNoteRepository } from './item-note.repository.js';
import type { Meeting } from '../meeting/meeting.entity.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { MeetingRecordSeal } from '../attendance/meeting-record-seal.js';
import { AttendanceRepository } from '../attendance/attendance.repository.js';

const KIND_NAMES: Record<ItemNoteKind, string> = { dissent: 'a dissent (afvigende mening)', disqualification: 'a disqualification (inhabilitet)' };

/** Dissents (§ 13) and disqualifications (§ 14) on an item, recorded by the secretary once the meeting is held. */
@Injectable()
export class ItemNoteService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly notes: ItemNoteRepository,
    private readonly people: PersonRepository,
    private readonly seats: SeatRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly items: AgendaItemService,
    private readonly meetings: MeetingService,
    private readonly seal: MeetingRecordSeal,
    private readonly attendance: AttendanceRepository,
  ) {}

  async record(actor: Actor, itemId: string, dto: RecordItemNoteDto): Promise<RecordedItemNoteDto> {
    const { item } = await this.items.itemWithMeeting(itemId);
    const id = await this.unitOfWork.run(async (tx) => {
      const meeting = await this.lockedHeldMeeting(tx, actor, item.meetingId);
      const person = await this.people.findOrFail(dto.personId, tx, { field: 'personId' });
      await this.assertMemberOnTheDay(tx, meeting, person);
      if (await this.notes.exists(tx, { itemId, personId: person.id, kind: dto.kind })) throw this.alreadyRecorded(person, dto.kind, item.number);
      let noteId: string;
      try {
        noteId = await this.notes.insert(tx, { itemId, personId: person.id, kind: dto.kind, text: dto.text ?? null, recordedBy: actor.personId });
      } catch (error) {
        if (isConstraintViolation(error, 'item_note_unique')) throw this.alreadyRecorded(person, dto.kind, item.number);
        throw error;
      }
      await this.audit.record(tx, { action: 'item-note.recorded', entityType: 'agenda-item', entityId: itemId, details: { noteId, personId: person.id, kind: dto.kind } });
      return noteId;
    });
    return this.notes.recorded(id);
  }

  async remove(actor: Actor, itemId: string, noteId: string): Promise<void> {
    const { item } = await this.items.itemWithMeeting(itemId);
    await this.unitOfWork.run(async (tx) => {
      await this.lockedHeldMeeting(tx, actor, item.meetingId);
      const note = await this.notes.findOnItem(tx, noteId, itemId);
      if (!note) throw DomainError.notFound('item note', noteId);
      await this.notes.delete(tx, noteId);
      await this.audit.record(tx, { action: 'item-note.removed', entityType: 'agenda-item', entityId: itemId, details: { noteId, personId: note.personId, kind: note.kind } });
    });
  }

  /** Notes belong to the record of what happened at the meeting: written once it is held, fixed once it is closed or its minutes are sealed. */
  private async lockedHeldMeeting(tx: Transaction, actor: Actor, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetings.lockedMeeting(tx, meetingId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    if (meeting.state !== 'held') {
      const when = MEETING_UPCOMING.has(meeting.state) ? 'once the meeting is held' : 'only while the meeting is held, before it is closed';
      throw DomainError.conflict('notes_not_open', `The meeting is ${meeting.state}; dissents and disqualifications are recorded ${when}`);
    }
    await this.seal.assertNotSealed(tx, meeting.id, 'the dissents and disqualifications they record');
    return meeting;
  }

  private async assertMemberOnTheDay(tx: Transaction, meeting: Meeting, person: Person): Promise<void> {
    const day = copenhagenDate(new Date(meeting.startsAt));
    // A substitute called in takes part in the member's place, so may dissent or be disqualified too.
    const substitute = (await this.attendance.substitutes(meeting.id, tx)).some((row) => row.personId === person.id);
    if (!substitute && !(await this.seats.holds(person.id, meeting.committeeId, day, VOTING_ROLES, tx))) {
      throw DomainError.invalid(
        'not_a_member_on_meeting_day',
        `${person.name} was not a member of the committee on ${day}, the day of the meeting (secretaries and administrative participants have no vote)`,
        { field: 'personId' },
      );
    }
  }

  private alreadyRecorded(person: Person, kind: ItemNoteKind, itemNumber: number): DomainError {
    return DomainError.conflict('item_note_exists', `${person.name} already has ${KIND_NAMES[kind]} on punkt ${itemNumber}`);
  }
}
