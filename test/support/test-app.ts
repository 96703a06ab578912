import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { Redis } from 'ioredis';
import { AppConfig, loadConfig } from '@app/config';
import { apiRootModule } from '../../apps/api/src/api-root.module.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { createHttpApp } from '../../apps/api/src/http-app.js';
import { createTestDatabase, databaseUrl, dropDatabase } from './test-database.js';

export const ADMIN = { email: 'admin@test.dk', password: 'admin-test-password' };

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  config: AppConfig;
  dataSource: DataSource;
  request<T = any>(method: string, url: string, options?: RequestOptions): Promise<TestResponse<T>>;
  login(email: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Run the worker (relay, reconciler, processors) in the same process. */
  worker?: boolean;
  /** Extra environment, e.g. SMTP_URL of a test SMTP server. */
  env?: Record<string, string>;
}

/** The real application on its own fresh database and Redis key prefix, listening on a free loopback port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const prefix = `cw-test:${database}`;
  const config = loadConfig({
    DATABASE_URL: databaseUrl(database),
    REDIS_PREFIX: prefix,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    MAIL_OUTBOX_DIR: `var/test-outbox/${database}`,
    STORAGE_DIR: `var/test-storage/${database}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  const logger = pino({ level: config.LOG_LEVEL });
  // Jest cannot load the UIs' static-file server (a CommonJS package that requires an ES module); the built app serves them.
  const app = await createHttpApp(apiRootModule(config, options.worker ? [WorkerModule] : []), logger, { docsUi: false, queueDashboard: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = await app.getUrl();
  const dataSource = app.get(DataSource);
  let adminToken: string | undefined;

  const request: TestApp['request'] = async (method, url, { token, body, headers = {} } = {}) => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, body: parsed, headers: Object.fromEntries(response.headers.entries()), text };
  };

  const login = async (email: string, password: string) => {
    const response = await request('POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': `10.${Math.floor(Math.random() * 250)}.0.1` } });
    if (response.status !== 200) throw new Error(`Login as ${email} failed: ${response.status} ${response.text}`);
    return response.body.accessToken as string;
  };

  return {
    app,
    baseUrl,
    config,
    dataSource,
    request,
    login,
    adminToken: async () => (adminToken ??= await login(ADMIN.email, ADMIN.password)),
    close: async () => {
      await app.close();
      const redis = new Redis(config.REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
      await dropDatabase(database);
    },
  };
}

/** Row counts of every table, to show that a refused request changed nothing. */
export async function tableCounts(dataSource: DataSource, except: string[] = ['audit_entry']): Promise<Record<string, number>> {
  const tables: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    if (except.includes(table_name)) continue;
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "${table_name}"`);
    counts[table_name] = count;
  }
  return counts;
}

/** Sends a request that must be refused with `status` and a message matching `message`, and shows it changed no table. */
export async function expectRefused(t: TestApp, send: () => Promise<TestResponse>, status: number, message: RegExp): Promise<TestResponse> {
  const before = await tableCounts(t.dataSource);
  const res = await send();
  expect({ status: res.status, message: res.body.message }).toEqual({ status, message: expect.stringMatching(message) });
  expect(await tableCounts(t.dataSource)).toEqual(before);
  return res;
}
