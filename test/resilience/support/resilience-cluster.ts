import { readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import pg from 'pg';
import { AppCluster } from '../../../bench/support/app-cluster.js';
import { SmtpSink } from '../../../bench/support/smtp-sink.js';
import { createTestDatabase, databaseUrl, dropDatabase } from '../../support/test-database.js';

export interface ResilienceCluster {
  cluster: AppCluster;
  /** Keeps every message as received. */
  smtp: SmtpSink;
  /** Straight SQL against the cluster's database, for the checks. */
  db: pg.Pool;
  close(): Promise<void>;
}

/**
 * API and worker processes from the build on a fresh copy of the migrated test database, a Redis server of their
 * own and an SMTP server that keeps every message; the processes' logs are under var/run/cw-resilience-<name>-<run>/logs.
 */
export async function startResilienceCluster(name: string, processes: { apis: number; workers: number }): Promise<ResilienceCluster> {
  // The logs of the last run of each spec stay for reading after a failure; older runs' go.
  const runs = await readdir(resolve('var', 'run')).catch(() => [] as string[]);
  await Promise.all(runs.filter((run) => run.startsWith(`cw-resilience-${name}-`)).map((run) => rm(resolve('var', 'run', run), { recursive: true, force: true })));
  const database = await createTestDatabase();
  const smtp = await SmtpSink.start({ keepMessages: true });
  const cluster = await AppCluster.start({
    name: `cw-resilience-${name}-${Date.now().toString(36)}`,
    databaseUrl: databaseUrl(database),
    smtpUrl: smtp.url,
    ...processes,
    env: {
      LOG_LEVEL: 'warn',
      // Lost jobs come back within seconds, and retries do not wait minutes, so a run settles quickly.
      OUTBOX_RECONCILE_INTERVAL_MS: '2000',
      OUTBOX_POLL_INTERVAL_MS: '500',
      JOB_BACKOFF_MS: '500',
    },
  }).catch(async (error) => {
    await smtp.close();
    await dropDatabase(database);
    throw error;
  });
  const db = new pg.Pool({ connectionString: databaseUrl(database), max: 4 });
  return {
    cluster,
    smtp,
    db,
    async close() {
      await cluster.close({ keepLogs: true });
      await db.end();
      await smtp.close();
      await dropDatabase(database);
    },
  };
}
