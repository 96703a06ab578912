import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@app/config';
import { createRootLogger, PinoNestLogger } from '@app/core';
import { InfrastructureModule, prepareDatabase } from '@app/database';
import { WorkerModule } from './worker.module.js';

async function main() {
  const config = loadConfig();
  const logger = createRootLogger(config.LOG_LEVEL, 'worker');
  await prepareDatabase(config.DATABASE_URL, logger);
  if (!config.SMTP_URL) logger.info(`SMTP_URL is not set: e-mail is written as .eml files to ${config.MAIL_OUTBOX_DIR}`);

  @Module({ imports: [InfrastructureModule.forRoot(config), WorkerModule] })
  class WorkerRootModule {}

  // Not buffered: nothing here calls useLogger, so buffered lines (every failed attempt) would never be written.
  const app = await NestFactory.createApplicationContext(WorkerRootModule, { logger: new PinoNestLogger(logger) });
  await app.init();
  logger.info('Worker started');

  // Our own handlers rather than enableShutdownHooks: app.close() lets the jobs in flight finish (each
  // processor closes its worker before the connections go), and the process then ends on its own, with
  // code 0. A second signal while stopping is not caught and ends the process at once.
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const stop = (signal: NodeJS.Signals) => {
    for (const other of signals) process.off(other, stop);
    logger.info({ signal }, 'Stopping: jobs in flight finish first');
    app
      .close()
      .then(() => logger.info('Worker stopped'))
      .catch((error: Error) => {
        logger.error({ err: error }, 'Worker did not stop cleanly');
        process.exitCode = 1;
      });
  };
  for (const signal of signals) process.on(signal, stop);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
