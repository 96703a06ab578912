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
    // No JIT compilation: PostgreSQL compiles any statement whose estimated cost passes jit_above_cost, at every
    // execution, which on a large installation added tens of milliseconds (hundreds for some plans) to reads that
    // run in a few. The application runs short statements only, for which JIT never pays.
    extra: { max: 20, application_name: 'committee-work', options: '-c jit=off' },
  };
}
