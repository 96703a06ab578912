import type { DataSourceOptions } from 'typeorm';
import { SqlStatementCounter } from './sql-statement-counter.js';
import { MIGRATIONS } from './migrations/index.js';

/** The connection, migrations and statement counting; entities come from the features' modules (or the CLI's glob). */
export function dataSourceOptions(databaseUrl: string, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: ['query'],
    logger: new SqlStatementCounter(),
    uuidExtension: 'pgcrypto',
    extra: { max: 20, application_name: 'committee-work' },
  };
}
