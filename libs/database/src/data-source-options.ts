import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { SqlStatementCounter } from './sql-statement-counter.js';
import { MIGRATIONS } from './migrations/index.js';

export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
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
