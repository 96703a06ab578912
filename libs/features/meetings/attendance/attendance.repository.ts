import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { Attendance } from './attendance.entity.js';

/** The attendance table: what the secretary or a member recorded of one person's attendance at a meeting. */
@Injectable()
export class AttendanceRepository {
  /** One row per meeting and person: recording again replaces what was recorded. */
  async record(tx: Transaction, values: Pick<Attendance, 'meetingId' | 'personId' | 'status' | 'until' | 'note' | 'recordedBy'>): Promise<void> {
    await tx.upsert(Attendance, values, ['meetingId', 'personId']);
  }

  /** Forgets what was recorded, so the person's attendance is "not recorded yet" again. */
  async forget(tx: Transaction, meetingId: string, personId: string): Promise<void> {
    await tx.delete(Attendance, { meetingId, personId });
  }
}
