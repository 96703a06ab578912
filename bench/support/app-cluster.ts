import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { ApiClient } from './api-client.js';
import { AppProcess, type AppRole, BuildSnapshot } from './app-process.js';
import { PrivateRedisServer } from './redis-server.js';

/** The first administrator of every cluster (ADMIN_EMAIL / ADMIN_PASSWORD of its processes). */
export const CLUSTER_ADMIN = { email: 'admin@cluster.example.dk', password: 'cluster-admin-password' };

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
 * The application as it runs in production, on one machine: API and worker processes from the build, one
 * PostgreSQL database and a Redis server of the cluster's own. The database is made by the first API if missing.
 */
export class AppCluster {
  readonly apis: AppProcess[] = [];
  readonly workers: AppProcess[] = [];
  readonly logDir: string;
  private adminToken: string | undefined;

  private constructor(
    private readonly options: AppClusterOptions,
    readonly build: BuildSnapshot,
    readonly redis: PrivateRedisServer,
  ) {
    this.logDir = resolve('var', 'run', options.name, 'logs');
  }

  static async start(options: AppClusterOptions): Promise<AppCluster> {
    const build = await BuildSnapshot.take(options.name);
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
      ADMIN_EMAIL: CLUSTER_ADMIN.email,
      ADMIN_PASSWORD: CLUSTER_ADMIN.password,
      // Fixtures log many people in from one address; the limit itself is tested in the integration tests.
      LOGIN_ATTEMPTS_PER_MINUTE: '100000',
      STORAGE_DIR: resolve('var', 'run', this.options.name, 'storage'),
      ...this.options.env,
    };
  }

  async add(role: AppRole): Promise<AppProcess> {
    const list = role === 'api' ? this.apis : this.workers;
    const process = await AppProcess.create({ name: `${role}-${list.length + 1}`, role, build: this.build, env: this.env, logDir: this.logDir });
    list.push(process);
    await process.start();
    return process;
  }

  client(index = 0): ApiClient {
    return new ApiClient(this.apis[index].baseUrl);
  }

  async admin(): Promise<string> {
    return (this.adminToken ??= await this.client().login(CLUSTER_ADMIN.email, CLUSTER_ADMIN.password));
  }

  /** Stops everything; the logs stay (under var/run/<name>/logs) only when asked to, e.g. after a failure. */
  async close({ keepLogs = false }: { keepLogs?: boolean } = {}): Promise<void> {
    await Promise.all([...this.apis, ...this.workers].map((process) => process.close()));
    await this.redis.stop();
    await this.build.remove();
    if (!keepLogs) await rm(resolve('var', 'run', this.options.name), { recursive: true, force: true });
  }
}

/** Drops a database a run made, whoever is still connected to it. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
