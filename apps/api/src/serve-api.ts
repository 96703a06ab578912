import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Type } from '@nestjs/common';
import { type AppConfig, assertProductionSecrets, DEVELOPMENT_ADMIN_PASSWORD, DEVELOPMENT_JWT_SECRET, isDevelopment } from '@app/config';
import { createRootLogger } from '@app/core';
import { prepareDatabase } from '@app/database';
import { apiRootModule } from './api-root.module.js';
import { createHttpApp } from './http-app.js';

/** The web application as `npm run build` leaves it (dist/web), beside the compiled API (dist/apps/api/src). */
const WEB_APP_DIR = fileURLToPath(new URL('../../../web', import.meta.url));

/**
 * Prepares the database, starts the HTTP API (with `alongside` modules in the same process) and prints where it is.
 * Outside development (NODE_ENV=production or a non-loopback HOST) it refuses the public development secrets first.
 */
export async function serveApi(config: AppConfig, processName: string, alongside: Type[] = []): Promise<void> {
  assertProductionSecrets(config);
  const logger = createRootLogger(config.LOG_LEVEL, processName);
  if (isDevelopment(config)) warnOfDevelopmentSecrets(config, logger);
  await prepareDatabase(config.DATABASE_URL, logger);
  if (!config.SMTP_URL) logger.info(`SMTP_URL is not set: e-mail is written as .eml files to ${config.MAIL_OUTBOX_DIR}`);
  const webAppDir = existsSync(`${WEB_APP_DIR}/index.html`) ? WEB_APP_DIR : undefined;
  if (!webAppDir) logger.warn(`No web application at ${WEB_APP_DIR} (npm run build makes it): only the API is served`);
  const app = await createHttpApp(apiRootModule(config, alongside), logger, { config, docsUi: true, queueDashboard: true, bufferLogs: true, webAppDir });
  await app.listen({ port: config.PORT, host: config.HOST });
  const base = config.PUBLIC_BASE_URL.replace(/\/$/, '');
  logger.info(`API listening on ${config.HOST}:${config.PORT}${alongside.length ? ' with the worker in the same process' : ''}`);
  logger.info(`API docs: ${base}/api/docs`);
  if (webAppDir) logger.info(`Web application: ${base}/`);
  const webApp = webAppDir ? `  Web application: ${base}/ (public portal: ${base}/offentlig)\n` : '';
  console.log(`\n${webApp}  API docs: ${base}/api/docs\n  Log in as ${config.ADMIN_EMAIL} (POST ${base}/api/auth/login)\n`);
}

/** Development only: says loudly, at warn, which public development secrets this process runs with. */
function warnOfDevelopmentSecrets(config: AppConfig, logger: ReturnType<typeof createRootLogger>): void {
  const defaults = [
    ...(config.JWT_SECRET === DEVELOPMENT_JWT_SECRET ? ['JWT_SECRET (anyone can forge tokens)'] : []),
    ...(config.ADMIN_PASSWORD === DEVELOPMENT_ADMIN_PASSWORD ? ['ADMIN_PASSWORD'] : []),
  ];
  if (defaults.length === 0) return;
  const message = `DEVELOPMENT MODE: using the public development ${defaults.join(' and ')}; fine on this machine only. Set NODE_ENV=production or a non-loopback HOST and the API refuses them.`;
  logger.warn(message);
  console.warn(`\n  !!! ${message}\n`);
}
