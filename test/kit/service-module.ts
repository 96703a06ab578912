import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { type Actor, RequestContext } from '@app/core';
import { apiRootModule } from '@app/api-app';
import { createTestEnvironment } from './test-environment.js';

/** The API's modules as a Nest testing module, without HTTP, on a test file's own database. */
export interface ServiceModule {
  module: TestingModule;
  config: AppConfig;
  dataSource: DataSource;
  /** A provider of any of the modules, by its class. */
  get<T>(type: abstract new (...args: any[]) => T): T;
  close(): Promise<void>;
}

/**
 * The real feature modules, assembled as the API assembles them (InfrastructureModule for configuration,
 * PostgreSQL, Redis and BullMQ, then ApiModule), started with their lifecycle hooks (so the workflow tables are
 * checked and the first administrator made, as at boot), for tests that call the services directly.
 */
export async function startServiceModule(env: Record<string, string> = {}): Promise<ServiceModule> {
  const environment = await createTestEnvironment(env);
  const module = await Test.createTestingModule({ imports: [apiRootModule(environment.config)] }).compile();
  await module.init();
  return {
    module,
    config: environment.config,
    dataSource: module.get(DataSource),
    get: (type) => module.get(type),
    async close() {
      await module.close();
      await environment.close();
    },
  };
}

/**
 * A class among a module's providers, by name: for a service its library does not export (so a test can still
 * reach it through the module that is exported).
 */
export function providerOf(moduleClass: object, name: string): abstract new (...args: any[]) => unknown {
  const providers: unknown[] = Reflect.getMetadata('providers', moduleClass) ?? [];
  const provider = providers.find((candidate) => typeof candidate === 'function' && candidate.name === name);
  if (!provider) throw new Error(`${(moduleClass as { name?: string }).name} provides no ${name}`);
  return provider as abstract new (...args: any[]) => unknown;
}

/** An administrator of the installation, for setting up what a test stands on (bodies, committees, people, seats). */
export const INSTALLATION_ADMIN: Actor = { personId: randomUUID(), email: 'admin@example.dk', roles: ['admin'], seats: [], bodyIds: [], bodyCommitteeIds: [] };

/** Runs `work` as a request by `actor` would run, so the audit trail names who did it. */
export function asActor<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
  return RequestContext.run({ requestId: `service-test-${randomUUID()}`, actor, sqlStatements: 0 }, work);
}
