/**
 * The bare baseline of the meeting page: Fastify serving one finished HTML page (the member's meeting page as the
 * browser rendered it, without its scripts) and the web application's built files under /assets/ with the same
 * cache headers as the API gives them, so the page has the same content and the same style sheet and fonts, and
 * nothing to run or fetch before the agenda shows. At PAGE_PATH the page comes with the response headers the API
 * sends with its pages (PAGE_HEADERS: its security policy, among them Cross-Origin-Opener-Policy, which makes
 * Chromium put a page opened in a new tab in a browsing context group, and a process, of its own); at
 * /plain<PAGE_PATH> without them.
 *
 * Environment: PAGE_FILE (the HTML), PAGE_PATH (where it is served), PAGE_HEADERS (JSON), ASSETS_DIR, PORT.
 */
import { readFile } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

const app = Fastify();
const page = await readFile(String(process.env.PAGE_FILE));

app.get('/api/health', async () => ({ status: 'ok' }));
await app.register(fastifyStatic, { root: String(process.env.ASSETS_DIR), prefix: '/assets/', index: false, immutable: true, maxAge: '365d' });
const pageHeaders = JSON.parse(process.env.PAGE_HEADERS ?? '{}') as Record<string, string>;
app.get(String(process.env.PAGE_PATH), (_request, reply) => {
  reply.headers(pageHeaders).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
});
app.get(`/plain${process.env.PAGE_PATH}`, (_request, reply) => {
  reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
