import type { Logger } from 'pino';
import { ensureDatabase, migrate } from './schema.js';

/** Creates the database if missing and applies pending migrations; run by every process before it starts. */
export async function prepareDatabase(databaseUrl: string, logger: Logger): Promise<void> {
  if (await ensureDatabase(databaseUrl)) logger.info('Created the database named in DATABASE_URL');
  const applied = await migrate(databaseUrl);
  if (applied.length) logger.info({ migrations: applied }, 'Applied migrations');
}
