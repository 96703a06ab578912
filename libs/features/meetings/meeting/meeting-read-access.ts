import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import type { Actor } from '@app/core';
import { AttendanceRepository } from '../attendance/attendance.repository.js';

/**
 * Who may read one meeting (its page, agenda with closed items, Bilag, documents, invitation): whoever may read its
 * committee, and a substitute (stedfortræder) called in for that meeting, for that meeting only.
 */
@Injectable()
export class MeetingReadAccess {
  constructor(
    private readonly access: AccessService,
    private readonly attendance: AttendanceRepository,
  ) {}

  async assertReader(actor: Actor, meeting: { id: string; committeeId: string }): Promise<void> {
    try {
      this.access.assertCommitteeReader(actor, meeting.committeeId);
    } catch (refusal) {
      if (await this.isCalledIn(actor, meeting.id)) return;
      throw refusal;
    }
  }

  /** Whether the actor is called in as a substitute for the meeting, which lets them read it (and its minutes). */
  isCalledIn(actor: Actor, meetingId: string): Promise<boolean> {
    return this.attendance.isCalledIn(meetingId, actor.personId);
  }
}
