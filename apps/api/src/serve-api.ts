import type { Type } from '@nestjs/common';
import { type AppConfig } from '@app/config';
import { createRootLogger } from '@app/core';
import { prepareDatabase } from '@app/database';
import { apiRootModule } from './api-root.module.js';
import { createHttpApp } from './http-app.js';

/** Prepares the database, starts the HTTP API (with `alongside` modules in the same process) and prints where it is. */
export async function serveApi(config: AppConfig, processName: string, alongside: Type[] = []): Promise<void> {
  const logger = createRootLogger(config.LOG_LEVEL, processName);
  await prepareDatabase(config.DATABASE_URL, logger);
  if (!config.SMTP_URL) logger.info(`SMTP_URL is not set: e-mail is written as .eml files to ${config.MAIL_OUTBOX_DIR}`);
  const app = await createHttpApp(apiRootModule(config, alongside), logger, { config, docsUi: true, queueDashboard: true, bufferLogs: true });
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
  const base = config.PUBLIC_BASE_URL.replace(/\/$/, '');
  logger.info(`API listening on port ${config.PORT}${alongside.length ? ' with the worker in the same process' : ''}`);
  logger.info(`API docs: ${base}/api/docs`);
  console.log(`\n  API docs: ${base}/api/docs\n  Log in as ${config.ADMIN_EMAIL} (POST ${base}/api/auth/login)\n`);
}
