import { Redis } from 'ioredis';
import type { AppConfig } from '@app/config';
import { type Database, query } from './database.js';
import { waitUntil } from './wait.js';

/**
 * Waits until every outbox row that is due has been processed (done, dropped or failed after its retries), i.e. the
 * queues have done the work so far; rows scheduled for later do not count. On a timeout the error names what is
 * left, by job.
 */
export async function waitForOutboxDrained(db: Database, timeoutMs = 15_000): Promise<void> {
  const drained = async () => {
    const [{ open }] = await query(db, `SELECT count(*)::int AS open FROM outbox_message WHERE processed_at IS NULL AND available_at <= now()`);
    return open === 0;
  };
  await waitUntil(drained, { timeoutMs, intervalMs: 25 }, async () => {
    const left = await query(
      db,
      `SELECT job_name, count(*)::int AS count, max(attempts) AS attempts, max(last_error) AS error
         FROM outbox_message WHERE processed_at IS NULL AND available_at <= now() GROUP BY job_name`,
    );
    return `Outbox rows still unprocessed after ${timeoutMs} ms: ${JSON.stringify(left)}`;
  });
}

/**
 * What a FLUSHALL or a Redis restart without persistence does to this app's queues, limited to the test's own
 * key prefix: the shared Redis of other test files and of developers stays untouched.
 */
export async function deleteQueueKeys(config: AppConfig): Promise<number> {
  return deleteKeys(config, 'bull:*');
}

/** Deletes the keys under the app's prefix that match `pattern`; returns how many there were. */
export async function deleteKeys(config: Pick<AppConfig, 'REDIS_URL' | 'REDIS_PREFIX'>, pattern = '*'): Promise<number> {
  const redis = new Redis(config.REDIS_URL);
  try {
    const keys = await redis.keys(`${config.REDIS_PREFIX}:${pattern}`);
    if (keys.length) await redis.del(...keys);
    return keys.length;
  } finally {
    await redis.quit();
  }
}
