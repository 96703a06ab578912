import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { copenhagenInstant, todayInCopenhagen, WorkingDayCalendar } from '@app/domain';
import { QUEUE_SETTINGS, QueueName } from '@app/outbox';
import { type CommitteeFixture, FIXTURE_PASSWORD, Fixtures, sleep, waitForOutboxDrained } from '@app/test-kit';
import { historyAuditDisagreements } from './support/consistency-checks.js';
import { ResilientClient } from './support/resilient-client.js';
import { type ResilienceCluster, startResilienceCluster } from './support/resilience-cluster.js';
import { SCALE, TIMEOUT_MS } from './support/resilience-scale.js';

/** Longer than a delivery's lease (2 min): a worker killed mid-send leaves a claim that only its lease's end frees. */
const SETTLE_MS = 240_000;

/** A time on the given day from now, in Copenhagen's winter offset (the committee's mandate is open-ended). */
function daysAhead(days: number, hour: number): string {
  const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00+01:00`;
}

/**
 * A time on the day whose agenda notice deadline (four working days before, by a body's default calendar) is the
 * first working day from today: the deadline is not past, and its reminder, one working day before it, fell on a day
 * already gone, so it is due at once.
 */
function dueForReminderAt(hour: number): string {
  const calendar = new WorkingDayCalendar();
  const deadline = calendar.workingDaysAfter(calendar.workingDaysBefore(todayInCopenhagen(), 1), 1);
  return copenhagenInstant(calendar.workingDaysAfter(deadline, 4), `${String(hour).padStart(2, '0')}:00`).toISOString();
}

describe('two APIs and two workers under load, while a worker is killed, Redis restarts empty and an API restarts', () => {
  let rc: ResilienceCluster;
  let client: ResilientClient;
  let committees: CommitteeFixture[];
  const chaos: string[] = [];
  const loadCounts = { published: 0, reminded: 0, people: 0 };

  beforeAll(async () => {
    rc = await startResilienceCluster('crash', { apis: 2, workers: 2 });
    client = new ResilientClient(rc.cluster);
    const fixtures = new Fixtures(client, await rc.cluster.admin());
    const { id: body } = await fixtures.body();
    committees = [
      await fixtures.staffedCommittee({ bodyId: body, name: 'Social- og Sundhedsudvalget', memberCount: 4 }),
      await fixtures.staffedCommittee({ bodyId: body, name: 'Kultur- og Fritidsudvalget', memberCount: 4 }),
    ];
    const started = Date.now();
    const until = started + SCALE.loadSeconds * 1000;
    const at = (fraction: number) => sleep(Math.max(0, started + fraction * SCALE.loadSeconds * 1000 - Date.now()));
    let day = 0;

    // Publishing: meetings with a few items each, put on the agenda and sent to the members.
    const publisher = async (index: number) => {
      const committee = committees[index % committees.length];
      const meetings = fixtures.meetings(committee.committeeId, committee.secretary.token);
      while (Date.now() < until) {
        await meetings.publishedMeeting({ startsAt: daysAhead(60 + day++, 9), itemCount: SCALE.itemsPerMeeting, closedItems: [1] });
        loadCounts.published += 1;
      }
    };
    // Reminders: a meeting whose agenda is not out and whose notice deadline is near is due its reminder, so the
    // secretary and the chair are reminded at once (a deadline already past would get none).
    const reminder = async (index: number) => {
      const committee = committees[index % committees.length];
      while (Date.now() < until) {
        await client.expect(201, 'POST', `/api/committees/${committee.committeeId}/meetings`, {
          token: committee.secretary.token,
          body: { startsAt: dueForReminderAt(8 + (day++ % 9)), location: 'Rådhuset' },
        });
        loadCounts.reminded += 1;
      }
    };
    // New people with a login, each welcomed by e-mail.
    const welcomer = async () => {
      while (Date.now() < until) {
        await fixtures.person({ name: `Ny medarbejder ${loadCounts.people}`, login: true });
        loadCounts.people += 1;
      }
    };
    const [firstApi] = rc.cluster.apis;
    const [firstWorker] = rc.cluster.workers;
    const chaosMonkey = async () => {
      await at(0.25);
      await firstWorker.kill();
      chaos.push(`${((Date.now() - started) / 1000).toFixed(1)} s: SIGKILL ${firstWorker.options.name}`);
      await sleep(1000);
      await firstWorker.start();
      await at(0.5);
      await rc.cluster.redis.restartEmpty();
      chaos.push(`${((Date.now() - started) / 1000).toFixed(1)} s: Redis restarted empty`);
      await at(0.75);
      await firstApi.stop();
      await firstApi.start();
      chaos.push(`${((Date.now() - started) / 1000).toFixed(1)} s: ${firstApi.options.name} restarted`);
    };
    await Promise.all([
      ...Array.from({ length: SCALE.publishers }, (_, i) => publisher(i)),
      reminder(0),
      ...Array.from({ length: SCALE.peopleWriters }, () => welcomer()),
      chaosMonkey(),
    ]);
    const loadEnded = Date.now();
    await waitForOutboxDrained(rc.db, SETTLE_MS);
    console.log(
      [
        `Load for ${SCALE.loadSeconds} s over 2 APIs and 2 workers: ${loadCounts.published} meetings published, ${loadCounts.reminded} meetings due a reminder, ${loadCounts.people} people welcomed`,
        `  ${client.answers.length} requests, ${client.retries} retried on the other API while one restarted`,
        ...chaos.map((line) => `  ${line}`),
        `  settled ${((Date.now() - loadEnded) / 1000).toFixed(0)} s after the load ended`,
      ].join('\n'),
    );
  }, TIMEOUT_MS);
  afterAll(() => rc?.close(), TIMEOUT_MS);

  it('carried out the load, the chaos and no request answered 5xx', () => {
    expect(chaos).toHaveLength(3);
    expect(loadCounts.published).toBeGreaterThan(0);
    expect(loadCounts.people).toBeGreaterThan(0);
    expect(client.serverErrors).toEqual([]);
  });

  it('delivered every expected e-mail exactly once at the SMTP server (a resend after SIGKILL carries the same Message-ID)', async () => {
    const { rows: deliveries } = await rc.db.query(`SELECT key, kind, recipient, status, message_id FROM delivery`);
    const arrivals = new Map<string, number>();
    for (const mail of rc.smtp.received) arrivals.set(mail.messageId, (arrivals.get(mail.messageId) ?? 0) + 1);

    // What must have been sent, from the state of things rather than from the system's own bookkeeping.
    const { rows: expected } = await rc.db.query(
      `SELECT 'welcome' AS kind, p.email AS recipient, p.id::text AS subject FROM person p
        WHERE p.password_hash IS NOT NULL AND NOT ('admin' = ANY(p.roles))
       UNION ALL
       SELECT 'agenda', p.email, m.id::text FROM meeting m
         JOIN membership s ON s.committee_id = m.committee_id AND s.start_date <= (m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date
                          AND (s.end_date IS NULL OR s.end_date >= (m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date)
         JOIN person p ON p.id = s.person_id
        WHERE m.state = 'published'
       UNION ALL
       SELECT 'agenda-deadline-reminder', p.email, m.id::text FROM meeting m
         JOIN membership s ON s.committee_id = m.committee_id AND s.role IN ('secretary', 'chair') AND s.end_date IS NULL
         JOIN person p ON p.id = s.person_id
        WHERE m.state = 'planned' AND m.starts_at < now() + interval '20 days'`,
    );
    const sent = new Set(deliveries.filter((d: { status: string }) => d.status === 'sent').map((d: { kind: string; recipient: string; key: string }) => `${d.kind} ${d.recipient} ${d.key}`));
    const missing = expected.filter(
      (e: { kind: string; recipient: string; subject: string }) => ![...sent].some((s) => s.startsWith(`${e.kind} ${e.recipient} `) && s.includes(e.subject)),
    );
    const notArrived = deliveries.filter((d: { message_id: string }) => !arrivals.has(d.message_id));
    const strays = [...arrivals.keys()].filter((id) => !deliveries.some((d: { message_id: string }) => d.message_id === id));
    const resends = [...arrivals.values()].reduce((sum, n) => sum + n - 1, 0);
    console.log(
      `E-mail: ${expected.length} expected, ${deliveries.length} deliveries, ${rc.smtp.count} arrivals of ${arrivals.size} Message-IDs; ${resends} resend(s) of the same Message-ID`,
    );

    expect(missing).toEqual([]);
    expect(deliveries.filter((d: { status: string }) => d.status !== 'sent')).toEqual([]);
    expect(notArrived).toEqual([]);
    expect(strays).toEqual([]);
    // Only a send cut off between the server's "250" and the commit repeats, and then as the same message: at most
    // one per delivery the killed worker had in flight.
    expect(resends).toBeLessThanOrEqual(QUEUE_SETTINGS[QueueName.Mail].concurrency);
  });

  it('left no job stuck: every due outbox row done, no queue holding waiting, active or failed jobs', async () => {
    const { rows: outcomes } = await rc.db.query(`SELECT coalesce(outcome, 'open') AS outcome, count(*)::int AS count FROM outbox_message WHERE available_at <= now() GROUP BY 1`);
    expect(outcomes.filter((row: { outcome: string }) => !['done', 'dropped', 'replaced', 'cancelled'].includes(row.outcome))).toEqual([]);
    const connection = new Redis(rc.cluster.redis.url, { maxRetriesPerRequest: null });
    try {
      for (const name of Object.values(QueueName)) {
        const queue = new Queue(name, { connection, prefix: `${rc.cluster.env.REDIS_PREFIX}:bull` });
        const counts = await queue.getJobCounts('wait', 'active', 'failed', 'prioritized', 'waiting-children');
        await queue.close();
        expect({ queue: name, ...counts }).toEqual({ queue: name, wait: 0, active: 0, failed: 0, prioritized: 0, 'waiting-children': 0 });
      }
    } finally {
      connection.disconnect();
    }
  });

  it('keeps the audit trail and the workflow history in agreement', async () => {
    const workflows = await client.expect(200, 'GET', '/api/workflows', { token: committees[0].secretary.token });
    expect(await historyAuditDisagreements(rc.db, workflows)).toEqual([]);
  });

  it('still serves logins after Redis lost its rate-limit counters', async () => {
    const member = committees[0].members[0];
    expect((await client.request('POST', '/api/auth/login', { body: { email: member.email, password: FIXTURE_PASSWORD } })).status).toBe(200);
  });
});
