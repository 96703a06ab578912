import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { ensureDatabase, migrate } from '../schema.js';

async function main() {
  const direction = process.argv[2] === 'revert' ? 'revert' : 'run';
  const { DATABASE_URL } = loadConfig();
  await ensureDatabase(DATABASE_URL);
  const applied = await migrate(DATABASE_URL, direction);
  console.log(direction === 'revert' ? 'Reverted the last migration' : applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
