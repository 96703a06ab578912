import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { cookieValue, SESSION_COOKIE } from '@app/auth';
import { pagePreloads, pageReads, SERVER_DRAWN_PAGES, WEB_APP_ASSETS_PREFIX, WEB_APP_PAGES } from './web-app-paths.js';

/** One of a page's first reads as the API answered it, for the page to be drawn from (apps/web/src/api/page-answers.ts). */
interface PageAnswer {
  url: string;
  status: number;
  body: unknown;
}

/** The web application's drawing on the server (apps/web/src/entry-server.tsx, built into dist/web-server). */
type DrawPage = (path: string, answers: PageAnswer[]) => Promise<{ html: string; answersElement: string }>;

const EMPTY_ROOT = '<div id="root"></div>';
const logger = new Logger('WebApp');

/**
 * Serves the built web application: its hashed files under /assets/ (cached for a year, as their names change with
 * their content), and index.html at each of its pages, so a link from an e-mail or a reload opens the page directly
 * (the router in the browser takes it from there). index.html itself is revalidated on every visit, so a new build
 * is picked up at once. Each page names the API reads it starts with, for the browser to fetch at once (pagePreloads).
 * The meeting pages are drawn on the server when their reads can be made (drawnPage), the answers sent with them.
 */
export async function mountWebApp(app: NestFastifyApplication, webAppDir: string): Promise<void> {
  const indexHtml = await readFile(join(webAppDir, 'index.html'), 'utf8');
  const drawPage = await loadPageDrawing(join(webAppDir, '..', 'web-server', 'entry-server.js'));
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
    fastify.get(page, async (request, reply) => {
      const params = request.params as { meetingId?: string };
      const hasSessionCookie = cookieValue(request.headers.cookie, SESSION_COOKIE) !== undefined;
      const drawn = drawPage && SERVER_DRAWN_PAGES.has(page) ? await drawnPage(fastify, drawPage, request, pageReads(page, params, hasSessionCookie)) : undefined;
      reply.type('text/html; charset=utf-8');
      if (drawn) {
        // It holds what the visitor may read (a closed item's text for a member): for this browser only, never kept.
        // `inert` until the app has taken the page over (app-tree.tsx): a click before then would do nothing.
        // A function, so that no `$&` or `$'` in the page's text is read as a replacement pattern.
        const page = indexHtml.replace(EMPTY_ROOT, () => `<div id="root" inert>${drawn.html}</div>${drawn.answersElement}`);
        return reply.header('cache-control', 'private, no-store').header('vary', 'cookie').send(page);
      }
      return reply.header('cache-control', 'no-cache').header('link', pagePreloads(page, params, hasSessionCookie).join(', ')).send(indexHtml);
    });
  }
}

async function loadPageDrawing(entry: string): Promise<DrawPage | undefined> {
  if (!existsSync(entry)) {
    logger.warn(`No server drawing of the web application at ${entry} (npm run build makes it): every page is drawn in the browser`);
    return undefined;
  }
  return ((await import(pathToFileURL(entry).href)) as { drawPage: DrawPage }).drawPage;
}

/**
 * The page drawn from its reads, which the API answers in process as it would the browser's own (the visitor's cookie,
 * address and the same access rules). Only a page with a meeting to show is drawn: its meeting read is among its
 * reads and answered 200 (a refusal or a missing meeting is left to the app, as are a read that cannot be answered
 * now and a drawing that fails: the browser then draws the page itself, as it would without this).
 */
async function drawnPage(fastify: FastifyInstance, drawPage: DrawPage, request: FastifyRequest, reads: string[]): Promise<{ html: string; answersElement: string } | undefined> {
  const meetingRead = reads.findIndex((url) => url.includes('/meetings/'));
  if (meetingRead < 0) return undefined;
  try {
    const headers = { ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}), ...(request.headers['user-agent'] ? { 'user-agent': request.headers['user-agent'] } : {}) };
    const responses = await Promise.all(reads.map((url) => fastify.inject({ method: 'GET', url, headers, remoteAddress: request.ip })));
    if (responses[meetingRead].statusCode !== 200) return undefined;
    if (responses.some((response) => response.statusCode >= 500 || !response.headers['content-type']?.toString().startsWith('application/json'))) return undefined;
    const answers = responses.map((response, n) => ({ url: reads[n], status: response.statusCode, body: response.json() as unknown }));
    return await drawPage(request.url, answers);
  } catch (error) {
    logger.warn(`The page ${request.url} could not be drawn on the server, the browser draws it: ${(error as Error).message}`);
    return undefined;
  }
}
