import { Client } from 'pg';
import pino from 'pino';
import { prepareDatabase } from '@app/database';

export const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const TEMPLATE_LOCK = 748_193_299;

export function databaseUrl(name: string): string {
  return `${SERVER_URL.replace(/\/$/, '')}/${name}`;
}

export async function withServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file, copied from this run's migrated template (named by the global setup).
 * The first file to get here creates the template; the lock serialises the copies, as PostgreSQL requires.
 */
export async function createTestDatabase(): Promise<string> {
  const template = process.env.COMMITTEE_WORK_TEST_TEMPLATE ?? `cw_test_${process.pid}_template`;
  const name = `${template.replace(/_template$/, '')}_${Math.random().toString(36).slice(2, 10)}`;
  await withServer(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (!rowCount) await prepareDatabase(databaseUrl(template), pino({ level: 'silent' }));
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
