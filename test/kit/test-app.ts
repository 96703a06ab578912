import { resolve } from 'node:path';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import pino, { type DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { apiRootModule, createHttpApp } from '@app/api-app';
import { WorkerModule } from '@app/worker-app';
import { ApiClient, type ApiRequestOptions, type ApiResponse } from './api-client.js';
import { Fixtures } from './fixtures.js';
import { appEnvironment, AppProcess, type AppRole, Build } from './processes.js';
import { ADMIN, createTestEnvironment } from './test-environment.js';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  config: AppConfig;
  dataSource: DataSource;
  /** The app's HTTP API on its loopback port. */
  api: ApiClient;
  request<T = any>(method: string, url: string, options?: ApiRequestOptions): Promise<ApiResponse<T>>;
  login(email: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  /** The fixture builder, working through the API as the administrator. */
  fixtures(): Promise<Fixtures>;
  /**
   * An API or worker process from the build (built first if it is older than the sources) on this app's database,
   * Redis prefix, public address and login secret, started and ready; `close` stops it.
   */
  startProcess(role: AppRole, env?: Record<string, string>): Promise<AppProcess>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Run the worker (relay, reconciler, processors) in the same process. */
  worker?: boolean;
  /** Extra environment, e.g. SMTP_URL of a test SMTP server. */
  env?: Record<string, string>;
  /** Where the app's log lines go, at this level, for a test that reads them (else TEST_LOG_LEVEL, default silent). */
  log?: { level: string; stream: DestinationStream };
}

/** The real application on its own fresh database and Redis key prefix, listening on a free loopback port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const environment = await createTestEnvironment(options.env);
  const { config, database } = environment;
  const logger = options.log ? pino({ level: options.log.level }, options.log.stream) : pino({ level: config.LOG_LEVEL });
  // Jest cannot load the UIs' static-file server (a CommonJS package that requires an ES module); the built app serves them.
  const app = await createHttpApp(apiRootModule(config, options.worker ? [WorkerModule] : []), logger, { config, docsUi: false, queueDashboard: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = await app.getUrl();
  const api = new ApiClient(baseUrl);
  const processes: AppProcess[] = [];
  const started = { api: 0, worker: 0 };
  let adminToken: string | undefined;

  const t: TestApp = {
    app,
    baseUrl,
    config,
    dataSource: app.get(DataSource),
    api,
    request: (method, url, requestOptions) => api.request(method, url, requestOptions),
    login: (email, password) => api.login(email, password),
    adminToken: async () => (adminToken ??= await api.login(ADMIN.email, ADMIN.password)),
    fixtures: async () => new Fixtures(api, await t.adminToken()),
    async startProcess(role, env = {}) {
      const name = `${role}-${++started[role]}`;
      const appProcess = await AppProcess.create({
        name,
        role,
        build: Build.ensureBuilt(),
        env: { ...appEnvironment(config), LOG_LEVEL: 'warn', ...env },
        logDir: resolve('var', 'run', database, 'logs'),
      });
      processes.push(appProcess);
      return appProcess.start();
    },
    async close() {
      await Promise.all(processes.map((appProcess) => appProcess.close()));
      await app.close();
      await environment.close();
    },
  };
  return t;
}
