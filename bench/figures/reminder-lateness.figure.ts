import { QUEUE_SETTINGS, QueueName } from '@app/outbox';
import type { BenchEnvironment } from '../bench-environment.js';
import { BareMailBaseline } from '../baselines/bare-mail-baseline.js';
import { type FigureRow, formatNumber } from '../support/figure-table.js';
import { median, percentile } from '../support/statistics.js';
import type { SmtpServer } from '@app/test-kit';
import { bareReminderMails, insertReminders, reminderDueTimesByMessageId, waitForRemindersSent } from '../support/reminder-workload.js';

/** Time for the relay to put every row on the queue as a delayed job before the first comes due: ~1 ms a row. */
const leadMs = (count: number) => 3_000 + count;

interface Lateness {
  p50: number;
  p99: number;
}

function dueTimes(count: number, windowMs: number): number[] {
  const first = Date.now() + leadMs(count);
  return Array.from({ length: count }, (_, index) => first + Math.floor((index * windowMs) / count));
}

/** How long after its due time each message arrived at the SMTP server, from the arrivals since `from`. */
function lateness(smtp: SmtpServer, from: number, due: Map<string, number>): Lateness {
  const late = smtp.received
    .slice(from)
    .filter((message) => due.has(message.messageId))
    .map((message) => message.at - (due.get(message.messageId) as number));
  if (late.length !== due.size) throw new Error(`${late.length} of ${due.size} due e-mails arrived`);
  return { p50: percentile(late, 50), p99: percentile(late, 99) };
}

/** Each agenda-deadline reminder goes to the committee's secretary and its chair. */
const MAILS_PER_REMINDER = 2;

/**
 * (4) Lateness of delayed reminders: each an outbox row due at its own time, spread evenly over a window so the
 * figure is the scheduling's and not a backlog's; when due the worker checks its reason and mails the secretary and
 * the chair. The bare baseline is BullMQ delayed jobs sending as many e-mails on the same schedule. Lateness is
 * each e-mail's arrival at the SMTP server minus its reminder's due time.
 */
export async function reminderLatenessFigures(env: BenchEnvironment): Promise<FigureRow[]> {
  const { reminders: count, reminderWindowSeconds, slowRounds: rounds } = env.scale;
  const windowMs = reminderWindowSeconds * 1000;
  const baseline = await BareMailBaseline.start(env.cluster, env.smtp.url, QUEUE_SETTINGS[QueueName.UrgentMail].concurrency);
  try {
    const ours: Lateness[] = [];
    const bare: Lateness[] = [];
    for (let round = 1; round <= rounds; round++) {
      const oursFrom = env.smtp.count;
      const batch = await insertReminders(env.db, env.committee.committeeId, dueTimes(count, windowMs));
      // Watching the SMTP server first costs the database nothing while the reminders come due.
      await env.smtp.waitForCount(oursFrom + count * MAILS_PER_REMINDER, leadMs(count) + windowMs + 600_000);
      await waitForRemindersSent(env.db, batch, 600_000);
      ours.push(lateness(env.smtp, oursFrom, await reminderDueTimesByMessageId(env.db, batch)));

      const bareFrom = env.smtp.count;
      const mails = bareReminderMails(`${env.runId}-bare-due${round}`, dueTimes(count, windowMs), MAILS_PER_REMINDER);
      await baseline.enqueue(mails);
      await env.smtp.waitForCount(bareFrom + mails.length, leadMs(count) + windowMs + 600_000);
      bare.push(lateness(env.smtp, bareFrom, new Map(mails.map((mail) => [mail.messageId, mail.dueAt]))));
    }
    const oursP50 = median(ours.map((l) => l.p50));
    const oursP99 = median(ours.map((l) => l.p99));
    const bareP50 = median(bare.map((l) => l.p50));
    const bareP99 = median(bare.map((l) => l.p99));
    return [
      {
        figure: `4. lateness of ${formatNumber(count)} reminders due over ${reminderWindowSeconds} s, ${MAILS_PER_REMINDER} e-mails each (ms, p50 / p99, median of ${rounds})`,
        ours: `${formatNumber(oursP50)} / ${formatNumber(oursP99)}`,
        baseline: `${formatNumber(bareP50)} / ${formatNumber(bareP99)} (BullMQ delayed jobs)`,
        ratio: oursP99 / bareP99,
        goal: { text: 'p99 < 1,000 ms', met: oursP99 < 1000 },
      },
    ];
  } finally {
    await baseline.close();
  }
}
