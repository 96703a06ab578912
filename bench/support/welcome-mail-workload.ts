import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { AppConfig } from '@app/config';
import { renderWelcomeEmail } from '@app/people';
import type { BareMail } from '../baselines/bare-mail-worker.js';
import { sleep } from '@app/test-kit';

export interface WelcomeMailBatch {
  outboxIds: string[];
  people: { id: string; name: string; email: string; dueAt: number }[];
}

/** The n-th recipient of a batch; the system's and the baseline's e-mails go to the same people. */
export function welcomeRecipient(tag: string, n: number): { name: string; email: string } {
  return { name: `Modtager ${n}`, email: `${tag}-${n}@bench.example.dk` };
}

/**
 * The e-mail workload of the benchmarks: people with a login and, in the same transaction, one outbox row
 * `send-welcome-email` each, due at the given times. It is what creating a person through the API writes, in bulk
 * so that the API's password hashing (argon2, deliberately slow) does not become the figure.
 */
export async function insertWelcomeMails(db: pg.Pool, tag: string, dueTimes: readonly number[]): Promise<WelcomeMailBatch> {
  const recipients = dueTimes.map((_, index) => welcomeRecipient(tag, index + 1));
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `WITH batch AS (SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS t(name, email, due)),
            people AS (
              INSERT INTO person (name, email, password_hash) SELECT name, email, 'no-password' FROM batch RETURNING id, email),
            scheduled AS (SELECT p.id, b.name, b.email, b.due FROM people p JOIN batch b USING (email)),
            outbox AS (
              INSERT INTO outbox_message (job_name, payload, available_at)
              SELECT $4, jsonb_build_object('personId', id), due FROM scheduled
              RETURNING id)
       SELECT (SELECT array_agg(id) FROM outbox) AS "outboxIds",
              (SELECT json_agg(json_build_object('id', id, 'name', name, 'email', email, 'dueAt', due)) FROM scheduled) AS people`,
      [recipients.map((r) => r.name), recipients.map((r) => r.email), dueTimes.map((due) => new Date(due).toISOString()), 'send-welcome-email'],
    );
    await client.query(`SELECT pg_notify('outbox', '')`);
    await client.query('COMMIT');
    const { outboxIds, people } = rows[0];
    return { outboxIds, people: people.map((person: { dueAt: string }) => ({ ...person, dueAt: Date.parse(person.dueAt) })) };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Waits until every row of the batch is processed, then checks that each ended with its e-mail sent. */
export async function waitForWelcomeMailsSent(db: pg.Pool, batch: WelcomeMailBatch, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS open FROM outbox_message WHERE id = ANY($1::uuid[]) AND processed_at IS NULL`, [batch.outboxIds]);
    if (rows[0].open === 0) break;
    if (Date.now() > deadline) throw new Error(`${rows[0].open} of ${batch.outboxIds.length} welcome e-mails still unprocessed after ${timeoutMs} ms`);
    await sleep(25);
  }
  const { rows } = await db.query(
    `SELECT count(*)::int AS sent FROM delivery WHERE status = 'sent' AND person_id = ANY($1::uuid[])`,
    [batch.people.map((person) => person.id)],
  );
  if (rows[0].sent !== batch.people.length) throw new Error(`Only ${rows[0].sent} of ${batch.people.length} welcome e-mails are marked sent`);
}

/** The same e-mails as `insertWelcomeMails` makes the system send, ready-made for the bare baseline. */
export function bareWelcomeMails(tag: string, dueTimes: readonly number[]): (BareMail & { dueAt: number })[] {
  const { MAIL_FROM } = new AppConfig();
  return dueTimes.map((dueAt, index) => {
    const { name, email } = welcomeRecipient(tag, index + 1);
    return {
      from: MAIL_FROM,
      to: email,
      ...renderWelcomeEmail({ name, email, publicBaseUrl: 'http://localhost:3000', passwordToken: randomBytes(32).toString('base64url'), validHours: 168 }),
      messageId: `<${tag}-${index + 1}@bench.localhost>`,
      date: new Date().toISOString(),
      dueAt,
    };
  });
}
