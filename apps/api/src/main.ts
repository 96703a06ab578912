import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { serveApi } from './serve-api.js';

serveApi(loadConfig(), 'api').catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
