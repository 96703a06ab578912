import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { cookieValue, SESSION_COOKIE } from '@app/auth';
import { pagePreloads, WEB_APP_ASSETS_PREFIX, WEB_APP_PAGES } from './web-app-paths.js';

/**
 * Serves the built web application: its hashed files under /assets/ (cached for a year, as their names change with
 * their content), and index.html at each of its pages, so a link from an e-mail or a reload opens the page directly
 * (the router in the browser takes it from there). index.html itself is revalidated on every visit, so a new build
 * is picked up at once. Each page names the API reads it starts with, for the browser to fetch at once (pagePreloads).
 */
export async function mountWebApp(app: NestFastifyApplication, webAppDir: string): Promise<void> {
  const indexHtml = await readFile(join(webAppDir, 'index.html'));
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root: join(webAppDir, 'assets'),
    prefix: WEB_APP_ASSETS_PREFIX,
    decorateReply: false,
    index: false,
    immutable: true,
    maxAge: '365d',
  });
  for (const page of WEB_APP_PAGES) {
    fastify.get(page, (request, reply) => {
      reply
        .header('cache-control', 'no-cache')
        .header('link', pagePreloads(page, request.params as { meetingId?: string }, cookieValue(request.headers.cookie, SESSION_COOKIE) !== undefined).join(', '))
        .type('text/html; charset=utf-8')
        .send(indexHtml);
    });
  }
}
