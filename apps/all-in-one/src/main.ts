import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { serveApi } from '../../api/src/serve-api.js';
import { WorkerModule } from '../../worker/src/worker.module.js';

/** `npm start`: the API and the worker in one process, for the quick start; production runs them apart. */
serveApi(loadConfig(), 'api+worker', [WorkerModule]).catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
