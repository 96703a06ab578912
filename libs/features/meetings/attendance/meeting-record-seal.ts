import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { DomainError } from '@app/domain';

/**
 * Whether a meeting's minutes are sealed, answered by the minutes feature from its own table, under a share lock on
 * the minutes row: a write that asks takes turns with the signature that seals, so none lands after the seal.
 */
export type SealedMinutesSource = (tx: Transaction, meetingId: string) => Promise<boolean>;

/**
 * Once a meeting's minutes are sealed, everything they record (attendance, decisions and outcomes, dissents and
 * disqualifications, Bilag) is frozen:
 * a change would make the record differ from the signed document, so it is made by an addendum to the minutes.
 * The minutes feature depends on meetings, not the other way round, so it supplies the answer at start-up.
 */
@Injectable()
export class MeetingRecordSeal {
  private source: SealedMinutesSource | null = null;

  /** Called once by the minutes feature at start-up. */
  answerFrom(source: SealedMinutesSource): void {
    this.source = source;
  }

  /** Whether the meeting's minutes are sealed; call it in the transaction that makes the change it decides. */
  isSealed(tx: Transaction, meetingId: string): Promise<boolean> {
    // Fails closed: without the minutes feature nobody can tell, so nothing the minutes might record changes.
    if (!this.source) throw new Error('MeetingRecordSeal: the minutes feature has not said how to tell sealed minutes');
    return this.source(tx, meetingId);
  }

  /** Refuses (409 meeting_record_sealed) a change to what the meeting's sealed minutes record. */
  async assertNotSealed(tx: Transaction, meetingId: string, what: string): Promise<void> {
    if (await this.isSealed(tx, meetingId)) {
      throw DomainError.conflict(
        'meeting_record_sealed',
        `The minutes of this meeting are sealed, so ${what} no longer changes; add an addendum to the minutes (POST /api/meetings/${meetingId}/minutes/addenda) instead`,
        { meetingId },
      );
    }
  }
}
