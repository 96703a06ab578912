import { Build, SmtpServer, startTestApp, type TestApp, waitForOutboxDrained } from '@app/test-kit';

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
    const worker = await t.startProcess('worker', { SMTP_URL: smtp.url, JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '20' });
    const fixtures = await t.fixtures();
    await fixtures.person({ name: 'Inger Støjberg', email: 'inger@kommune.dk', login: true });
    await waitForOutboxDrained(t.dataSource, 30_000);

    const lines = (await worker.output()).split('\n');
    const failures = lines.filter((line) => line.includes('send-welcome-email') && line.includes('failed, attempt'));
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/"level":40.*attempt 1 of 2: .*451/);
    expect(failures[1]).toMatch(/"level":50.*attempt 2 of 2: .*451/);
  });
});
