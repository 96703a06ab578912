import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the web application in Debian's Chromium (never a downloaded browser), against the built app
 * started as `npm start` starts it; `npm run test:e2e` builds first. The system each file starts is its own.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../../var/e2e/results',
  use: {
    browserName: 'chromium',
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    trace: 'retain-on-failure',
  },
});
