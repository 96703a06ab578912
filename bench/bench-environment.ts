import type pg from 'pg';
import { type ApiClient, type AppCluster, type CommitteeFixture, databaseUrl, Fixtures, type SmtpServer, startSystem, waitForOutboxDrained } from '@app/test-kit';

/** How much work each figure does; `bench:quick` runs a few hundred operations so CI stays fast. */
export interface BenchScale {
  rounds: number;
  /** Seconds of load per autocannon run. */
  readSeconds: number;
  deliveries: number;
  reminders: number;
  /** Seconds over which the reminders come due. */
  reminderWindowSeconds: number;
  /** Agenda sizes of the minutes figure. */
  minutesItems: readonly number[];
  /** Rounds of the figures that take minutes a round (reminder lateness). */
  slowRounds: number;
  /** Recipients of the meeting published in (10). */
  agendaRoundMembers: number;
}

/** BENCH_DELIVERIES and BENCH_REMINDERS change the sizes of (3) and (4), e.g. to try a larger run. */
const fromEnvironment = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

export const FULL_SCALE: BenchScale = {
  rounds: 3,
  readSeconds: 10,
  deliveries: fromEnvironment('BENCH_DELIVERIES', 10_000),
  reminders: fromEnvironment('BENCH_REMINDERS', 10_000),
  reminderWindowSeconds: 90,
  minutesItems: [10, 100, 1_000],
  slowRounds: 1,
  agendaRoundMembers: 200,
};
export const QUICK_SCALE: BenchScale = { rounds: 3, readSeconds: 3, deliveries: 300, reminders: 40, reminderWindowSeconds: 8, minutesItems: [10, 100, 1_000], slowRounds: 1, agendaRoundMembers: 100 };

/** Everything the figures share: the system under test, its database, the SMTP server and a committee to work on. */
export interface BenchEnvironment {
  scale: BenchScale;
  quick: boolean;
  cluster: AppCluster;
  api: ApiClient;
  adminToken: string;
  /** Straight SQL against the system's database, for bulk workloads and for reading outcomes. */
  db: pg.Pool;
  databaseUrl: string;
  smtp: SmtpServer;
  fixtures: Fixtures;
  committee: CommitteeFixture;
  /** Unique per run, for Redis prefixes and names. */
  runId: string;
}

const SERVER_URL = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';

export async function startBenchEnvironment(quick: boolean): Promise<{ env: BenchEnvironment; close: (failed: boolean) => Promise<void> }> {
  const runId = `cw-bench-${Date.now().toString(36)}`;
  // The SMTP server keeps Message-IDs and arrival times only: tens of thousands of messages are received.
  const system = await startSystem({
    name: runId,
    databaseUrl: databaseUrl(runId.replace(/-/g, '_'), SERVER_URL),
    smtp: { keepContent: false },
    apis: 1,
    workers: 1,
    env: { LOG_LEVEL: 'warn' },
  });
  const close = (failed: boolean) => system.close({ keepLogs: failed });
  try {
    const { cluster, smtp, db } = system;
    const api = cluster.client();
    const adminToken = await cluster.admin();
    const fixtures = new Fixtures(api, adminToken);
    // A committee of nine members with a chair and a secretary: the attendance list of every meeting read.
    const committee = await fixtures.staffedCommittee({ bodyId: (await fixtures.body()).id, name: 'Social- og Sundhedsudvalget', memberCount: 9 });
    const env = { scale: quick ? QUICK_SCALE : FULL_SCALE, quick, cluster, api, adminToken, db, databaseUrl: system.databaseUrl, smtp, fixtures, committee, runId };
    await waitForOutboxDrained(db, 600_000);
    return { env, close };
  } catch (error) {
    await close(true);
    throw error;
  }
}
