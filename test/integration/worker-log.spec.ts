import { Build, SmtpServer, startTestApp, type TestApp, waitForLogLine, waitForOutboxDrained } from '@app/test-kit';

describe('the worker process as production runs it', () => {
  let smtp: SmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    Build.ensureBuilt();
    smtp = await SmtpServer.start({ refuses: () => true });
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
  }, 360_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('writes each failed attempt and the final failure to its log, with the error', async () => {
    // 451 is a passing refusal: retried for the window, then final.
    const worker = await t.startProcess('worker', { SMTP_URL: smtp.url, JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '20', DELIVERY_RETRY_MAX_DELAY: '100ms', DELIVERY_RETRY_WINDOW: '1s' });
    const fixtures = await t.fixtures();
    await fixtures.person({ name: 'Inger Støjberg', email: 'inger@kommune.dk', login: true });
    await waitForOutboxDrained(t.dataSource, 30_000);
    // The job's row is settled a moment before the worker's log line of it is written out.
    await waitForLogLine(worker, 'failed, attempt', 30_000);

    const lines = (await worker.output()).split('\n').filter((line) => line.includes('send-welcome-email'));
    const retries = lines.filter((line) => line.includes('failed for a passing reason, trying again at'));
    expect(retries.length).toBeGreaterThan(1);
    for (const retry of retries) expect(retry).toMatch(/"level":40.*451/);
    const final = lines.filter((line) => line.includes('failed, attempt'));
    expect(final).toHaveLength(1);
    expect(final[0]).toMatch(/"level":50.*retried for a passing reason until .*451/);
  });
});
