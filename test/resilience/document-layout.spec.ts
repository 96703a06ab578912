import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueName } from '@app/outbox';
import { type ApiClient, type CommitteeFixture, Fixtures, type MeetingFixtures, sleep, waitForOutboxDrained, waitUntil } from '@app/test-kit';
import { worstHeldMeeting } from '../../bench/support/worst-minutes-workload.js';
import { agendaDeliveries, arrivalsByMessageId, waitForAgendaSettled } from './support/mail-accounting.js';
import { type ResilienceCluster, startResilienceCluster } from './support/resilience-cluster.js';
import { TIMEOUT_MS } from './support/resilience-scale.js';

/** The defaults every process runs with here. */
const DELIVERY_LEASE_MS = 10_000;
const JOB_LOCK_DURATION_MS = 8_000;
const JOB_STALLED_INTERVAL_MS = 2_000;
/**
 * "Within about 10 s": the killed worker's hold on the job lapses, the other's stall check finds it, and it starts
 * the job again; with room for a machine the layout of the other worker loads (two cores shared).
 */
const TAKEOVER_WITHIN_MS = JOB_LOCK_DURATION_MS + JOB_STALLED_INTERVAL_MS + 4_000;
/**
 * How long the mail server takes to accept the agenda e-mails sent while the worst minutes are laid out: several
 * leases, so the sending worker keeps its claims only by renewing them during the layout.
 */
const SLOW_ACCEPT_MS = 4 * DELIVERY_LEASE_MS;
const SETTLE_MS = 180_000;

let rc: ResilienceCluster;
let api: ApiClient;
let committee: CommitteeFixture;
let meetings: MeetingFixtures;
/** The held meeting whose minutes are the largest the API's caps allow (bench 5b). */
let worstMeetingId: string;
let queue: Queue;
let connection: Redis;
let acceptDelay: () => number = () => 0;
/** How long one assembly of the worst minutes took, uninterrupted. */
let assemblyMs: number;

type MinutesView = { state: string; error: string | null; progress: number };
const minutes = async (): Promise<MinutesView> => api.expect(200, 'GET', `/api/meetings/${worstMeetingId}/minutes`, { token: committee.secretary.token });

/** Asks for the minutes to be assembled: answers the job's id (the outbox row's). */
async function assemble(): Promise<string> {
  await api.expect(202, 'POST', `/api/meetings/${worstMeetingId}/minutes`, { token: committee.secretary.token });
  const { rows } = await rc.db.query(`SELECT id FROM outbox_message WHERE job_name = 'assemble-minutes' AND processed_at IS NULL`);
  expect(rows).toHaveLength(1);
  return rows[0].id;
}

/** The assembly is past reading the meeting (progress 20) and into its documents, the PDF layouts taking all but a moment. */
async function waitForLayout(): Promise<void> {
  await waitUntil(async () => (await minutes()).progress >= 20, { timeoutMs: 60_000, intervalMs: 100 }, async () => `The assembly never began its documents; minutes ${JSON.stringify(await minutes())}`);
}

async function waitForReady(): Promise<number> {
  await waitUntil(async () => (await minutes()).state !== 'pending', { timeoutMs: SETTLE_MS, intervalMs: 200 }, async () => `The minutes stayed pending; ${JSON.stringify(await minutes())}`);
  expect(await minutes()).toMatchObject({ state: 'ready', error: null });
  return Date.now();
}

beforeAll(async () => {
  rc = await startResilienceCluster('document-layout', { apis: 1, workers: 2, smtp: { acceptDelayMs: () => acceptDelay() } });
  api = rc.cluster.client();
  const fixtures = new Fixtures(api, await rc.cluster.admin());
  const { id: bodyId } = await fixtures.body();
  committee = await fixtures.staffedCommittee({ bodyId, name: 'Økonomiudvalget', memberCount: 0 });
  meetings = fixtures.meetings(committee.committeeId, committee.secretary.token);
  worstMeetingId = await worstHeldMeeting(meetings, rc.db, new Date(Date.now() - 3_600_000));
  await waitForOutboxDrained(rc.db, SETTLE_MS);
  connection = new Redis(rc.cluster.redis.url, { maxRetriesPerRequest: null });
  queue = new Queue(QueueName.Documents, { connection, prefix: `${rc.cluster.env.REDIS_PREFIX}:bull` });
}, TIMEOUT_MS);
afterAll(async () => {
  await queue?.close();
  connection?.disconnect();
  await rc?.close();
}, TIMEOUT_MS);

describe('a worker laying out the largest minutes while it sends e-mails that take several leases to be accepted', () => {
  let roundId: string;
  let layoutWorkerPid: number;
  /** When the other worker was up, and when the layout ended (the PDFs stored, progress 90). */
  let otherWorkerUpAt: number;
  let layoutEndedAt: number;

  beforeAll(async () => {
    const [layoutWorker, other] = rc.cluster.workers;
    layoutWorkerPid = layoutWorker.pid;
    // Alone, the first worker takes the round's e-mails and the assembly; the other comes up once it holds them, and
    // would take over any claim that ran out.
    await other.stop();
    acceptDelay = () => SLOW_ACCEPT_MS;
    try {
      const { meetingId } = await meetings.meetingWithReadyItems({ startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), itemCount: 1 });
      await meetings.publish(meetingId);
      roundId = meetingId;
      const allClaimedHere = async () => {
        const { rows } = await rc.db.query(`SELECT count(*)::int AS all, count(*) FILTER (WHERE status = 'sending' AND claimed_by LIKE $2)::int AS here FROM delivery WHERE subject_id = $1`, [
          roundId,
          `%:${layoutWorkerPid}:%`,
        ]);
        return rows[0].all > 0 && rows[0].here === rows[0].all;
      };
      await waitUntil(allClaimedHere, { timeoutMs: 60_000 }, () => 'The first worker did not claim every agenda e-mail of the round');
      const asked = Date.now();
      await assemble();
      await waitForLayout();
      await other.start();
      otherWorkerUpAt = Date.now();
      await waitUntil(async () => (await minutes()).progress >= 90 || (await minutes()).state !== 'pending', { timeoutMs: SETTLE_MS, intervalMs: 200 }, () => 'The layout did not end');
      layoutEndedAt = Date.now();
      assemblyMs = (await waitForReady()) - asked;
    } finally {
      acceptDelay = () => 0;
    }
  }, TIMEOUT_MS);

  it('keeps its claims through the layout: no e-mail is taken over by the other worker or sent twice', async () => {
    const account = await waitForAgendaSettled(rc.db, rc.smtp, roundId, SETTLE_MS);
    const accepted = Math.min(...rc.smtp.received.filter((mail) => account.deliveries.some((delivery) => delivery.message_id === mail.messageId)).map((mail) => mail.at));
    const overlapMs = Math.min(layoutEndedAt, accepted) - otherWorkerUpAt;
    console.log(`Layout and claims: the worst minutes assembled in ${assemblyMs} ms; for ${overlapMs} ms the other worker was up while the layout ran and the e-mails waited`);
    // The claims needed renewing during the layout, with a worker ready to take them over had they run out.
    expect(overlapMs).toBeGreaterThan(DELIVERY_LEASE_MS);
    expect(account.missing).toEqual([]);
    expect(account.repeated).toEqual([]);
    // One attempt each: the claim the first worker took was never taken over (that would be a second attempt).
    const { rows } = await rc.db.query(`SELECT status, attempts, possible_resends FROM delivery WHERE subject_id = $1`, [roundId]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toEqual({ status: 'sent', attempts: 1, possible_resends: 0 });
    const arrivals = arrivalsByMessageId(rc.smtp);
    expect((await agendaDeliveries(rc.db, roundId)).map((delivery) => arrivals.get(delivery.message_id))).toEqual(rows.map(() => 1));
  }, TIMEOUT_MS);
});

describe('the worker assembling the largest minutes killed (SIGKILL) in the middle of its PDF layout', () => {
  let takeoverMs: number;
  let readyMs: number;

  beforeAll(async () => {
    await waitForOutboxDrained(rc.db, SETTLE_MS);
    const [first, second] = rc.cluster.workers;
    // The assembly goes to the first worker; the second is up before the kill, idle.
    await second.stop();
    const jobId = await assemble();
    await waitForLayout();
    await second.start();
    // Well into the first PDF's layout, which takes seconds (bench 5b).
    await sleep(3_000);
    expect((await minutes()).progress).toBeLessThan(90);
    const startsBefore = (await queue.getJob(jobId))!.attemptsStarted;
    await first.kill();
    const killedAt = Date.now();
    await waitUntil(
      async () => {
        const job = await queue.getJob(jobId);
        return job !== undefined && job.attemptsStarted > startsBefore && (await job.getState()) === 'active';
      },
      { timeoutMs: 120_000, intervalMs: 100 },
      () => 'The other worker never took the assembly over',
    );
    takeoverMs = Date.now() - killedAt;
    readyMs = (await waitForReady()) - killedAt;
    await first.start();
  }, TIMEOUT_MS);

  it(`is taken over by the other worker within ${TAKEOVER_WITHIN_MS / 1000} s, and the minutes are ready one assembly later`, () => {
    console.log(`Killed during the layout: the other worker started the job ${takeoverMs} ms after the kill; ready ${readyMs} ms after it (one assembly: ${assemblyMs} ms)`);
    expect(takeoverMs).toBeLessThan(TAKEOVER_WITHIN_MS);
    expect(readyMs).toBeLessThan(TAKEOVER_WITHIN_MS + 1.5 * assemblyMs);
  });
});
