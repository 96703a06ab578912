import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { type Actor, findOrFail, isConstraintViolation } from '@app/core';
import { copenhagenDate, DomainError } from '@app/domain';
import { Person } from '@app/people';
import { AgendaItemService } from '../agenda/agenda-item.service.js';
import type { RecordedItemNoteDto, RecordItemNoteDto } from './item-note.dto.js';
import { ItemNote, type ItemNoteKind } from './item-note.entity.js';
import type { Meeting } from '../meeting/meeting.entity.js';
import { MeetingService } from '../meeting/meeting.service.js';

const KIND_NAMES: Record<ItemNoteKind, string> = { dissent: 'a dissent (afvigende mening)', disqualification: 'a disqualification (inhabilitet)' };

/**
 * The seats whose holders are members in the sense of §§ 13-14: they take part in the decision, so they can dissent
 * or have to leave the room. The secretary and administrative participants serve the committee without a vote.
 */
const MEMBER_ROLES = ['chair', 'vice-chair', 'member', 'external'];

/** Dissents (§ 13) and disqualifications (§ 14) on an item, recorded by the secretary once the meeting is held. */
@Injectable()
export class ItemNoteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly items: AgendaItemService,
    private readonly meetings: MeetingService,
  ) {}

  async record(actor: Actor, itemId: string, dto: RecordItemNoteDto): Promise<RecordedItemNoteDto> {
    const { item } = await this.items.itemWithMeeting(itemId);
    const id = await this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockedHeldMeeting(manager, actor, item.meetingId);
      const person = await findOrFail(manager, Person, dto.personId, { field: 'personId' });
      await this.assertMemberOnTheDay(manager, meeting, person);
      if (await manager.existsBy(ItemNote, { itemId, personId: person.id, kind: dto.kind })) throw this.alreadyRecorded(person, dto.kind, item.number);
      let noteId: string;
      try {
        const { identifiers } = await manager.insert(ItemNote, { itemId, personId: person.id, kind: dto.kind, text: dto.text ?? null, recordedBy: actor.personId });
        noteId = identifiers[0].id as string;
      } catch (error) {
        if (isConstraintViolation(error, 'item_note_unique')) throw this.alreadyRecorded(person, dto.kind, item.number);
        throw error;
      }
      await this.audit.record(manager, { action: 'item-note.recorded', entityType: 'agenda-item', entityId: itemId, details: { noteId, personId: person.id, kind: dto.kind } });
      return noteId;
    });
    return this.read(id);
  }

  async remove(actor: Actor, itemId: string, noteId: string): Promise<void> {
    const { item } = await this.items.itemWithMeeting(itemId);
    await this.dataSource.transaction(async (manager) => {
      await this.lockedHeldMeeting(manager, actor, item.meetingId);
      const note = await manager.findOneBy(ItemNote, { id: noteId, itemId });
      if (!note) throw DomainError.notFound('item note', noteId);
      await manager.delete(ItemNote, { id: noteId });
      await this.audit.record(manager, { action: 'item-note.removed', entityType: 'agenda-item', entityId: itemId, details: { noteId, personId: note.personId, kind: note.kind } });
    });
  }

  private async read(id: string): Promise<RecordedItemNoteDto> {
    const [note] = await this.dataSource.query(
      `SELECT n.id, n.item_id AS "itemId", n.person_id AS "personId", p.name AS "personName", n.kind, n.text, n.created_at AS "createdAt"
         FROM item_note n JOIN person p ON p.id = n.person_id WHERE n.id = $1`,
      [id],
    );
    return note;
  }

  /** Notes belong to the record of what happened at the meeting: written once it is held, fixed once it is closed. */
  private async lockedHeldMeeting(manager: EntityManager, actor: Actor, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetings.lockedMeeting(manager, meetingId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    if (meeting.state !== 'held') {
      const when = meeting.state === 'planned' || meeting.state === 'published' ? 'once the meeting is held' : 'only while the meeting is held, before it is closed';
      throw DomainError.conflict('notes_not_open', `The meeting is ${meeting.state}; dissents and disqualifications are recorded ${when}`);
    }
    return meeting;
  }

  private async assertMemberOnTheDay(manager: EntityManager, meeting: Meeting, person: Person): Promise<void> {
    const day = copenhagenDate(new Date(meeting.startsAt));
    const [seat] = await manager.query(
      `SELECT 1 FROM membership WHERE committee_id = $1 AND person_id = $2 AND role = ANY($3) AND start_date <= $4 AND (end_date IS NULL OR end_date >= $4) LIMIT 1`,
      [meeting.committeeId, person.id, MEMBER_ROLES, day],
    );
    if (!seat) {
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
