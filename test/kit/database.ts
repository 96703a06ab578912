import pg from 'pg';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { prepareDatabase } from '@app/database';

export const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const TEMPLATE_LOCK = 748_193_299;

/** A test's way into its database: the app's TypeORM data source, or a pool of its own next to processes from the build. */
export type Database = DataSource | pg.Pool;

export async function query<T = any>(db: Database, text: string, params: unknown[] = []): Promise<T[]> {
  return db instanceof DataSource ? db.query(text, params) : (await db.query(text, params)).rows;
}

export function databaseUrl(name: string, server = SERVER_URL): string {
  return `${server.replace(/\/$/, '')}/${name}`;
}

/** Runs `fn` with a connection to the server's maintenance database, for creating and dropping databases. */
export async function withServer<T>(fn: (client: pg.Client) => Promise<T>, server = SERVER_URL): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres', server) });
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

/** Drops the database the URL names, whoever is still connected to it. */
export async function dropDatabase(url: string): Promise<void> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = '';
  await withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`), parsed.toString());
}

async function tableNames(db: Database, except: readonly string[]): Promise<string[]> {
  const tables = await query<{ table_name: string }>(
    db,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return tables.map((table) => table.table_name).filter((table) => !except.includes(table));
}

/** Row counts of every table, to show that a refused request changed nothing. */
export async function tableCounts(db: Database, except: readonly string[] = ['audit_entry']): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tableNames(db, except)) {
    const [{ count }] = await query(db, `SELECT count(*)::int AS count FROM "${table}"`);
    counts[table] = count;
  }
  return counts;
}

/** Each table's row count and a digest of its whole content. */
export type DatabaseFingerprint = Record<string, { rows: number; digest: string }>;

/**
 * Proves that requests changed no row: counts alone miss an update, so every table's content is hashed too.
 * The audit trail is left out by default: refused requests are written to it on purpose.
 */
export async function fingerprint(db: Database, except: readonly string[] = ['audit_entry']): Promise<DatabaseFingerprint> {
  const result: DatabaseFingerprint = {};
  for (const table of await tableNames(db, except)) {
    const [row] = await query(db, `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`);
    result[table] = row;
  }
  return result;
}

/** The tables whose content differs between two fingerprints, with their row counts before and after. */
export function changedTables(before: DatabaseFingerprint, after: DatabaseFingerprint): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[table]?.digest !== after[table]?.digest) changed[table] = `${before[table]?.rows ?? '-'} -> ${after[table]?.rows ?? '-'} rows`;
  }
  return changed;
}

/**
 * `count` members of the committee from 2024-01-01, written straight to the database as `medlem<n>@<domain>`: as
 * many as a large council without a request each, and without a login, so no welcome e-mail joins their agendas.
 */
export async function seatMembersWithoutLogin(db: Database, committeeId: string, count: number, domain: string): Promise<void> {
  await query(
    db,
    `WITH people AS (
       INSERT INTO person (name, email, roles)
       SELECT 'Medlem ' || n, 'medlem' || n || '@' || $3, '{}' FROM generate_series(1, $2::int) AS n
       RETURNING id)
     INSERT INTO membership (committee_id, person_id, role, start_date) SELECT $1, id, 'member', '2024-01-01' FROM people`,
    [committeeId, count, domain],
  );
}
