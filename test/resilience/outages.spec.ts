import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueName } from '@app/outbox';
import { ApiClient, type CommitteeFixture, FIXTURE_PASSWORD, Fixtures, type LoggedIn, type MeetingFixtures, seatMembersWithoutLogin, sleep, waitForOutboxDrained, waitUntil } from '@app/test-kit';
import { agendaDeliveries, agendaMailAccount, arrivalsByMessageId, waitForAgendaSettled } from './support/mail-accounting.js';
import { type ResilienceCluster, startResilienceCluster } from './support/resilience-cluster.js';
import { SCALE, TIMEOUT_MS } from './support/resilience-scale.js';

/**
 * The retry rules jobs once had: JOB_ATTEMPTS attempts, JOB_BACKOFF_MS doubling between them, and then the job was
 * used up whatever had failed. Configured small here, so every outage below outlasts the whole of it many times.
 */
const OLD_RULES = { attempts: 3, backoffMs: 500 };
const OLD_SCHEDULE_MS = OLD_RULES.backoffMs * (2 ** (OLD_RULES.attempts - 1) - 1);
const OUTAGE_MS = Math.max(SCALE.outageSeconds * 1000, 4 * OLD_SCHEDULE_MS);
/** Each message takes this long to be accepted, so an outage begins while most of a fan-out is still to be sent. */
const ACCEPT_DELAY_MS = 200;
/** Each minutes assembly waits this long in the middle, for the worker to be killed there. */
const ASSEMBLY_HOLD_MS = 4_000;
const SETTLE_MS = 120_000;

/** A time `days` from now at 09:00 UTC, well after any notice deadline, so no reminder joins the e-mails. */
function daysAhead(days: number): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T09:00:00Z`;
}

let rc: ResilienceCluster;
let api: ApiClient;
let committee: CommitteeFixture;
let meetings: MeetingFixtures;
let fixtures: Fixtures;
/** Recipients the SMTP server answers 451 while this says so, and the one it refuses for good (550). */
let refusingForAWhile = false;
let refusedForGood: string | undefined;
let meetingDay = 30;

/** A meeting of the committee with two ready items, published: its agenda goes to everyone seated. */
async function publishMeeting(): Promise<string> {
  const { meetingId } = await meetings.meetingWithReadyItems({ startsAt: daysAhead(meetingDay++), itemCount: 2 });
  await meetings.publish(meetingId);
  return meetingId;
}

beforeAll(async () => {
  rc = await startResilienceCluster('outages', {
    apis: 1,
    workers: 1,
    privatePostgres: true,
    smtp: { acceptDelayMs: ACCEPT_DELAY_MS, refuses: () => refusingForAWhile, refusesForGood: (address) => address === refusedForGood },
    env: {
      JOB_ATTEMPTS: String(OLD_RULES.attempts),
      JOB_BACKOFF_MS: String(OLD_RULES.backoffMs),
      // Once a part is back, the next try comes within a second.
      DELIVERY_RETRY_MAX_DELAY: '1s',
      // A killed worker's job is taken back within seconds rather than half a minute; long enough that a worker slowed
      // by a loaded machine keeps its jobs' locks.
      JOB_LOCK_DURATION_MS: '5000',
      JOB_STALLED_INTERVAL_MS: '1000',
      MINUTES_ASSEMBLY_HOLD_MS: String(ASSEMBLY_HOLD_MS),
    },
  });
  api = rc.cluster.client();
  fixtures = new Fixtures(api, await rc.cluster.admin());
  const { id: bodyId } = await fixtures.body();
  committee = await fixtures.staffedCommittee({ bodyId, name: 'Økonomiudvalget', memberCount: 0 });
  await seatMembersWithoutLogin(rc.db, committee.committeeId, SCALE.outageMembers, 'outage.hedensted.dk');
  meetings = fixtures.meetings(committee.committeeId, committee.secretary.token);
  await waitForOutboxDrained(rc.db, SETTLE_MS);
}, TIMEOUT_MS);
afterAll(() => rc?.close(), TIMEOUT_MS);

describe(`PostgreSQL stopped for ${OUTAGE_MS / 1000} s (the old retry schedule: ${OLD_SCHEDULE_MS / 1000} s) while an agenda fan-out runs`, () => {
  let meetingId: string;
  let arrivedBeforeOutage: number;
  const answers: { request: string; status: number; code: unknown; retryAfter: string | undefined }[] = [];

  beforeAll(async () => {
    const before = rc.smtp.count;
    meetingId = await publishMeeting();
    await waitUntil(() => rc.smtp.count >= before + 3, { timeoutMs: 60_000 }, () => `Only ${rc.smtp.count - before} agenda e-mails arrived before the outage`);
    await rc.postgres!.stopServer();
    arrivedBeforeOutage = rc.smtp.count - before;
    const { secretary } = committee;
    const requests: [string, () => Promise<{ status: number; body: any; headers: Record<string, string> }>][] = [
      ['GET /api/bodies', () => api.request('GET', '/api/bodies', { token: secretary.token })],
      [`GET /api/meetings/${meetingId}`, () => api.request('GET', `/api/meetings/${meetingId}`, { token: secretary.token })],
      ['POST /api/committees/:id/meetings', () => api.request('POST', `/api/committees/${committee.committeeId}/meetings`, { token: secretary.token, body: { startsAt: daysAhead(400), location: 'Rådhuset' } })],
      ['POST /api/auth/login', () => api.request('POST', '/api/auth/login', { body: { email: secretary.email, password: FIXTURE_PASSWORD } })],
      ['GET /api/public/meetings', () => api.request('GET', '/api/public/meetings')],
    ];
    for (const until = Date.now() + OUTAGE_MS; Date.now() < until; await sleep(250)) {
      for (const [request, send] of requests) {
        const answer = await send();
        answers.push({ request, status: answer.status, code: answer.body?.code, retryAfter: answer.headers['retry-after'] });
      }
    }
    await rc.postgres!.startServer();
  }, TIMEOUT_MS);

  it('answered every request during the outage 503 database_unavailable with Retry-After, none 500', () => {
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.filter((answer) => answer.status !== 503 || answer.code !== 'database_unavailable' || answer.retryAfter === undefined)).toEqual([]);
  }, TIMEOUT_MS);

  it('sent every member the agenda exactly once after the database came back, and carried out none of the refused writes', async () => {
    const account = await waitForAgendaSettled(rc.db, rc.smtp, meetingId, SETTLE_MS);
    console.log(`Database outage: ${arrivedBeforeOutage} of ${account.expected.length} agenda e-mails arrived before PostgreSQL stopped, ${answers.length} requests answered 503 during it`);
    expect(arrivedBeforeOutage).toBeLessThan(account.expected.length);
    expect(account.missing).toEqual([]);
    expect(account.repeated).toEqual([]);
    expect(account.deliveries.filter((delivery) => delivery.status !== 'sent')).toEqual([]);
    const { rows } = await rc.db.query(`SELECT count(*)::int AS n FROM meeting WHERE committee_id = $1 AND starts_at > now() + interval '300 days'`, [committee.committeeId]);
    expect(rows[0].n).toBe(0);
    // The same processes, never restarted, served and sent again: their pools reconnected.
    expect([...rc.cluster.apis, ...rc.cluster.workers].map((process) => ({ name: process.options.name, starts: process.starts, running: process.running }))).toEqual([
      { name: 'api-1', starts: 1, running: true },
      { name: 'worker-1', starts: 1, running: true },
    ]);
  }, TIMEOUT_MS);
});

describe(`the SMTP server down for ${OUTAGE_MS / 1000} s, longer than the old retry schedule`, () => {
  let meetingId: string;

  beforeAll(async () => {
    await rc.smtp.stopListening();
    try {
      const downSince = Date.now();
      meetingId = await publishMeeting();
      const seated = (await agendaMailAccount(rc.db, rc.smtp, meetingId)).expected.length;
      const retrying = async () => (await agendaDeliveries(rc.db, meetingId)).filter((delivery) => delivery.status === 'retrying' && delivery.next_attempt_at !== null).length;
      // The outage lasts OUTAGE_MS, and longer on a loaded machine, until every e-mail has been tried and shown retrying.
      await waitUntil(async () => (await retrying()) === seated, { timeoutMs: SETTLE_MS }, async () => `Only ${await retrying()} of ${seated} agenda e-mails showed retrying with their next attempt`);
      await sleep(Math.max(0, downSince + OUTAGE_MS - Date.now()));
    } catch (error) {
      // The outages after this one need the server.
      await rc.smtp.listenAgain();
      throw error;
    }
  }, TIMEOUT_MS);

  it('kept every e-mail retrying through the outage, none failed, and delivered each exactly once when the server came back', async () => {
    const during = await agendaDeliveries(rc.db, meetingId);
    expect(during.filter((delivery) => delivery.status !== 'retrying' && delivery.status !== 'sending')).toEqual([]);
    expect(during.every((delivery) => delivery.last_error)).toBe(true);
    const { rows } = await rc.db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE outcome = 'failed'`);
    expect(rows[0].n).toBe(0);

    await rc.smtp.listenAgain();
    const account = await waitForAgendaSettled(rc.db, rc.smtp, meetingId, SETTLE_MS);
    expect(account.missing).toEqual([]);
    expect(account.repeated).toEqual([]);
    expect(account.deliveries.filter((delivery) => delivery.status !== 'sent')).toEqual([]);
  }, TIMEOUT_MS);
});

describe(`the SMTP server answering 451 for ${OUTAGE_MS / 1000} s`, () => {
  let meetingId: string;
  let refusals: string[];

  beforeAll(async () => {
    refusingForAWhile = true;
    try {
      const refusedBefore = rc.smtp.refused.length;
      const until = Date.now() + OUTAGE_MS;
      meetingId = await publishMeeting();
      const recipients = (await agendaMailAccount(rc.db, rc.smtp, meetingId)).expected;
      const triedTooFew = () => recipients.filter((email) => rc.smtp.refused.slice(refusedBefore).filter((address) => address === email).length <= OLD_RULES.attempts);
      // OUTAGE_MS, and longer on a loaded machine, until every recipient has been tried more often than the old rules allowed.
      await waitUntil(() => Date.now() >= until && triedTooFew().length === 0, { timeoutMs: SETTLE_MS }, () => `Tried no more than ${OLD_RULES.attempts} times: ${triedTooFew().join(', ')}`);
      refusals = rc.smtp.refused.slice(refusedBefore);
    } finally {
      refusingForAWhile = false;
    }
  }, TIMEOUT_MS);

  it('tried every recipient more often than the old attempts allowed, and delivered every e-mail exactly once after', async () => {
    const account = await waitForAgendaSettled(rc.db, rc.smtp, meetingId, SETTLE_MS);
    const triesOf = (email: string) => refusals.filter((address) => address === email).length;
    expect(account.expected.filter((email) => triesOf(email) <= OLD_RULES.attempts)).toEqual([]);
    expect(account.missing).toEqual([]);
    expect(account.repeated).toEqual([]);
    expect(account.deliveries.filter((delivery) => delivery.status !== 'sent')).toEqual([]);
  }, TIMEOUT_MS);
});

describe('the SMTP server refusing one recipient for good (550)', () => {
  let meetingId: string;

  beforeAll(async () => {
    refusedForGood = 'medlem1@outage.hedensted.dk';
    meetingId = await publishMeeting();
  }, TIMEOUT_MS);
  afterAll(() => {
    refusedForGood = undefined;
  });

  it('ends that delivery failed with the reply at its first attempt, and delivers the others exactly once', async () => {
    const account = await waitForAgendaSettled(rc.db, rc.smtp, meetingId, SETTLE_MS);
    const refused = account.deliveries.find((delivery) => delivery.recipient === refusedForGood);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: null });
    expect(refused?.last_error).toContain('550');
    expect(account.missing).toEqual([refusedForGood]);
    expect(account.repeated).toEqual([]);
    expect(account.deliveries.filter((delivery) => delivery.status !== 'sent' && delivery.recipient !== refusedForGood)).toEqual([]);
    const { rows } = await rc.db.query(
      `SELECT o.outcome, o.attempts, o.last_error FROM outbox_message o JOIN delivery d ON d.outbox_message_id = o.id WHERE d.kind = 'agenda' AND d.subject_id = $1 AND d.recipient = $2`,
      [meetingId, refusedForGood],
    );
    expect(rows).toEqual([{ outcome: 'failed', attempts: 1, last_error: expect.stringContaining('550') }]);
  }, TIMEOUT_MS);
});

describe('Redis down', () => {
  let login: { status: number; body: any };
  let read: number;
  let newcomer: LoggedIn;

  beforeAll(async () => {
    await rc.cluster.redis.stop();
    login = await api.request('POST', '/api/auth/login', { body: { email: committee.chair.email, password: FIXTURE_PASSWORD } });
    read = (await api.request('GET', `/api/committees/${committee.committeeId}`, { token: login.body?.accessToken })).status;
    newcomer = await fixtures.person({ name: 'Ny sekretær', login: true });
    await rc.cluster.redis.startAgain();
  }, TIMEOUT_MS);

  it('logs in, serves what needs only PostgreSQL, and sends the welcome e-mail of a login made meanwhile once Redis is back', async () => {
    expect(login).toMatchObject({ status: 200, body: { accessToken: expect.any(String) } });
    expect(read).toBe(200);
    const sent = async () => (await rc.db.query(`SELECT message_id FROM delivery WHERE key LIKE $1 AND status = 'sent'`, [`welcome:${newcomer.id}%`])).rows;
    await waitUntil(async () => (await sent()).length === 1, { timeoutMs: SETTLE_MS }, () => 'The welcome e-mail of the login made while Redis was down was not sent');
    const [{ message_id: messageId }] = await sent();
    await waitUntil(() => arrivalsByMessageId(rc.smtp).has(messageId), { timeoutMs: 10_000 }, () => 'The welcome e-mail did not arrive');
    expect(arrivalsByMessageId(rc.smtp).get(messageId)).toBe(1);
  }, TIMEOUT_MS);
});

describe('the worker killed twice during one minutes assembly', () => {
  let secretary: LoggedIn;
  let meetingId: string;
  let queue: Queue;
  let connection: Redis;
  const minutes = async () => (await api.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`, { token: secretary.token })) as { state: string; error: string | null; progress: number };

  beforeAll(async () => {
    const small = await fixtures.committee({ name: 'Folkeoplysningsudvalget' });
    secretary = await fixtures.member(small.id, 'secretary');
    const held = await fixtures.meetings(small.id, secretary.token).heldMeeting({ startsAt: '2025-03-03T09:00:00+01:00', itemCount: 2 });
    meetingId = held.meetingId;
    await api.expect(200, 'PATCH', `/api/items/${held.itemIds[0]}`, { token: secretary.token, body: { decision: 'Udvalget godkendte indstillingen.' } });
    // The kills below are aimed at the assembly: the meeting's agenda e-mails are out first, since one the worker
    // were sending when killed would go again (the same Message-ID, by design) and this suite counts every arrival.
    await waitForOutboxDrained(rc.db, SETTLE_MS);
    connection = new Redis(rc.cluster.redis.url, { maxRetriesPerRequest: null });
    queue = new Queue(QueueName.Documents, { connection, prefix: `${rc.cluster.env.REDIS_PREFIX}:bull` });
  }, TIMEOUT_MS);
  afterAll(async () => {
    await queue?.close();
    connection?.disconnect();
  });

  it('ends the minutes ready, assembled by the worker that ran it a third time', async () => {
    const [worker] = rc.cluster.workers;
    await api.expect(202, 'POST', `/api/meetings/${meetingId}/minutes`, { token: secretary.token });
    const { rows } = await rc.db.query(`SELECT id FROM outbox_message WHERE job_name = 'assemble-minutes' AND processed_at IS NULL`);
    expect(rows).toHaveLength(1);
    const jobId: string = rows[0].id;
    let startsSeen = 0;
    const runningAgain = async () => {
      const job = await queue.getJob(jobId);
      return job !== undefined && (await job.getState()) === 'active' && job.attemptsStarted > startsSeen && (await minutes()).progress >= 20;
    };
    for (let kill = 1; kill <= 2; kill++) {
      await waitUntil(runningAgain, { timeoutMs: 60_000, intervalMs: 100 }, async () => `Run ${kill} of the assembly never reached its middle; minutes ${JSON.stringify(await minutes())}`);
      startsSeen = (await queue.getJob(jobId))!.attemptsStarted;
      expect((await minutes()).state).toBe('pending');
      await worker.kill();
      await worker.start();
    }
    await waitUntil(async () => (await minutes()).state !== 'pending', { timeoutMs: 60_000 }, async () => `The minutes stayed pending; ${JSON.stringify(await minutes())}`);
    expect(await minutes()).toMatchObject({ state: 'ready', error: null });
    const markdown = await api.download(`/api/meetings/${meetingId}/minutes.md`, secretary.token);
    expect(markdown.bytes.toString('utf8')).toContain('Udvalget godkendte indstillingen.');
  }, TIMEOUT_MS);
});

describe('after every outage', () => {
  it('holds no message at the SMTP server that the database does not know, and no e-mail arrived twice', async () => {
    await waitForOutboxDrained(rc.db, SETTLE_MS);
    const { rows } = await rc.db.query<{ message_id: string }>(`SELECT message_id FROM delivery`);
    const known = new Set(rows.map((row) => row.message_id));
    const arrivals = arrivalsByMessageId(rc.smtp);
    expect([...arrivals.keys()].filter((messageId) => !known.has(messageId))).toEqual([]);
    expect([...arrivals].filter(([, count]) => count > 1)).toEqual([]);
  }, TIMEOUT_MS);
});
