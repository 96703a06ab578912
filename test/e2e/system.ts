import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type * as KitModule from '@app/test-kit';

type Kit = typeof KitModule;

/**
 * The kit as `npm run build` compiled it (dist/test/kit): the test runner loads no Nest decorators itself, and the
 * types come from the kit's sources.
 */
export async function loadKit(): Promise<Kit> {
  return import(pathToFileURL(resolve('dist/test/kit/index.js')).href);
}

export const ADMIN = { email: 'admin@e2e.example.dk', password: 'admin-e2e-password' };

export interface RunningApp {
  kit: Kit;
  baseUrl: string;
  smtp: KitModule.SmtpServer;
  api: KitModule.ApiClient;
  fixtures: KitModule.Fixtures;
  close(): Promise<void>;
}

/**
 * The app as `npm start` runs it (node dist/apps/all-in-one/src/main.js: API, worker and web application in one
 * process) on a database of its own (created by the app at start-up, dropped afterwards), its own Redis key prefix,
 * and an SMTP server in this process; `settings` adds to its environment (PORT: the port to listen on), `smtpOptions`
 * tell the SMTP server whom to refuse.
 */
export async function startApp(settings: Record<string, string> = {}, smtpOptions: KitModule.SmtpServerOptions = {}): Promise<RunningApp> {
  const kit = await loadKit();
  const run = `cw_e2e_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const smtp = await kit.SmtpServer.start(smtpOptions);
  const port = settings.PORT ? Number(settings.PORT) : await kit.freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const databaseUrl = kit.databaseUrl(run);
  const directory = resolve('var', 'e2e', run);
  await mkdir(directory, { recursive: true });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `cw-e2e:${run}`,
    SMTP_URL: smtp.url,
    PUBLIC_BASE_URL: baseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOGIN_ATTEMPTS_PER_MINUTE: kit.LOGIN_LIMIT_FOR_FIXTURES,
    STORAGE_DIR: resolve(directory, 'storage'),
    MAIL_OUTBOX_DIR: resolve(directory, 'outbox'),
    LOG_LEVEL: 'warn',
    ...settings,
  };
  const app = new kit.NodeProcess({
    name: 'all-in-one',
    script: resolve('dist/apps/all-in-one/src/main.js'),
    env,
    logDir: resolve(directory, 'logs'),
    ready: () => kit.waitForHealthy(baseUrl, 90_000),
  });
  await app.start();
  const api = new kit.ApiClient(baseUrl);
  const fixtures = new kit.Fixtures(api, await api.login(ADMIN.email, ADMIN.password));
  return {
    kit,
    baseUrl,
    smtp,
    api,
    fixtures,
    async close() {
      await app.close();
      await smtp.close();
      await kit.deleteKeys({ REDIS_URL: env.REDIS_URL, REDIS_PREFIX: env.REDIS_PREFIX });
      await kit.dropDatabase(databaseUrl);
    },
  };
}

/** The page passes axe-core's WCAG 2.1 A and AA rules with no violation (the violations named when it does not). */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const described = violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`);
  expect(described, `axe on ${page.url()}`).toEqual([]);
}

/** Each page has one h1, a Danish title and lang="da". */
export async function expectPageShape(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveText(heading);
  await expect(page).toHaveTitle(/ – Udvalgsarbejde$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
}

/**
 * With E2E_SCREENSHOTS set to a directory (`E2E_SCREENSHOTS=docs/screenshots npm run test:e2e`), keeps a picture of
 * the page as the test sees it, for the README; otherwise does nothing.
 */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const directory = process.env.E2E_SCREENSHOTS;
  if (!directory) return;
  // From the page's top, as a reader first sees it, whatever the test last scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: resolve(directory, `${name}.png`), fullPage: false });
}
