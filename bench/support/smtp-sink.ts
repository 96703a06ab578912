import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { sleep } from './app-process.js';

/** When a message arrived, by its Message-ID. */
export interface ArrivedMessage {
  messageId: string;
  at: number;
  /** The whole message as received, when the sink keeps messages. */
  raw?: Buffer;
}

/**
 * A real SMTP server that accepts everything and keeps each message's Message-ID and arrival time, and the message
 * itself only when asked: parsing 10,000 messages would make the receiving end, shared by the system and its
 * baseline, the bottleneck measured.
 */
export class SmtpSink {
  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
    readonly arrived: ArrivedMessage[],
  ) {}

  static async start({ keepMessages = false }: { keepMessages?: boolean } = {}): Promise<SmtpSink> {
    const arrived: ArrivedMessage[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      maxClients: 1_000,
      // A reverse DNS lookup per connection would time each message by the resolver rather than by the senders.
      disableReverseLookup: true,
      onData(stream, _session, callback) {
        let head = '';
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 16_384) head += chunk.toString('latin1');
          if (keepMessages) chunks.push(chunk);
        });
        stream.on('end', () => {
          const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '';
          arrived.push({ messageId, at: Date.now(), ...(keepMessages ? { raw: Buffer.concat(chunks) } : {}) });
          callback();
        });
      },
    });
    // A sender killed mid-conversation resets its connection; that is the sender's crash, not the server's.
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    return new SmtpSink(server, `smtp://127.0.0.1:${port}`, arrived);
  }

  get count(): number {
    return this.arrived.length;
  }

  /** Waits until `count` messages have arrived in all; throws after the timeout. */
  async waitForCount(count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.arrived.length < count) {
      if (Date.now() > deadline) throw new Error(`Expected ${count} messages at the SMTP server, got ${this.arrived.length} within ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
