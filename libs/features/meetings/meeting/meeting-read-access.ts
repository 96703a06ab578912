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
      if (await this.attendance.isCalledIn(meeting.id, actor.personId)) return;
      throw refusal;
    }
  }
}
