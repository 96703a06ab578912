import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import pg from 'pg';
import { ApiClient } from './api-client.js';
import { createTestDatabase, databaseUrl, dropDatabase } from './database.js';
import { PrivatePostgresServer } from './postgres-server.js';
import { AppProcess, type AppRole, Build } from './processes.js';
import { PrivateRedisServer } from './redis-server.js';
import { SmtpServer, type SmtpServerOptions } from './smtp-server.js';
import { ADMIN, LOGIN_LIMIT_FOR_FIXTURES } from './test-environment.js';

export interface AppClusterOptions {
  /** Names the run's directory under var/run/ (build snapshot, logs). */
  name: string;
  databaseUrl: string;
  smtpUrl: string;
  apis: number;
  workers: number;
  /** More configuration for every process, e.g. a shorter OUTBOX_RECONCILE_INTERVAL_MS. */
  env?: Record<string, string>;
}

/**
 * The application as it runs in production, on one machine: API and worker processes from a snapshot of the build,
 * one PostgreSQL database and a Redis server of the cluster's own. The database is made by the first API if missing.
 */
export class AppCluster {
  readonly apis: AppProcess[] = [];
  readonly workers: AppProcess[] = [];
  readonly logDir: string;
  private adminToken: string | undefined;
  /** Processes named so far, by role: names are taken before the (concurrent) starts. */
  private readonly named = { api: 0, worker: 0 };

  private constructor(
    private readonly options: AppClusterOptions,
    readonly build: Build,
    readonly redis: PrivateRedisServer,
  ) {
    this.logDir = resolve('var', 'run', options.name, 'logs');
  }

  static async start(options: AppClusterOptions): Promise<AppCluster> {
    const build = await Build.snapshot(options.name);
    const redis = await PrivateRedisServer.start();
    const cluster = new AppCluster(options, build, redis);
    try {
      // One process migrates first; the rest then start side by side.
      await cluster.add('api');
      await Promise.all([
        ...Array.from({ length: options.apis - 1 }, () => cluster.add('api')),
        ...Array.from({ length: options.workers }, () => cluster.add('worker')),
      ]);
    } catch (error) {
      await cluster.close();
      throw error;
    }
    return cluster;
  }

  /** The configuration every process of the cluster shares. */
  get env(): Record<string, string> {
    return {
      DATABASE_URL: this.options.databaseUrl,
      REDIS_URL: this.redis.url,
      REDIS_PREFIX: this.options.name,
      SMTP_URL: this.options.smtpUrl,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOGIN_ATTEMPTS_PER_MINUTE: LOGIN_LIMIT_FOR_FIXTURES,
      STORAGE_DIR: resolve('var', 'run', this.options.name, 'storage'),
      ...this.options.env,
    };
  }

  async add(role: AppRole): Promise<AppProcess> {
    const list = role === 'api' ? this.apis : this.workers;
    const name = `${role}-${++this.named[role]}`;
    const process = await AppProcess.create({ name, role, build: this.build, env: this.env, logDir: this.logDir });
    list.push(process);
    await process.start();
    return process;
  }

  client(index = 0): ApiClient {
    return new ApiClient(this.apis[index].baseUrl);
  }

  async admin(): Promise<string> {
    return (this.adminToken ??= await this.client().login(ADMIN.email, ADMIN.password));
  }

  /** Stops everything; the logs stay (under var/run/<name>/logs) only when asked to, e.g. after a failure. */
  async close({ keepLogs = false }: { keepLogs?: boolean } = {}): Promise<void> {
    await Promise.all([...this.apis, ...this.workers].map((process) => process.close()));
    await this.redis.stop();
    await this.build.remove();
    if (!keepLogs) await rm(resolve('var', 'run', this.options.name), { recursive: true, force: true });
  }
}

export interface SystemOptions extends Omit<AppClusterOptions, 'databaseUrl' | 'smtpUrl'> {
  /** The database, made by the first API; left out, a fresh copy of the run's migrated test database. */
  databaseUrl?: string;
  /**
   * A PostgreSQL server of the system's own (`postgres`), which the test may stop and start; the first API makes and
   * migrates the database on it. The machine's shared server is never stopped.
   */
  privatePostgres?: boolean;
  smtp?: SmtpServerOptions;
}

/** A cluster with the SMTP server it sends to and a pool on its database; `close` drops the database too. */
export interface RunningSystem {
  cluster: AppCluster;
  smtp: SmtpServer;
  /** Straight SQL against the cluster's database, for workloads and checks. */
  db: pg.Pool;
  databaseUrl: string;
  /** The system's own PostgreSQL server, when it was asked for one. */
  postgres?: PrivatePostgresServer;
  close(options?: { keepLogs?: boolean }): Promise<void>;
}

/** The system under test for the benchmarks and the resilience suite: processes from the build, an SMTP server, a database. */
export async function startSystem({ databaseUrl: given, privatePostgres = false, smtp: smtpOptions, ...options }: SystemOptions): Promise<RunningSystem> {
  const postgres = privatePostgres ? await PrivatePostgresServer.start(options.name) : undefined;
  const url = postgres?.urlOf('committee_work') ?? given ?? databaseUrl(await createTestDatabase());
  const removeDatabase = () => (postgres ? postgres.close() : dropDatabase(url));
  const smtp = await SmtpServer.start(smtpOptions);
  const cluster = await AppCluster.start({ ...options, databaseUrl: url, smtpUrl: smtp.url }).catch(async (error) => {
    await smtp.close();
    await removeDatabase();
    throw error;
  });
  const db = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection the server ends (its restart, an outage the test makes) is replaced on the next query; unheard, the error would end the test run.
  db.on('error', () => undefined);
  return {
    cluster,
    smtp,
    db,
    databaseUrl: url,
    postgres,
    async close({ keepLogs = false } = {}) {
      await cluster.close({ keepLogs });
      await db.end();
      await smtp.close();
      await removeDatabase();
    },
  };
}
