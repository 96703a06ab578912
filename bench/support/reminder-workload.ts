import type pg from 'pg';
import { AppConfig } from '@app/config';
import { agendaDeadlineReminderContent } from '@app/meetings';
import { renderReminderEmail } from '@app/reminders';
import type { BareMail } from '../baselines/bare-mail-worker.js';
import { sleep } from '@app/test-kit';

export interface ReminderBatch {
  outboxIds: string[];
  /** When each meeting's reminder is due (epoch ms), by meeting id. */
  dueByMeeting: Map<string, number>;
}

/**
 * The reminders of the benchmark, as the system schedules them: planned meetings two days away whose agenda is
 * not out, each with its `send-reminder` (agenda-deadline) outbox row due at its own time. When due, the worker
 * checks that the reason still holds and mails the committee's secretary and chair.
 */
export async function insertReminders(db: pg.Pool, committeeId: string, dueTimes: readonly number[]): Promise<ReminderBatch> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `WITH meetings AS (
         INSERT INTO meeting (committee_id, title, starts_at, location, state)
         SELECT $1, 'Ordinært møde', date_trunc('second', now() + interval '2 days'), 'Rådhuset', 'planned' FROM unnest($2::timestamptz[])
         RETURNING id, starts_at),
       due AS (SELECT m.id, m.starts_at, d.due FROM (SELECT id, starts_at, row_number() OVER (ORDER BY id) AS n FROM meetings) m
                 JOIN (SELECT due, row_number() OVER (ORDER BY due, ord) AS n FROM unnest($2::timestamptz[]) WITH ORDINALITY AS t(due, ord)) d USING (n)),
       outbox AS (
         INSERT INTO outbox_message (job_name, payload, available_at)
         SELECT $3, jsonb_build_object('kind', 'agenda-deadline', 'subjectId', id, 'dueOn', to_char(due AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD'),
                                       'basis', to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), due
           FROM due RETURNING id)
       SELECT (SELECT array_agg(id) FROM outbox) AS "outboxIds", (SELECT json_object_agg(id, due) FROM due) AS due`,
      [committeeId, dueTimes.map((due) => new Date(due).toISOString()), 'send-reminder'],
    );
    await client.query(`SELECT pg_notify('outbox', '')`);
    await client.query('COMMIT');
    const due = Object.entries<string>(rows[0].due).map(([meetingId, at]) => [meetingId, Date.parse(at)] as const);
    return { outboxIds: rows[0].outboxIds, dueByMeeting: new Map(due) };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Waits until every reminder of the batch has run; each must have been sent, not dropped. */
export async function waitForRemindersSent(db: pg.Pool, batch: ReminderBatch, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS open FROM outbox_message WHERE id = ANY($1::uuid[]) AND processed_at IS NULL`, [batch.outboxIds]);
    if (rows[0].open === 0) break;
    if (Date.now() > deadline) throw new Error(`${rows[0].open} of ${batch.outboxIds.length} reminders still unprocessed after ${timeoutMs} ms`);
    await sleep(25);
  }
  const { rows } = await db.query(`SELECT outcome, count(*)::int AS count FROM outbox_message WHERE id = ANY($1::uuid[]) GROUP BY outcome`, [batch.outboxIds]);
  if (rows.some((row: { outcome: string }) => row.outcome !== 'done')) throw new Error(`Not every reminder was sent: ${JSON.stringify(rows)}`);
}

/** When each reminder e-mail was due, by its Message-ID. */
export async function reminderDueTimesByMessageId(db: pg.Pool, batch: ReminderBatch): Promise<Map<string, number>> {
  const { rows } = await db.query(`SELECT subject_id, message_id FROM delivery WHERE kind = 'agenda-deadline-reminder' AND subject_id = ANY($1::uuid[])`, [
    [...batch.dueByMeeting.keys()],
  ]);
  return new Map(rows.map((row: { subject_id: string; message_id: string }) => [row.message_id, batch.dueByMeeting.get(row.subject_id) as number]));
}

/** The same reminders ready-made for the bare baseline: `perReminder` e-mails (secretary and chair) per due time. */
export function bareReminderMails(tag: string, dueTimes: readonly number[], perReminder: number): (BareMail & { dueAt: number })[] {
  const { MAIL_FROM } = new AppConfig();
  const startsAt = new Date(Date.now() + 2 * 86_400_000);
  return dueTimes.flatMap((dueAt, index) =>
    Array.from({ length: perReminder }, (_, recipient) => ({
      from: MAIL_FROM,
      to: `${tag}-${index}-${recipient}@bench.example.dk`,
      ...renderReminderEmail(
        `Modtager ${recipient}`,
        agendaDeadlineReminderContent({
          committeeName: 'Social- og Sundhedsudvalget',
          meetingStartsAt: startsAt,
          noticeDeadline: startsAt.toISOString().slice(0, 10),
          noticeWorkingDays: 4,
          url: 'http://localhost:3000/api/meetings/x',
        }),
      ),
      messageId: `<${tag}-${index}-${recipient}@bench.localhost>`,
      date: new Date().toISOString(),
      dueAt,
    })),
  );
}
