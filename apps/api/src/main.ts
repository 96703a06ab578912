import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { createRootLogger } from '@app/core';
import { prepareDatabase } from '@app/database';
import { apiRootModule } from './app-root.js';
import { createHttpApp } from './http-app.js';

async function main() {
  const withWorker = process.argv.includes('--with-worker');
  const config = loadConfig();
  const logger = createRootLogger(config.LOG_LEVEL, withWorker ? 'api+worker' : 'api');
  await prepareDatabase(config.DATABASE_URL, logger);
  if (!config.SMTP_URL) logger.info(`SMTP_URL is not set: e-mail is written as .eml files to ${config.MAIL_OUTBOX_DIR}`);
  const app = await createHttpApp(apiRootModule(config, { withWorker }), logger, { docsUi: true, queueDashboard: true, bufferLogs: true });
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
  const base = config.PUBLIC_BASE_URL.replace(/\/$/, '');
  logger.info(`API listening on port ${config.PORT}${withWorker ? ' with the worker in the same process' : ''}`);
  logger.info(`API docs: ${base}/api/docs`);
  console.log(`\n  API docs: ${base}/api/docs\n  Log in as ${config.ADMIN_EMAIL} (POST ${base}/api/auth/login)\n`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
