import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { serveApi } from '@app/api-app';
import { WorkerModule } from '@app/worker-app';

/** `npm start`: the API and the worker in one process, for the quick start; production runs them apart. */
serveApi(loadConfig(), 'api+worker', [WorkerModule]).catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
