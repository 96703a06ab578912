import { QUEUE_SETTINGS, QueueName } from '@app/outbox';
import type { BenchEnvironment } from '../bench-environment.js';
import { BareMailBaseline } from '../baselines/bare-mail-baseline.js';
import { type FigureRow, formatNumber } from '../support/figure-table.js';
import { median } from '../support/statistics.js';
import { bareWelcomeMails, insertWelcomeMails, waitForWelcomeMailsSent } from '../support/welcome-mail-workload.js';

const WARM_UP = 200;

/** Seconds for `count` e-mails through the system: outbox rows committed -> relay -> BullMQ -> SMTP -> marked sent. */
async function oursSeconds(env: BenchEnvironment, tag: string, count: number): Promise<number> {
  const arrivedBefore = env.smtp.count;
  const started = performance.now();
  const batch = await insertWelcomeMails(env.db, tag, Array.from({ length: count }, () => Date.now()));
  // Watching the SMTP server first costs the database nothing; only the last few rows are then awaited there.
  await env.smtp.waitForCount(arrivedBefore + count, 600_000);
  await waitForWelcomeMailsSent(env.db, batch, 600_000);
  const seconds = (performance.now() - started) / 1000;
  if (env.smtp.count !== arrivedBefore + count) throw new Error(`${env.smtp.count - arrivedBefore} e-mails arrived for ${count} sent`);
  return seconds;
}

/** Seconds for the same e-mails as bare BullMQ jobs sent with nodemailer, until the last has arrived. */
async function bareSeconds(env: BenchEnvironment, baseline: BareMailBaseline, tag: string, count: number): Promise<number> {
  const mails = bareWelcomeMails(tag, Array.from({ length: count }, () => 0));
  const arrivedBefore = env.smtp.count;
  const started = performance.now();
  await baseline.enqueue(mails);
  await env.smtp.waitForCount(arrivedBefore + count, 600_000);
  return (performance.now() - started) / 1000;
}

/**
 * (3) E-mail deliveries end to end against bare BullMQ jobs sending the same messages with nodemailer to the same
 * SMTP server, at the mail queue's concurrency; (6) the worker's peak memory (VmHWM) meanwhile against the bare worker's.
 */
export async function mailDeliveryFigures(env: BenchEnvironment): Promise<FigureRow[]> {
  const { deliveries: count, rounds } = env.scale;
  const concurrency = QUEUE_SETTINGS[QueueName.UrgentMail].concurrency;
  const baseline = await BareMailBaseline.start(env.cluster, env.smtp.url, concurrency);
  try {
    await oursSeconds(env, `${env.runId}-warm`, WARM_UP);
    await bareSeconds(env, baseline, `${env.runId}-bare-warm`, WARM_UP);
    const oursRates: number[] = [];
    const bareRates: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      oursRates.push(count / (await oursSeconds(env, `${env.runId}-r${round}`, count)));
      bareRates.push(count / (await bareSeconds(env, baseline, `${env.runId}-bare-r${round}`, count)));
    }
    const ours = median(oursRates);
    const bare = median(bareRates);
    const ratio = ours / bare;
    const [oursPeak, barePeak] = [await env.cluster.workers[0].peakMemoryMiB(), await baseline.worker.peakMemoryMiB()];
    const memoryRatio = oursPeak / barePeak;
    return [
      {
        figure: `3. ${formatNumber(count)} e-mails end to end (e-mails/s, concurrency ${concurrency}, median of ${rounds})`,
        ours: formatNumber(ours),
        baseline: `${formatNumber(bare)} (BullMQ + nodemailer)`,
        ratio,
        goal: { text: '≥ 0.80', met: ratio >= 0.8 },
        ciGoal: { text: '≥ 0.30', met: ratio >= 0.3 },
      },
      {
        figure: '6. peak memory of the worker during (3) (VmHWM, MiB)',
        ours: formatNumber(oursPeak),
        baseline: `${formatNumber(barePeak)} (bare worker)`,
        ratio: memoryRatio,
        goal: { text: '≤ 1.5', met: memoryRatio <= 1.5 },
      },
    ];
  } finally {
    await baseline.close();
  }
}
