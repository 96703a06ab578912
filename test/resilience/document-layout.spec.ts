import { Queue } from 'bullmq';
import { QueueName } from '@app/outbox';
import { type ApiClient, type CommitteeFixture, Fixtures, type MeetingFixtures, sleep, waitForOutboxDrained, waitUntil } from '@app/test-kit';
import { WORST_MINUTES_ITEMS, worstHeldMeeting } from '../../bench/support/worst-minutes-workload.js';
import { agendaDeliveries, arrivalsByMessageId, waitForAgendaSettled } from './support/mail-accounting.js';
import { type ResilienceCluster, startResilienceCluster } from './support/resilience-cluster.js';
import { TIMEOUT_MS } from './support/resilience-scale.js';

/**
 * An e-mail's claim, far shorter here than the default 10 s (renewed every 300 ms rather than every 3 s): the largest
 * minutes take a few seconds to lay out on a quiet machine, and the claims must outlast a lease within the layout
 * for the heartbeat to be what keeps them. A shorter lease asks more of the layout, which must give the event loop
 * back in time.
 */
const DELIVERY_LEASE_MS = 1_500;
const DELIVERY_LEASE_RENEWAL_MS = 300;
/** The defaults every process runs with here. */
const JOB_LOCK_DURATION_MS = 8_000;
const JOB_STALLED_INTERVAL_MS = 2_000;
/**
 * "Within about 10 s": the killed worker's hold on the job lapses (at most JOB_LOCK_DURATION_MS after its last
 * renewal), the other's stall check finds it (every JOB_STALLED_INTERVAL_MS) and it starts the job again. The rest
 * is room for a loaded machine (CI runs the suite on two shared cores), where the other worker's timers run late;
 * with the 60 s hold each layout had before, the job was taken over only after that minute.
 */
const TAKEOVER_WITHIN_MS = JOB_LOCK_DURATION_MS + JOB_STALLED_INTERVAL_MS + 10_000;
/**
 * How long the mail server takes to accept each agenda e-mail sent during the layout: several leases, so the sending
 * worker keeps its claims only by renewing them while it lays out; and well within the worker's SMTP socket timeout
 * (45 s), past which it would give the message up and send it again.
 */
const SLOW_ACCEPT_MS = 3 * DELIVERY_LEASE_MS;
/** Long enough for the worst minutes to be assembled on a loaded machine (over three minutes under a load of 15). */
const SETTLE_MS = 300_000;

let rc: ResilienceCluster;
let api: ApiClient;
let committee: CommitteeFixture;
let meetings: MeetingFixtures;
/** A held meeting of twice the items of the largest minutes bench 5b assembles, every field at the API's cap. */
let worstMeetingId: string;
/** The documents queue, to see which start of the assembly job is running; its connection is its own. */
let queue: Queue;
/** What the queue's Redis connection reported, for the failure messages. */
const queueErrors: string[] = [];
let acceptDelay: () => number = () => 0;
let meetingDay = 30;

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
  await waitUntil(async () => (await minutes()).progress >= 20, { timeoutMs: 120_000, intervalMs: 100 }, async () => `The assembly never began its documents; minutes ${JSON.stringify(await minutes())}`);
}

/** The layout is over: both PDFs stored (progress 90), or the assembly ended. */
async function layoutOver(): Promise<boolean> {
  const { state, progress } = await minutes();
  return progress >= 90 || state !== 'pending';
}

/** Waits until the assembly has ended and expects the minutes ready; answers when. */
async function waitForReady(): Promise<number> {
  await waitUntil(async () => (await minutes()).state !== 'pending', { timeoutMs: SETTLE_MS, intervalMs: 200 }, async () => `The minutes stayed pending; ${JSON.stringify(await minutes())}`);
  expect(await minutes()).toMatchObject({ state: 'ready', error: null });
  return Date.now();
}

/**
 * The assembly job as BullMQ holds it (gone once completed): how often it was started, and its state. Each look
 * counts the most starts seen, since the job is gone by the time anyone could ask how often it ran.
 */
class AssemblyJob {
  mostStarts = 0;

  constructor(readonly id: string) {}

  async now(): Promise<{ attemptsStarted: number; state: string } | undefined> {
    const job = await queue.getJob(this.id);
    if (!job) return undefined;
    this.mostStarts = Math.max(this.mostStarts, job.attemptsStarted);
    return { attemptsStarted: job.attemptsStarted, state: await job.getState() };
  }
}

function redisTrouble(): string {
  return queueErrors.length ? `; the test's Redis connection reported: ${[...new Set(queueErrors)].join('; ')}` : '';
}

beforeAll(async () => {
  rc = await startResilienceCluster('document-layout', {
    apis: 1,
    workers: 2,
    smtp: { acceptDelayMs: () => acceptDelay() },
    env: { DELIVERY_LEASE_MS: String(DELIVERY_LEASE_MS), DELIVERY_LEASE_RENEWAL_MS: String(DELIVERY_LEASE_RENEWAL_MS) },
  });
  api = rc.cluster.client();
  const fixtures = new Fixtures(api, await rc.cluster.admin());
  const { id: bodyId } = await fixtures.body();
  committee = await fixtures.staffedCommittee({ bodyId, name: 'Økonomiudvalget', memberCount: 0 });
  meetings = fixtures.meetings(committee.committeeId, committee.secretary.token);
  // Twice the worst minutes of bench 5b, so that the layout outlasts the round's way to its claims even when the
  // machine is quiet and lays it out fast: the round's jobs advance only between the layout's stretches.
  worstMeetingId = await worstHeldMeeting(meetings, rc.db, new Date(Date.now() - 3_600_000), 2 * WORST_MINUTES_ITEMS);
  await waitForOutboxDrained(rc.db, SETTLE_MS);
  queue = new Queue(QueueName.Documents, { connection: { url: rc.cluster.redis.url }, prefix: `${rc.cluster.env.REDIS_PREFIX}:bull` });
  // Heard, so a connection error fails a wait with its reason instead of ending the run.
  queue.on('error', (error) => queueErrors.push(error.message));
}, TIMEOUT_MS);
afterAll(async () => {
  // The queue's connection goes before the cluster's Redis server, which would otherwise leave it reconnecting.
  try {
    await queue?.close();
  } finally {
    await rc?.close();
  }
}, TIMEOUT_MS);

describe('a worker laying out the largest minutes while it sends e-mails that take several leases to be accepted', () => {
  let roundId: string;
  let layoutWorkerPid: number;
  /** How long the assembly took, asked to its end; when the other worker ran again, when the layout ended. */
  let assemblyMs: number;
  let otherWorkerUpAt: number;
  let layoutEndedAt: number;
  let job: AssemblyJob;

  beforeAll(async () => {
    const [layoutWorker, other] = rc.cluster.workers;
    layoutWorkerPid = layoutWorker.pid;
    // With the other worker paused (SIGSTOP: it takes nothing, and runs again at once when continued, where a restart
    // takes half a minute on a loaded machine), the first takes the assembly and, during its layout, the round's
    // e-mails; then the other runs, and would take over any claim that ran out.
    other.pause();
    try {
      // The meeting is made ready first, so that only its publication falls within the layout.
      const { meetingId } = await meetings.meetingWithReadyItems({ startsAt: new Date(Date.now() + meetingDay++ * 86_400_000).toISOString(), itemCount: 1 });
      const asked = Date.now();
      job = new AssemblyJob(await assemble());
      await waitForLayout();
      await job.now();
      acceptDelay = () => SLOW_ACCEPT_MS;
      await meetings.publish(meetingId);
      roundId = meetingId;
      const claims = async () => {
        const { rows } = await rc.db.query(
          `SELECT count(*)::int AS all, count(*) FILTER (WHERE status = 'sending' AND claimed_by LIKE $2)::int AS here FROM delivery WHERE subject_id = $1`,
          [roundId, `%:${layoutWorkerPid}:%`],
        );
        return rows[0] as { all: number; here: number };
      };
      const allClaimedHere = async () => {
        const { all, here } = await claims();
        return all > 0 && here === all;
      };
      await waitUntil(
        allClaimedHere,
        { timeoutMs: 120_000, intervalMs: 100 },
        async () => `The worker laying out did not claim every agenda e-mail of the round: ${JSON.stringify(await claims())}; minutes ${JSON.stringify(await minutes())}`,
      );
      if (await layoutOver()) throw new Error(`The layout ended before the worker had claimed the round's e-mails: nothing to keep alive through it; minutes ${JSON.stringify(await minutes())}`);
      other.resume();
      otherWorkerUpAt = Date.now();
      const layoutOverWatched = async () => {
        await job.now();
        return layoutOver();
      };
      await waitUntil(layoutOverWatched, { timeoutMs: SETTLE_MS, intervalMs: 200 }, async () => `The layout did not end; minutes ${JSON.stringify(await minutes())}${redisTrouble()}`);
      layoutEndedAt = Date.now();
      assemblyMs = (await waitForReady()) - asked;
    } finally {
      other.resume();
      acceptDelay = () => 0;
    }
  }, TIMEOUT_MS);

  it('keeps its claims through the layout: no e-mail is taken over by the other worker or sent twice', async () => {
    const account = await waitForAgendaSettled(rc.db, rc.smtp, roundId, SETTLE_MS);
    const acceptedAt = Math.min(...rc.smtp.received.filter((mail) => account.deliveries.some((delivery) => delivery.message_id === mail.messageId)).map((mail) => mail.at));
    const overlapMs = Math.min(layoutEndedAt, acceptedAt) - otherWorkerUpAt;
    console.log(
      `Layout and claims: the worst minutes assembled in ${assemblyMs} ms; for ${overlapMs} ms the other worker ran while the layout went on and the e-mails waited (${SLOW_ACCEPT_MS} ms each)`,
    );
    // The claims needed renewing during the layout, with a worker ready to take them over had they run out.
    expect(overlapMs).toBeGreaterThan(DELIVERY_LEASE_MS);
    // Its hold on the job lasted too: the other worker never started the assembly a second time.
    expect(job.mostStarts).toBe(1);
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
  /** Starts of the job before the kill. */
  let startsBefore: number;
  let job: AssemblyJob;

  beforeAll(async () => {
    await waitForOutboxDrained(rc.db, SETTLE_MS);
    const [first, second] = rc.cluster.workers;
    // The assembly goes to the first worker; the second runs again before the kill, idle.
    second.pause();
    try {
      job = new AssemblyJob(await assemble());
      await waitForLayout();
    } finally {
      second.resume();
    }
    // Well into the first PDF's layout, which takes seconds (bench 5b).
    await sleep(3_000);
    const running = await job.now();
    const before = await minutes();
    if (!running || running.state !== 'active' || before.state !== 'pending' || before.progress >= 90) {
      throw new Error(`The assembly was not in its layout when the worker was to be killed: job ${JSON.stringify(running)}, minutes ${JSON.stringify(before)}${redisTrouble()}`);
    }
    startsBefore = running.attemptsStarted;
    await first.kill();
    const killedAt = Date.now();
    await waitUntil(
      async () => {
        const now = await job.now();
        return now !== undefined && now.attemptsStarted > startsBefore && now.state === 'active';
      },
      { timeoutMs: SETTLE_MS, intervalMs: 100 },
      async () => `The other worker never took the assembly over: job ${JSON.stringify(await job.now())}, minutes ${JSON.stringify(await minutes())}${redisTrouble()}`,
    );
    takeoverMs = Date.now() - killedAt;
    await waitUntil(
      async () => {
        await job.now();
        return (await minutes()).state !== 'pending';
      },
      { timeoutMs: SETTLE_MS, intervalMs: 200 },
      async () => `The minutes stayed pending after the takeover; ${JSON.stringify(await minutes())}${redisTrouble()}`,
    );
    readyMs = (await waitForReady()) - killedAt;
  }, TIMEOUT_MS);

  it(`is taken over by the other worker within ${TAKEOVER_WITHIN_MS / 1000} s, whose run makes the minutes ready`, () => {
    console.log(`Killed during the layout: the other worker started the job ${takeoverMs} ms after the kill; the minutes were ready ${readyMs} ms after it`);
    expect(takeoverMs).toBeLessThan(TAKEOVER_WITHIN_MS);
    // The run that took over assembled the minutes: the job was not started a third time (its new holder kept its hold).
    expect(job.mostStarts).toBe(startsBefore + 1);
  });
});
