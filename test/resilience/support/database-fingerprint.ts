import type pg from 'pg';

/** Each table's row count and a digest of its whole content. */
export type DatabaseFingerprint = Record<string, { rows: number; digest: string }>;

/**
 * Proves that requests changed no row: counts alone miss an update, so every table's content is hashed too.
 * The audit trail is left out by default: refused requests are written to it on purpose.
 */
export async function fingerprint(db: pg.Pool, except: readonly string[] = ['audit_entry']): Promise<DatabaseFingerprint> {
  const { rows: tables } = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const result: DatabaseFingerprint = {};
  for (const { table_name: table } of tables) {
    if (except.includes(table)) continue;
    const { rows } = await db.query(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`);
    result[table] = rows[0];
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
