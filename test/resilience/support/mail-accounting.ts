import type pg from 'pg';
import { type SmtpServer, waitUntil } from '@app/test-kit';

export interface DeliveryRow {
  recipient: string;
  status: string;
  message_id: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | null;
}

/**
 * One meeting's agenda e-mails held against who should have had one (everyone seated on the meeting's day, from the
 * seats rather than from the system's own bookkeeping) and against what the SMTP server received, by Message-ID.
 */
export interface AgendaMailAccount {
  expected: string[];
  deliveries: DeliveryRow[];
  /** Seated on the day, with no delivery whose message arrived. */
  missing: string[];
  /** Message-IDs of the meeting that arrived more than once. */
  repeated: string[];
}

export async function agendaDeliveries(db: pg.Pool, meetingId: string): Promise<DeliveryRow[]> {
  const { rows } = await db.query<DeliveryRow>(
    `SELECT recipient, status, message_id, attempts, last_error, next_attempt_at FROM delivery WHERE kind = 'agenda' AND subject_id = $1 ORDER BY recipient`,
    [meetingId],
  );
  return rows;
}

/** How often each Message-ID arrived at the server. */
export function arrivalsByMessageId(smtp: SmtpServer): Map<string, number> {
  const arrivals = new Map<string, number>();
  for (const mail of smtp.received) arrivals.set(mail.messageId, (arrivals.get(mail.messageId) ?? 0) + 1);
  return arrivals;
}

export async function agendaMailAccount(db: pg.Pool, smtp: SmtpServer, meetingId: string): Promise<AgendaMailAccount> {
  const { rows } = await db.query<{ email: string }>(
    `SELECT DISTINCT p.email FROM meeting m
       JOIN membership s ON s.committee_id = m.committee_id AND s.start_date <= (m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date
                        AND (s.end_date IS NULL OR s.end_date >= (m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date)
       JOIN person p ON p.id = s.person_id
      WHERE m.id = $1 ORDER BY p.email`,
    [meetingId],
  );
  const expected = rows.map((row) => row.email);
  const deliveries = await agendaDeliveries(db, meetingId);
  const arrivals = arrivalsByMessageId(smtp);
  const arrived = new Set(deliveries.filter((delivery) => arrivals.has(delivery.message_id)).map((delivery) => delivery.recipient));
  return {
    expected,
    deliveries,
    missing: expected.filter((email) => !arrived.has(email)),
    repeated: deliveries.filter((delivery) => (arrivals.get(delivery.message_id) ?? 0) > 1).map((delivery) => delivery.message_id),
  };
}

/** Waits until every agenda e-mail of the meeting is settled: one delivery per person seated, none still to be tried. */
export async function waitForAgendaSettled(db: pg.Pool, smtp: SmtpServer, meetingId: string, timeoutMs: number): Promise<AgendaMailAccount> {
  let account: AgendaMailAccount | undefined;
  const settled = async () => {
    account = await agendaMailAccount(db, smtp, meetingId);
    const { expected, deliveries } = account;
    return deliveries.length === expected.length && deliveries.every((delivery) => delivery.status === 'sent' || delivery.status === 'failed');
  };
  await waitUntil(settled, { timeoutMs, intervalMs: 200 }, () => {
    const statuses = account?.deliveries.map((delivery) => delivery.status) ?? [];
    return `The agenda e-mails of meeting ${meetingId} did not settle within ${timeoutMs} ms: ${account?.expected.length} seated, deliveries ${JSON.stringify(countBy(statuses))}`;
  });
  return account!;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
