import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options.js';

/** For the TypeORM CLI (`npm run migration:generate`). */
// The CLI compares the entities with the database, so it needs them all: every compiled *.entity.js under libs/.
const ENTITY_FILES = fileURLToPath(new URL('../../**/*.entity.js', import.meta.url));

export default new DataSource(dataSourceOptions(loadConfig().DATABASE_URL, [ENTITY_FILES]));
