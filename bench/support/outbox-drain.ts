import type pg from 'pg';
import { sleep } from './app-process.js';

/**
 * Waits until no outbox row that is due is unprocessed: the queues have done the work so far (rows scheduled for
 * later do not count). On a timeout the error names what is left, by job.
 */
export async function waitForOutboxDrained(db: pg.Pool, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS open FROM outbox_message WHERE processed_at IS NULL AND available_at <= now()`);
    if (rows[0].open === 0) return;
    if (Date.now() > deadline) {
      const { rows: left } = await db.query(
        `SELECT job_name, count(*)::int AS count, max(attempts) AS attempts, max(last_error) AS error
           FROM outbox_message WHERE processed_at IS NULL AND available_at <= now() GROUP BY job_name`,
      );
      throw new Error(`Outbox rows still unprocessed after ${timeoutMs} ms: ${JSON.stringify(left)}`);
    }
    await sleep(50);
  }
}
