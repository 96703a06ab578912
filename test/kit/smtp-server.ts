import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { sleep, waitUntil } from './wait.js';

/** A message as it arrived: its Message-ID, when, and the message itself. */
export interface ReceivedMessage {
  /** The Message-ID header with its angle brackets, as mailparser gives it too; '' for a message without one. */
  messageId: string;
  at: number;
  /** Empty when the server was told not to keep contents. */
  raw: Buffer;
}

export interface SmtpServerOptions {
  /**
   * Keep each message's bytes, to read them afterwards (the default). The benchmarks keep only Message-ID and
   * arrival time: holding tens of thousands of messages would burden the process that also times their arrival.
   */
  keepContent?: boolean;
  /**
   * Waits this long before accepting each message, so a test can act while many are in flight; a function is asked
   * for each message (a server whose slowness varies, or changes during a test).
   */
  acceptDelayMs?: number | (() => number);
  /** Recipients answered with a temporary refusal (451), every time; they are listed in `refused`. */
  refuses?: (address: string) => boolean;
  /** Recipients refused for good (550), every time; they are listed in `refused` too. */
  refusesForGood?: (address: string) => boolean;
}

const EMPTY = Buffer.alloc(0);

/**
 * A real SMTP server on a free loopback port that accepts everything (but the recipients it is told to refuse) and
 * keeps every message with its Message-ID and arrival time. A client killed mid-conversation (a worker killed on
 * purpose) resets its socket; that is the client's crash, not the server's, and is ignored.
 */
export class SmtpServer {
  readonly received: ReceivedMessage[] = [];
  /** Every recipient refused, once per attempt. */
  readonly refused: string[] = [];
  private connectionCount = 0;
  private readonly parsed = new WeakMap<ReceivedMessage, Promise<ParsedMail>>();
  private server: SMTPServer | undefined;
  private address = '';

  private constructor() {}

  /** smtp://127.0.0.1:<port> */
  get url(): string {
    return this.address;
  }

  static async start(options: SmtpServerOptions = {}): Promise<SmtpServer> {
    const smtp = new SmtpServer();
    smtp.options = options;
    await smtp.listen(0);
    return smtp;
  }

  private options: SmtpServerOptions = {};

  private async listen(port: number): Promise<void> {
    const { keepContent = true, acceptDelayMs = 0, refuses, refusesForGood } = this.options;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      maxClients: 1_000,
      // Stopping ends pooled client connections soon rather than waiting for the clients to hang up.
      closeTimeout: 200,
      // A reverse DNS lookup per connection would time each message by the resolver rather than by the senders.
      disableReverseLookup: true,
      onConnect: (_session, callback) => {
        this.connectionCount += 1;
        callback();
      },
      onRcptTo: (address, _session, callback) => {
        if (refusesForGood?.(address.address)) {
          this.refused.push(address.address);
          return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
        }
        if (!refuses?.(address.address)) return callback();
        this.refused.push(address.address);
        callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
      },
      onData: (stream, _session, callback) => {
        let head = '';
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 16_384) head += chunk.toString('latin1');
          if (keepContent) chunks.push(chunk);
        });
        stream.on('end', async () => {
          const delayMs = typeof acceptDelayMs === 'function' ? acceptDelayMs() : acceptDelayMs;
          if (delayMs) await sleep(delayMs);
          const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '';
          this.received.push({ messageId, at: Date.now(), raw: keepContent ? Buffer.concat(chunks) : EMPTY });
          callback();
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const address = server.server.address() as AddressInfo;
    this.server = server;
    this.address = `smtp://127.0.0.1:${address.port}`;
  }

  /** The server goes away, as a mail server down for maintenance: connections to it are refused. */
  async stopListening(): Promise<void> {
    await this.close();
    this.server = undefined;
  }

  /** Back on the same port, keeping what arrived before. */
  async listenAgain(): Promise<void> {
    await this.listen(Number(new URL(this.address).port));
  }

  get count(): number {
    return this.received.length;
  }

  /** SMTP connections opened to it so far. */
  connections(): number {
    return this.connectionCount;
  }

  /** Waits until `count` messages have arrived in all (forgotten ones not counted); throws after the timeout. */
  waitForCount(count: number, timeoutMs = 20_000): Promise<void> {
    return waitUntil(() => this.received.length >= count, { timeoutMs, intervalMs: 20 }, () => `Expected ${count} e-mails at the SMTP server, got ${this.received.length} within ${timeoutMs} ms`);
  }

  /** Waits until a message with each of the Message-IDs has arrived; throws after the timeout, naming how many are missing. */
  waitForMessageIds(messageIds: Iterable<string>, timeoutMs = 20_000): Promise<void> {
    const wanted = new Set(messageIds);
    const missing = () => {
      const arrived = new Set(this.received.map((message) => message.messageId));
      return [...wanted].filter((id) => !arrived.has(id));
    };
    return waitUntil(() => missing().length === 0, { timeoutMs, intervalMs: 20 }, () => `${missing().length} of ${wanted.size} Message-IDs did not arrive within ${timeoutMs} ms`);
  }

  /** Waits until at least `count` messages have arrived, then reads them all. */
  async waitFor(count: number, timeoutMs = 20_000): Promise<ParsedMail[]> {
    await this.waitForCount(count, timeoutMs);
    return this.mails();
  }

  /** Every message kept so far, parsed (each once). */
  mails(): Promise<ParsedMail[]> {
    return Promise.all(
      this.received.map((message) => {
        if (!this.parsed.has(message)) this.parsed.set(message, simpleParser(message.raw));
        return this.parsed.get(message)!;
      }),
    );
  }

  /** Forgets the messages so far, so a test sees only its own. */
  clear(): void {
    this.received.length = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
