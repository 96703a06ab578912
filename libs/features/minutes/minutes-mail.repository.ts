import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@app/database';

/** The minutes read of the e-mails that announce published minutes. */
@Injectable()
export class MinutesMailRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Whether the meeting's minutes are published (and so still worth announcing). */
  async published(meetingId: string): Promise<boolean> {
    const rows: unknown[] = await this.unitOfWork.outside.query(`SELECT 1 FROM minutes WHERE meeting_id = $1 AND state = 'published'`, [meetingId]);
    return rows.length > 0;
  }
}
