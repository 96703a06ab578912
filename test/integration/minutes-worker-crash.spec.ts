import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { type AppProcess, Build, type LoggedIn, SmtpServer, startTestApp, type TestApp, waitUntil } from '@app/test-kit';

/** Stalls a job survives before BullMQ gives it up; the test kills its worker once more than that. */
const MAX_STALLS = 2;

/**
 * A minutes assembly that kills its worker every time it runs (as the 100,000-character word once did) must not
 * leave the minutes `pending` for ever: once BullMQ gives the job up the minutes say `failed` and why, and after the
 * secretary corrects the text a new request assembles them.
 */
describe('a minutes assembly whose worker process dies again and again', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let queue: Queue;
  let secretary: LoggedIn;
  let meetingId: string;
  let itemId: string;

  const minutes = async () => (await t.api.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`, { token: secretary.token })) as { state: string; error: string | null; progress: number };

  beforeAll(async () => {
    Build.ensureBuilt();
    smtp = await SmtpServer.start();
    // The API in this process; the workers are processes from the build, killed as a crash would kill them.
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
    queue = new Queue('documents', { connection: { url: t.config.REDIS_URL }, prefix: `${t.config.REDIS_PREFIX}:bull` });
    const fixtures = await t.fixtures();
    const committee = await fixtures.committee();
    secretary = await fixtures.member(committee.id, 'secretary');
    const held = await fixtures.meetings(committee.id, secretary.token).heldMeeting({ startsAt: '2025-03-03T09:00:00+01:00', itemCount: 3 });
    meetingId = held.meetingId;
    itemId = held.itemIds[0];
    await t.api.expect(200, 'PATCH', `/api/items/${itemId}`, { token: secretary.token, body: { decision: 'Udvalget drøftede sagen.' } });
  }, 360_000);
  afterAll(async () => {
    await queue?.close();
    await t?.close();
    await smtp?.close();
  });

  it('ends as failed with the reason once BullMQ gives the job up, and assembles after the text is corrected and asked for again', async () => {
    const quick = { SMTP_URL: smtp.url, OUTBOX_POLL_INTERVAL_MS: '200', OUTBOX_RECONCILE_INTERVAL_MS: '1000', JOB_LOCK_DURATION_MS: '2000', JOB_STALLED_INTERVAL_MS: '1000', JOB_MAX_STALLED_COUNT: String(MAX_STALLS) };
    // Each assembly waits long enough in the middle to be killed there.
    const crashing = await t.startProcess('worker', { ...quick, MINUTES_ASSEMBLY_HOLD_MS: '600000' });
    await t.api.expect(202, 'POST', `/api/meetings/${meetingId}/minutes`, { token: secretary.token });
    const [{ id: jobId }] = await t.dataSource.query(`SELECT id FROM outbox_message WHERE job_name = 'assemble-minutes' AND processed_at IS NULL`);

    let startsSeen = 0;
    const runningAgain = async () => {
      const job = await queue.getJob(jobId);
      return job !== undefined && (await job.getState()) === 'active' && job.attemptsStarted > startsSeen && (await minutes()).progress >= 20;
    };
    const log = async (what: string, worker: AppProcess) => `${what}; minutes ${JSON.stringify(await minutes())}\n${await worker.output()}`;
    for (let kill = 1; kill <= MAX_STALLS + 1; kill++) {
      await waitUntil(runningAgain, { timeoutMs: 60_000, intervalMs: 100 }, () => log(`Run ${kill} of the assembly never started`, crashing));
      startsSeen = (await queue.getJob(jobId))!.attemptsStarted;
      expect((await minutes()).state).toBe('pending');
      await crashing.kill();
      await crashing.start();
    }

    await waitUntil(async () => (await minutes()).state === 'failed', { timeoutMs: 60_000 }, () => log('The minutes never became failed', crashing));
    const failed = await minutes();
    expect(failed.error).toMatch(/worker stopped in the middle of this job 3 time\(s\)/);
    const [row] = await t.dataSource.query(`SELECT outcome, last_error FROM outbox_message WHERE id = $1`, [jobId]);
    expect(row).toEqual({ outcome: 'failed', last_error: failed.error });
    await crashing.stop();

    // The secretary corrects the text and asks again; a worker that is not killed assembles the minutes.
    const worker = await t.startProcess('worker', quick);
    await t.api.expect(200, 'PATCH', `/api/items/${itemId}`, { token: secretary.token, body: { decision: 'Udvalget godkendte indstillingen.' } });
    expect(await t.api.expect(202, 'POST', `/api/meetings/${meetingId}/minutes`, { token: secretary.token })).toMatchObject({ state: 'pending', error: null });
    await waitUntil(async () => (await minutes()).state === 'ready', { timeoutMs: 60_000 }, () => log('The minutes were not assembled again', worker));
    const markdown = await t.api.download(`/api/meetings/${meetingId}/minutes.md`, secretary.token);
    expect(markdown.bytes.toString('utf8')).toContain('Udvalget godkendte indstillingen.');
    await worker.stop();
  }, 300_000);

  it('ends the minutes as failed when the reconciler finds their job failed in Redis with its outbox row still open', async () => {
    // As if the worker that saw BullMQ give the job up died before it could record it: a failed job, an open row.
    await t.api.expect(202, 'POST', `/api/meetings/${meetingId}/minutes`, { token: secretary.token });
    const [row] = await t.dataSource.query(`SELECT id, job_name AS "jobName", payload FROM outbox_message WHERE job_name = 'assemble-minutes' AND processed_at IS NULL`);
    await t.dataSource.query(`UPDATE outbox_message SET enqueued_at = now() WHERE id = $1`, [row.id]);
    await queue.add(row.jobName, row.payload, { jobId: row.id, attempts: 1 });
    const failing = new Worker(
      'documents',
      async () => {
        throw new UnrecoverableError('job stalled more than allowable limit');
      },
      { connection: { url: t.config.REDIS_URL }, prefix: `${t.config.REDIS_PREFIX}:bull` },
    );
    await waitUntil(async () => (await queue.getJob(row.id))?.finishedOn !== undefined, { timeoutMs: 20_000 }, () => 'The job never failed');
    await failing.close();
    expect((await minutes()).state).toBe('pending');

    const worker = await t.startProcess('worker', { OUTBOX_RECONCILE_INTERVAL_MS: '1000' });
    await waitUntil(async () => (await minutes()).state === 'failed', { timeoutMs: 30_000 }, async () => `The minutes stayed ${(await minutes()).state}\n${await worker.output()}`);
    expect((await minutes()).error).toMatch(/given up \(job stalled more than allowable limit\)/);
    const [finished] = await t.dataSource.query(`SELECT outcome FROM outbox_message WHERE id = $1`, [row.id]);
    expect(finished.outcome).toBe('failed');
    await worker.stop();
  }, 120_000);
});
