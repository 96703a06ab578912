import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '@app/config';
import { smtpTransportOptions } from '@app/mail';
import { type AppCluster, NodeProcess, waitForLogLine } from '@app/test-kit';
import type { BareMail } from './bare-mail-worker.js';

const QUEUE = 'bare-mail';
const ADD_CHUNK = 1_000;

/** The SMTP transport options the application's workers run with (its defaults, as the cluster sets none). */
function sameTransportAsTheApp(url: string) {
  const defaults = new AppConfig();
  return smtpTransportOptions({
    url,
    connections: defaults.SMTP_POOL_CONNECTIONS,
    messagesPerConnection: defaults.SMTP_MESSAGES_PER_CONNECTION,
  });
}

/** The bare mail worker as a process of its own, and the queue the benchmark fills for it. */
export class BareMailBaseline {
  private constructor(
    readonly worker: NodeProcess,
    private readonly queue: Queue<BareMail>,
    private readonly connection: Redis,
  ) {}

  static async start(cluster: AppCluster, smtpUrl: string, concurrency: number): Promise<BareMailBaseline> {
    const prefix = `${cluster.env.REDIS_PREFIX}-bare`;
    const worker = new NodeProcess({
      name: 'bare-mail-worker',
      script: cluster.build.path('bench/baselines/bare-mail-worker.js'),
      env: { REDIS_URL: cluster.redis.url, REDIS_PREFIX: prefix, SMTP_TRANSPORT: JSON.stringify(sameTransportAsTheApp(smtpUrl)), QUEUE, CONCURRENCY: String(concurrency) },
      logDir: cluster.logDir,
      ready: (started) => waitForLogLine(started, 'Bare mail worker started'),
    });
    await worker.start();
    const connection = new Redis(cluster.redis.url, { maxRetriesPerRequest: null });
    return new BareMailBaseline(worker, new Queue<BareMail>(QUEUE, { connection, prefix }), connection);
  }

  /** Adds one job per message, each due at its `dueAt` (epoch ms) when given, at once otherwise. */
  async enqueue(mails: readonly (BareMail & { dueAt?: number })[]): Promise<void> {
    for (let start = 0; start < mails.length; start += ADD_CHUNK) {
      const now = Date.now();
      await this.queue.addBulk(
        mails.slice(start, start + ADD_CHUNK).map(({ dueAt, ...mail }) => ({
          name: 'send',
          data: mail,
          opts: { removeOnComplete: true, ...(dueAt ? { delay: Math.max(0, dueAt - now) } : {}) },
        })),
      );
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
    await this.worker.close();
  }
}
