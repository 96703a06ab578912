import { Injectable } from '@nestjs/common';
import { Not, IsNull } from 'typeorm';
import { type Transaction, UnitOfWork } from '@app/database';
import { Attendance } from './attendance.entity.js';

/** A substitute called in for a meeting, and the member they stand in for. */
export interface CalledInSubstitute {
  personId: string;
  substituteFor: string;
  status: Attendance['status'];
}

/** The attendance table: what the secretary or a member recorded of one person's attendance at a meeting. */
@Injectable()
export class AttendanceRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** One row per meeting and person: recording again replaces what was recorded. */
  async record(tx: Transaction, values: Pick<Attendance, 'meetingId' | 'personId' | 'status' | 'until' | 'note' | 'recordedBy'>): Promise<void> {
    await tx.upsert(Attendance, values, ['meetingId', 'personId']);
  }

  /** Forgets what was recorded, so the person's attendance is "not recorded yet" again. */
  async forget(tx: Transaction, meetingId: string, personId: string): Promise<void> {
    await tx.delete(Attendance, { meetingId, personId });
  }

  /** Records a substitute called in for a member: expected present, until the secretary records otherwise. */
  async callIn(tx: Transaction, values: { meetingId: string; personId: string; substituteFor: string; recordedBy: string | null }): Promise<void> {
    await tx.upsert(Attendance, { ...values, status: 'present', until: null, note: null }, ['meetingId', 'personId']);
  }

  /** Every substitute called in for the meeting. */
  async substitutes(meetingId: string, tx: Transaction = this.unitOfWork.outside): Promise<CalledInSubstitute[]> {
    const rows = await tx.find(Attendance, { where: { meetingId, substituteFor: Not(IsNull()) } });
    return rows.map(({ personId, substituteFor, status }) => ({ personId, substituteFor: substituteFor!, status }));
  }

  /** Whether the person is called in as a substitute for the meeting, which lets them read it. */
  isCalledIn(meetingId: string, personId: string): Promise<boolean> {
    return this.unitOfWork.outside.existsBy(Attendance, { meetingId, personId, substituteFor: Not(IsNull()) });
  }

  /** The meetings the person is called in to as a substitute. */
  async meetingsCalledInTo(personId: string): Promise<string[]> {
    const rows = await this.unitOfWork.outside.find(Attendance, { select: { meetingId: true }, where: { personId, substituteFor: Not(IsNull()) } });
    return rows.map((row) => row.meetingId);
  }

  /** Releases whoever stands in for the member at the meeting; the ids of those released. */
  async releaseFor(tx: Transaction, meetingId: string, substituteFor: string): Promise<string[]> {
    const rows = await tx.find(Attendance, { where: { meetingId, substituteFor } });
    if (rows.length) await tx.delete(Attendance, { meetingId, substituteFor });
    return rows.map((row) => row.personId);
  }
}
