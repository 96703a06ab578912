import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { FIXTURE_PASSWORD, freePort, NodeProcess, waitForHealthy } from '@app/test-kit';
import type { BenchEnvironment } from '../bench-environment.js';
import { type FigureRow, formatNumber } from '../support/figure-table.js';
import { percentile } from '../support/statistics.js';

const PAGE_ITEMS = 30;
const AGENDA_ITEMS = 'ol[aria-label="Dagsordenens punkter"] > li';

/**
 * Run in every page before its own scripts: notes (in `window.__agendaVisibleAt`, ms since the navigation began)
 * the first frame drawn once the agenda's last item is in the document. A frame waits for the style sheet, so on
 * both pages it is the moment the agenda can be seen, styled.
 */
const AGENDA_VISIBLE_SCRIPT = `(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll(${JSON.stringify(AGENDA_ITEMS)}).length < ${PAGE_ITEMS}) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__agendaVisibleAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** The page as the browser shows it, without what runs: its scripts and the script files it preloads. Runs in the page. */
function renderedPage(): string {
  const copy = (globalThis as any).document.documentElement.cloneNode(true);
  copy.querySelectorAll('script, link[rel="modulepreload"]').forEach((element: { remove(): void }) => element.remove());
  return `<!doctype html>${copy.outerHTML}`;
}

/** Runs in the page: whether the agenda's last item has been drawn. */
const agendaDrawn = () => (globalThis as any).__agendaVisibleAt !== undefined;
const agendaVisibleAt = () => Number((globalThis as any).__agendaVisibleAt);

/** One navigation in a new page of the logged-in context: ms from its start until the agenda's last item is drawn. */
async function agendaVisibleAfter(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(agendaDrawn, undefined, { timeout: 30_000, polling: 50 });
    return await page.evaluate(agendaVisibleAt);
  } finally {
    await page.close();
  }
}

/** The headers of a response that say what it is and how it travels, not what the page is allowed to do. */
const TRANSPORT_HEADERS = new Set(['content-length', 'content-type', 'content-encoding', 'transfer-encoding', 'date', 'connection', 'keep-alive', 'cache-control', 'vary', 'etag', 'link', 'x-request-id', 'x-sql-statements']);

/**
 * (7) The member's meeting page with a 30-item agenda in Chromium (Debian's, as the browser tests use), from
 * navigation to the agenda's last item drawn, against the same page as static HTML: the DOM the app rendered, its
 * scripts taken out, served by a bare Fastify with the same style sheet and the same security headers as the API's
 * page (7), and (7b, reported) without them. One browser context, logged in first (the session cookie); every
 * navigation in a new page, so the hashed files come from the browser's cache as they would for a returning member;
 * the three pages take turns.
 */
export async function meetingPageFigures(env: BenchEnvironment): Promise<FigureRow[]> {
  const { committee } = env;
  const member = committee.members[1];
  const { meetingId } = await env.fixtures.meetings(committee.committeeId, committee.secretary.token).publishedMeeting({ startsAt: '2027-04-06T09:00:00+02:00', itemCount: PAGE_ITEMS });
  const pagePath = `/moeder/${meetingId}`;
  const samples = env.quick ? 15 : 60;

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  let staticServer: NodeProcess | undefined;
  try {
    const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    await context.addInitScript({ content: AGENDA_VISIBLE_SCRIPT });
    const login = await context.request.post(`${env.api.baseUrl}/api/auth/login`, { data: { email: member.email, password: FIXTURE_PASSWORD } });
    if (login.status() !== 200) throw new Error(`Logging in as ${member.email} in the browser answered ${login.status()}`);

    const appUrl = `${env.api.baseUrl}${pagePath}`;
    const appPage = await context.request.get(appUrl);
    const pageHeaders = Object.fromEntries(Object.entries(appPage.headers()).filter(([name]) => !TRANSPORT_HEADERS.has(name)));
    if (!pageHeaders['content-security-policy']) throw new Error(`The page ${pagePath} came without its security policy: ${JSON.stringify(appPage.headers())}`);
    const first = await context.newPage();
    await first.goto(appUrl);
    await first.waitForFunction(agendaDrawn, undefined, { timeout: 30_000 });
    const staticPage = await first.evaluate(renderedPage);
    await first.close();

    const directory = join(env.cluster.logDir, '..', 'meeting-page');
    await mkdir(directory, { recursive: true });
    const pageFile = join(directory, 'static-meeting-page.html');
    await writeFile(pageFile, staticPage);
    const port = await freePort();
    staticServer = new NodeProcess({
      name: 'bare-static-page-server',
      script: env.cluster.build.path('bench/baselines/bare-static-page-server.js'),
      env: { PAGE_FILE: pageFile, PAGE_PATH: pagePath, PAGE_HEADERS: JSON.stringify(pageHeaders), ASSETS_DIR: env.cluster.build.path('web/assets'), PORT: String(port) },
      logDir: env.cluster.logDir,
      ready: () => waitForHealthy(`http://127.0.0.1:${port}`),
    });
    await staticServer.start();
    const staticUrl = `http://127.0.0.1:${port}${pagePath}`;
    const plainUrl = `http://127.0.0.1:${port}/plain${pagePath}`;

    // All three warm up (the browser's cache, the JIT on both sides) before anything counts.
    for (let n = 0; n < 5; n++) for (const url of [appUrl, staticUrl, plainUrl]) await agendaVisibleAfter(context, url);
    const ours: number[] = [];
    const bare: number[] = [];
    const plain: number[] = [];
    for (let n = 0; n < samples; n++) {
      ours.push(await agendaVisibleAfter(context, appUrl));
      bare.push(await agendaVisibleAfter(context, staticUrl));
      plain.push(await agendaVisibleAfter(context, plainUrl));
    }
    const times = (values: number[]) => `${formatNumber(percentile(values, 50))} / ${formatNumber(percentile(values, 95))}`;
    const ratio = percentile(ours, 50) / percentile(bare, 50);
    return [
      {
        figure: `7. the member's meeting page of ${PAGE_ITEMS} items in Chromium, navigation to the last item drawn (ms, p50 / p95 of ${samples})`,
        ours: times(ours),
        baseline: `${times(bare)} (static HTML, bare Fastify, the page's security headers)`,
        ratio,
        goal: { text: '≤ 1.5', met: ratio <= 1.5 },
      },
      {
        figure: `7b. the same, against the static page without security headers (ms, p50 / p95 of ${samples})`,
        ours: times(ours),
        baseline: `${times(plain)} (static HTML, bare Fastify, no headers)`,
        ratio: percentile(ours, 50) / percentile(plain, 50),
      },
    ];
  } finally {
    await staticServer?.close();
    await browser.close();
  }
}
