/**
 * The bare baseline of e-mail delivery: a BullMQ worker that sends each job's ready-made message with nodemailer,
 * no database, no outbox, no once-only bookkeeping. The benchmark enqueues the same messages the application
 * sends and points both at the same SMTP server, with the same concurrency and the same nodemailer transport options
 * (pooled connections), given as JSON by the benchmark.
 *
 * Environment: REDIS_URL, REDIS_PREFIX, SMTP_TRANSPORT, QUEUE, CONCURRENCY.
 */
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createTransport } from 'nodemailer';

export interface BareMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  /** ISO 8601. */
  date: string;
  /** A calendar invitation, sent as the application sends one (a text/calendar alternative and an .ics attachment). */
  icalEvent?: { method: string; filename: string; content: string };
}

const transport = createTransport(JSON.parse(process.env.SMTP_TRANSPORT as string));
const connection = new Redis(process.env.REDIS_URL as string, { maxRetriesPerRequest: null });
const worker = new Worker<BareMail>(
  process.env.QUEUE as string,
  async (job) => {
    await transport.sendMail({ ...job.data, date: new Date(job.data.date) });
  },
  { connection, prefix: process.env.REDIS_PREFIX, concurrency: Number(process.env.CONCURRENCY) },
);

worker.on('error', (error) => console.error(error));
worker.waitUntilReady().then(
  () => console.log('Bare mail worker started'),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
