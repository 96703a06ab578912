import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@app/config';
import { apiRootModule, openApiDocument, setApiPrefix } from '@app/api-app';

/**
 * Writes the API's OpenAPI document to the file named by the first argument, without a database or Redis: Nest's
 * preview mode builds the module graph and reads the routes and DTOs but runs no provider, so nothing connects.
 * `npm run api:types` turns it into the web client's types.
 */
async function main(target: string): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(apiRootModule(loadConfig({ LOG_LEVEL: 'silent' })), new FastifyAdapter(), {
    preview: true,
    abortOnError: false,
    logger: false,
  });
  setApiPrefix(app);
  const document = openApiDocument(app);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

const target = process.argv[2];
if (!target) {
  console.error('usage: node dist/scripts/openapi-document.js <file.json>');
  process.exit(2);
}
main(target).catch((error) => {
  console.error(error);
  process.exit(1);
});
