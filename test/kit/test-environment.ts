import { rm } from 'node:fs/promises';
import { AppConfig, loadConfig } from '@app/config';
import { createTestDatabase, databaseUrl, dropDatabase } from './database.js';
import { deleteKeys } from './outbox.js';

/** The first administrator of every app the kit starts, in process or from the build (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const ADMIN = { email: 'admin@test.dk', password: 'admin-test-password' };

/**
 * Fixtures log many people in from one address; the limit itself is tested in the integration tests, which set
 * LOGIN_ATTEMPTS_PER_MINUTE themselves.
 */
export const LOGIN_LIMIT_FOR_FIXTURES = '100000';

/** A test file's own database (a copy of the run's migrated template), Redis key prefix and directories. */
export interface TestEnvironment {
  /** The database's name; it names the prefix and the directories too. */
  database: string;
  config: AppConfig;
  /** Deletes the Redis keys under the prefix, the directories and the database. */
  close(): Promise<void>;
}

export async function createTestEnvironment(env: Record<string, string> = {}): Promise<TestEnvironment> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: databaseUrl(database),
    REDIS_PREFIX: `cw-test:${database}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOGIN_ATTEMPTS_PER_MINUTE: LOGIN_LIMIT_FOR_FIXTURES,
    MAIL_OUTBOX_DIR: `var/test-outbox/${database}`,
    STORAGE_DIR: `var/test-storage/${database}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  return {
    database,
    config,
    async close() {
      await deleteKeys(config);
      await rm(`var/run/${database}`, { recursive: true, force: true });
      await dropDatabase(config.DATABASE_URL);
    },
  };
}
