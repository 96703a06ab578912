import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { Minutes } from './minutes.entity.js';

/** The minutes table: one row per meeting's minutes, with its workflow state, its assembly and its seal. */
@Injectable()
export class MinutesRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** `lock`: true (or 'write') for the row lock, 'share' to wait only for a writer (the signature sealing them). */
  findByMeeting(meetingId: string, tx: Transaction = this.unitOfWork.outside, lock: boolean | 'write' | 'share' = false): Promise<Minutes | null> {
    const mode = lock === 'share' ? ('pessimistic_read' as const) : lock ? ('pessimistic_write' as const) : null;
    return tx.findOne(Minutes, { where: { meetingId }, ...(mode ? { lock: { mode } } : {}) });
  }

  findByMeetingOrFail(meetingId: string, tx: Transaction): Promise<Minutes> {
    return tx.findOneByOrFail(Minutes, { meetingId });
  }

  /** The minutes under their row lock for the transaction. */
  findLocked(id: string, tx: Transaction): Promise<Minutes | null> {
    return tx.findOne(Minutes, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Starts the minutes as a draft pending assembly, or sets a draft pending again under the next generation;
   * the generation asked for, or null when the minutes are past their draft. One statement decides, so two
   * requests at once cannot both start from a draft that one of them has left.
   */
  async requestAssembly(tx: Transaction, meetingId: string): Promise<number | null> {
    const [row]: { generation: number }[] = await tx.query(
      `INSERT INTO minutes (meeting_id, state, assembly) VALUES ($1, 'draft', 'pending')
       ON CONFLICT (meeting_id) DO UPDATE
          SET assembly = 'pending', assembly_generation = minutes.assembly_generation + 1, progress = 0, assembly_error = NULL, updated_at = now()
        WHERE minutes.state = 'draft'
       RETURNING assembly_generation AS generation`,
      [meetingId],
    );
    return row ? row.generation : null;
  }

  async update(tx: Transaction, id: string, values: Partial<Minutes>): Promise<void> {
    await tx.update(Minutes, { id }, values);
  }

  /** The progress of the generation's assembly while it is pending; a newer generation's row is left alone. */
  async reportProgress(id: string, generation: number, percent: number): Promise<void> {
    await this.unitOfWork.outside.query(`UPDATE minutes SET progress = $3, updated_at = now() WHERE id = $1 AND assembly_generation = $2 AND assembly = 'pending'`, [
      id,
      generation,
      percent,
    ]);
  }

  /** The generation's assembly gave up, while the minutes of the meeting are still that draft. */
  async markAssemblyFailed(tx: Transaction, meetingId: string, generation: number, message: string): Promise<void> {
    await tx.query(
      `UPDATE minutes SET assembly = 'failed', assembly_error = $3, updated_at = now() WHERE meeting_id = $1 AND assembly_generation = $2 AND state = 'draft' AND assembly = 'pending'`,
      [meetingId, generation, message],
    );
  }
}
