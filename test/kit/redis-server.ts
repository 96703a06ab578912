import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';
import { killOnExit } from './processes.js';
import { waitUntil } from './wait.js';

/**
 * A redis-server of the run's own on a free loopback port, without persistence: killing and starting it again
 * is a Redis restart that lost everything, and nobody else's keys are on it.
 */
export class PrivateRedisServer {
  private child: ChildProcess | undefined;
  restarts = 0;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedisServer> {
    const server = new PrivateRedisServer(await freePort());
    await server.launch();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** SIGKILL and start again on the same port, empty. */
  async restartEmpty(): Promise<void> {
    await this.stop();
    await this.startAgain();
  }

  /** Back on the same port after `stop`, empty: the end of an outage. */
  async startAgain(): Promise<void> {
    await this.launch();
    this.restarts += 1;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }

  async version(): Promise<string> {
    const redis = new Redis(this.url);
    try {
      const info = await redis.info('server');
      return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
    } finally {
      redis.disconnect();
    }
  }

  private async launch(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: 'ignore',
    });
    killOnExit(this.child);
    const failed = new Promise<never>((_, reject) => this.child?.once('error', (error) => reject(new Error(`Cannot start redis-server: ${error.message}`))));
    await Promise.race([this.waitForPing(), failed]);
  }

  private async waitForPing(timeoutMs = 10_000): Promise<void> {
    const answers = async () => {
      const redis = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      redis.on('error', () => undefined); // not up yet: the wait asks again
      const answered = await redis.connect().then(
        () => redis.ping().then(() => true),
        () => false,
      );
      redis.disconnect();
      return answered;
    };
    await waitUntil(answers, { timeoutMs }, () => `redis-server on port ${this.port} did not answer within ${timeoutMs} ms`);
  }
}
