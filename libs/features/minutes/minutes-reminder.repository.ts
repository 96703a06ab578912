import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@app/database';

/** The minutes read of the reminder of minutes still unsigned. */
@Injectable()
export class MinutesReminderRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Whether the meeting's minutes are signed: the last signature seals them, so a seal means every signature is in. */
  async minutesSigned(meetingId: string): Promise<boolean> {
    const rows: unknown[] = await this.unitOfWork.outside.query(`SELECT 1 FROM minutes WHERE meeting_id = $1 AND sealed_hash IS NOT NULL`, [meetingId]);
    return rows.length > 0;
  }
}
