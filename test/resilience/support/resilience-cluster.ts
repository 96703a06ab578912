import { readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type RunningSystem, type SmtpServerOptions, startSystem } from '@app/test-kit';

/** The system under test of a resilience spec; its SMTP server keeps every message as received. */
export type ResilienceCluster = RunningSystem;

export interface ResilienceClusterOptions {
  apis: number;
  workers: number;
  /** A PostgreSQL server of the cluster's own, to stop and start (`rc.postgres`), instead of a copy of the test database. */
  privatePostgres?: boolean;
  /** Settings of every process beyond (or instead of) the suite's quick ones. */
  env?: Record<string, string>;
  smtp?: SmtpServerOptions;
}

/**
 * API and worker processes from the build on a fresh copy of the migrated test database (or a PostgreSQL server of
 * their own), a Redis server of their own and an SMTP server that keeps every message; the processes' logs are
 * under var/run/cw-resilience-<name>-<run>/logs.
 */
export async function startResilienceCluster(name: string, { env, ...options }: ResilienceClusterOptions): Promise<ResilienceCluster> {
  // The logs of the last run of each spec stay for reading after a failure; older runs' go.
  const runs = await readdir(resolve('var', 'run')).catch(() => [] as string[]);
  await Promise.all(runs.filter((run) => run.startsWith(`cw-resilience-${name}-`)).map((run) => rm(resolve('var', 'run', run), { recursive: true, force: true })));
  const system = await startSystem({
    name: `cw-resilience-${name}-${Date.now().toString(36)}`,
    ...options,
    env: {
      LOG_LEVEL: 'warn',
      // Lost jobs come back within seconds, and retries do not wait minutes, so a run settles quickly.
      OUTBOX_RECONCILE_INTERVAL_MS: '2000',
      OUTBOX_POLL_INTERVAL_MS: '500',
      JOB_BACKOFF_MS: '500',
      ...env,
    },
  });
  return { ...system, close: () => system.close({ keepLogs: true }) };
}
