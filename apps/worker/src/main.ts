import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@app/config';
import { createRootLogger, InfrastructureModule, PinoNestLogger } from '@app/core';
import { prepareDatabase } from '@app/database';
import { WorkerModule } from './worker.module.js';

async function main() {
  const config = loadConfig();
  const logger = createRootLogger(config.LOG_LEVEL, 'worker');
  await prepareDatabase(config.DATABASE_URL, logger);
  if (!config.SMTP_URL) logger.info(`SMTP_URL is not set: e-mail is written as .eml files to ${config.MAIL_OUTBOX_DIR}`);

  @Module({ imports: [InfrastructureModule.forRoot(config), WorkerModule] })
  class WorkerRootModule {}

  const app = await NestFactory.createApplicationContext(WorkerRootModule, { logger: new PinoNestLogger(logger), bufferLogs: true });
  app.enableShutdownHooks();
  await app.init();
  logger.info('Worker started');
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
