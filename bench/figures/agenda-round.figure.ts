import { loadConfig } from '@app/config';
import { addressMail } from '@app/mail';
import { QUEUE_SETTINGS, QueueName } from '@app/outbox';
import { JobRunner, type MeetingFixtures, waitForOutboxDrained } from '@app/test-kit';
import type { BenchEnvironment } from '../bench-environment.js';
import { BareMailBaseline } from '../baselines/bare-mail-baseline.js';
import type { BareMail } from '../baselines/bare-mail-worker.js';
import { type FigureRow, formatNumber } from '../support/figure-table.js';
import { median } from '../support/statistics.js';

const AGENDA_ITEMS = 10;
/** Members' e-mails whose SQL statements (10b) are counted, one job at a time. */
const COUNTED_MAILS = 10;
const STATEMENTS_GOAL = 3;

/** A committee of its own with a secretary and `members - 1` members without a login: `members` recipients of each agenda. */
async function committeeOf(env: BenchEnvironment, members: number): Promise<{ meetings: MeetingFixtures }> {
  const { id: committeeId } = await env.fixtures.committee({ bodyId: env.committee.bodyId, name: 'Det store udvalg', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
  const secretary = await env.fixtures.member(committeeId, 'secretary', { name: 'Sekretær for Det store udvalg' });
  for (let n = 1; n < members; n++) {
    const person = await env.fixtures.person({ name: `Medlem ${n} af Det store udvalg`, email: `${env.runId}-round-${n}@bench.example.dk` });
    await env.fixtures.seat(committeeId, person.id, 'member');
  }
  return { meetings: env.fixtures.meetings(committeeId, secretary.token) };
}

let meetingDay = 0;

/** A planned meeting whose agenda is ready, each on a day of its own. */
async function readyMeeting(meetings: MeetingFixtures): Promise<string> {
  const startsAt = new Date(Date.UTC(2031, 0, 6 + meetingDay++, 8, 30)).toISOString();
  return (await meetings.meetingWithReadyItems({ startsAt, itemCount: AGENDA_ITEMS })).meetingId;
}

/** Seconds from the publishing request until the last member's e-mail has arrived at the SMTP server. */
async function oursSeconds(env: BenchEnvironment, meetings: MeetingFixtures, members: number): Promise<{ seconds: number; meetingId: string }> {
  const meetingId = await readyMeeting(meetings);
  const arrivedBefore = env.smtp.count;
  const started = performance.now();
  await meetings.fireOnMeeting(meetingId, 'publish');
  await env.smtp.waitForCount(arrivedBefore + members, 600_000);
  const seconds = (performance.now() - started) / 1000;
  await waitForOutboxDrained(env.db, 600_000);
  if (env.smtp.count !== arrivedBefore + members) throw new Error(`${env.smtp.count - arrivedBefore} e-mails arrived for ${members} members`);
  return { seconds, meetingId };
}

/** The messages the meeting's members were sent, each rendered from the round as the worker renders it, for the bare worker to send again. */
async function sameMessages(env: BenchEnvironment, meetingId: string, tag: string): Promise<BareMail[]> {
  const { rows } = await env.db.query(
    `SELECT p.name, p.email, r.subject, r.text_parts AS text, r.html_parts AS html, r.calendar_method AS "calendarMethod", r.calendar
       FROM delivery d JOIN person p ON p.id = d.person_id
       JOIN agenda_mail_round r ON r.meeting_id = d.subject_id AND r.kind = d.kind AND r.sequence = d.sequence
      WHERE d.subject_id = $1 ORDER BY p.email`,
    [meetingId],
  );
  const { MAIL_FROM } = loadConfig(env.cluster.env);
  return rows.map((row: { name: string; email: string; subject: string; text: string[]; html: string[]; calendarMethod: string; calendar: string }, index: number) => ({
    from: MAIL_FROM,
    to: row.email,
    ...addressMail({ subject: row.subject, text: row.text, html: row.html }, row.name),
    icalEvent: { method: row.calendarMethod, filename: 'invitation.ics', content: row.calendar },
    messageId: `<${tag}-${index + 1}@bench.localhost>`,
    date: new Date().toISOString(),
  }));
}

/** Seconds for bare BullMQ jobs to send the same messages with nodemailer, from enqueueing until the last has arrived. */
async function bareSeconds(env: BenchEnvironment, baseline: BareMailBaseline, mails: readonly BareMail[]): Promise<number> {
  const arrivedBefore = env.smtp.count;
  const started = performance.now();
  await baseline.enqueue(mails);
  await env.smtp.waitForCount(arrivedBefore + mails.length, 600_000);
  return (performance.now() - started) / 1000;
}

/**
 * The SQL statements of members' agenda e-mails of the published meeting's round, each job run alone through the
 * worker's mail processor in this process: jobs as the round's fan-out writes them, for people added to it here,
 * their outbox rows due tomorrow so that the system's worker leaves them alone.
 */
async function statementsPerMail(env: BenchEnvironment, meetingId: string): Promise<number[]> {
  const { rows } = await env.db.query(
    `WITH people AS (
       INSERT INTO person (name, email) SELECT 'Tilkaldt ' || n, $2 || '-called-' || n || '@bench.example.dk' FROM generate_series(1, $3::int) n RETURNING id)
     INSERT INTO outbox_message (job_name, payload, available_at)
     SELECT 'send-agenda-mail', jsonb_build_object('meetingId', $1::text, 'personId', id, 'kind', 'agenda', 'sequence', 0, 'fromRound', true), now() + interval '1 day' FROM people
     RETURNING id`,
    [meetingId, env.runId, COUNTED_MAILS],
  );
  const runner = await JobRunner.start(loadConfig({ ...env.cluster.env, LOG_LEVEL: 'warn' }));
  try {
    const counts: number[] = [];
    for (const { id } of rows) counts.push(await runner.statementsOf(QueueName.Mail, id, 'send-agenda-mail'));
    return counts;
  } finally {
    await runner.close();
  }
}

/**
 * (10) Publishing a meeting of many members, from the request until the last member's e-mail is at the SMTP server,
 * against bare BullMQ jobs sending the same messages with nodemailer at the mail queue's concurrency; (10b) the SQL
 * statements of one member's e-mail in the worker.
 */
export async function agendaRoundFigures(env: BenchEnvironment): Promise<FigureRow[]> {
  const { agendaRoundMembers: members, rounds } = env.scale;
  const concurrency = QUEUE_SETTINGS[QueueName.Mail].concurrency;
  const { meetings } = await committeeOf(env, members);
  await waitForOutboxDrained(env.db, 600_000);
  const baseline = await BareMailBaseline.start(env.cluster, env.smtp.url, concurrency);
  try {
    const warm = await oursSeconds(env, meetings, members);
    await bareSeconds(env, baseline, await sameMessages(env, warm.meetingId, `${env.runId}-round-warm`));
    const oursTimes: number[] = [];
    const bareTimes: number[] = [];
    let meetingId = warm.meetingId;
    for (let round = 1; round <= rounds; round++) {
      const ours = await oursSeconds(env, meetings, members);
      meetingId = ours.meetingId;
      oursTimes.push(ours.seconds);
      bareTimes.push(await bareSeconds(env, baseline, await sameMessages(env, meetingId, `${env.runId}-round-r${round}`)));
    }
    const ours = median(oursTimes);
    const bare = median(bareTimes);
    const ratio = bare / ours;
    const counts = await statementsPerMail(env, meetingId);
    const most = Math.max(...counts);
    const fewest = Math.min(...counts);
    const statementsMet = most <= STATEMENTS_GOAL;
    return [
      {
        figure: `10. publishing a meeting of ${formatNumber(members)} members, request to the last e-mail at the SMTP server (s, concurrency ${concurrency}, median of ${rounds}; ratio = bare / ours)`,
        ours: formatNumber(ours, 2),
        baseline: `${formatNumber(bare, 2)} (BullMQ + nodemailer, the same messages)`,
        ratio,
        goal: { text: '≥ 0.70', met: ratio >= 0.7 },
        ciGoal: { text: '≥ 0.25', met: ratio >= 0.25 },
      },
      {
        figure: `10b. SQL statements per agenda e-mail in the worker (${COUNTED_MAILS} e-mails, each job alone)`,
        ours: fewest === most ? String(most) : `${fewest}–${most}`,
        baseline: '— (the read with the outbox row, the claim, the record of it sent)',
        ratio: null,
        goal: { text: `≤ ${STATEMENTS_GOAL}`, met: statementsMet },
        ciGoal: { text: `≤ ${STATEMENTS_GOAL}`, met: statementsMet },
      },
    ];
  } finally {
    await baseline.close();
  }
}
