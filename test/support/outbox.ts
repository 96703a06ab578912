import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';

/**
 * Waits until every outbox row that is due has been processed (done, dropped or failed after its retries),
 * i.e. the queues have drained of the work the test caused. Rows scheduled for later do not count.
 */
export async function waitForOutboxDrained(dataSource: DataSource, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ pending }]: { pending: number }[] = await dataSource.query(
      `SELECT count(*)::int AS pending FROM outbox_message WHERE processed_at IS NULL AND available_at <= now()`,
    );
    if (pending === 0) return;
    if (Date.now() > deadline) {
      const rows = await dataSource.query(`SELECT id, job_name, enqueued_at, attempts, last_error FROM outbox_message WHERE processed_at IS NULL`);
      throw new Error(`${pending} outbox message(s) still unprocessed after ${timeoutMs} ms: ${JSON.stringify(rows)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * What a FLUSHALL or a Redis restart without persistence does to this app's queues, limited to the test's own
 * key prefix: the shared Redis of other test files and of developers stays untouched.
 */
export async function deleteQueueKeys(config: AppConfig): Promise<number> {
  const redis = new Redis(config.REDIS_URL);
  try {
    const keys = await redis.keys(`${config.REDIS_PREFIX}:bull:*`);
    if (keys.length) await redis.del(...keys);
    return keys.length;
  } finally {
    await redis.quit();
  }
}
