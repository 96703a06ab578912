import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.js';

/** The entry points of the build, relative to its root. */
export const ENTRY_POINTS = {
  api: 'apps/api/src/main.js',
  worker: 'apps/worker/src/main.js',
} as const;

export type AppRole = keyof typeof ENTRY_POINTS;

/**
 * A private copy of the build, so the processes a run starts (and restarts) keep running the code it began with
 * even when someone runs `npm run build` meanwhile, which empties dist/. It lies inside the repository, so
 * `node_modules` is found from it as from dist/.
 */
export class BuildSnapshot {
  private constructor(readonly root: string) {}

  static async take(name: string, from = resolve('dist')): Promise<BuildSnapshot> {
    const root = resolve('var', 'run', name, 'build');
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    for (const part of ['apps', 'libs', 'bench']) {
      await cp(join(from, part), join(root, part), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        if (part === 'bench' && error.code === 'ENOENT') return;
        throw new Error(`No build at ${from} (${error.message}); run npm run build first`);
      });
    }
    return new BuildSnapshot(root);
  }

  path(relative: string): string {
    return join(this.root, relative);
  }

  remove(): Promise<void> {
    return rm(this.root, { recursive: true, force: true });
  }
}

export interface NodeProcessOptions {
  /** Names the log file and the messages about this process. */
  name: string;
  script: string;
  args?: string[];
  /** Options for Node itself, before the script. */
  nodeArgs?: string[];
  env: Record<string, string>;
  logDir: string;
  /** Resolves once the process is ready to be used; the process's own output is in its log. */
  ready: (process: NodeProcess) => Promise<void>;
}

const liveChildren = new Set<ChildProcess>();
let reaperInstalled = false;

/**
 * Registers a child to be killed when this process exits, however it exits (a failed assertion, Ctrl-C, a
 * timeout), so a run never leaves servers behind on the machine.
 */
export function killOnExit(child: ChildProcess): void {
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  if (reaperInstalled) return;
  reaperInstalled = true;
  process.once('exit', () => {
    for (const live of liveChildren) live.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => process.exit(130));
  }
}

/** Only what a Node process needs from ours: the spawned app reads its whole configuration from `env`. */
function baseEnvironment(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TZ', 'LANG'];
  return Object.fromEntries(keep.filter((key) => process.env[key] !== undefined).map((key) => [key, process.env[key] as string]));
}

/** A Node process started from a build, its output in a log file; stopped, killed and started again at will. */
export class NodeProcess {
  private child: ChildProcess | undefined;
  private log: WriteStream | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  /** How many times it was started; the log keeps every life. */
  starts = 0;

  constructor(readonly options: NodeProcessOptions) {}

  get pid(): number {
    if (!this.child?.pid) throw new Error(`${this.options.name} is not running`);
    return this.child.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Running and not asked to stop: a stopping server may still answer, but only to turn requests away. */
  get serving(): boolean {
    return this.running && !this.stopping;
  }

  private stopping = false;

  get logFile(): string {
    return join(this.options.logDir, `${this.options.name}.log`);
  }

  async start(): Promise<this> {
    if (this.running) throw new Error(`${this.options.name} is already running`);
    await mkdir(this.options.logDir, { recursive: true });
    this.log ??= createWriteStream(this.logFile, { flags: 'a' });
    this.starts += 1;
    this.stopping = false;
    this.log.write(`\n--- start ${this.starts} at ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), this.options.script, ...(this.options.args ?? [])], {
      env: { ...baseEnvironment(), ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    killOnExit(child);
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.exited = new Promise((done) => child.once('exit', (code) => done(code)));
    const died = this.exited.then((code) => {
      throw new Error(`${this.options.name} exited with code ${code} while starting; see ${this.logFile}`);
    });
    await Promise.race([this.options.ready(this), died]);
    return this;
  }

  /** Asks the process to stop (SIGTERM: work in flight finishes) and waits until it has. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    this.child?.kill('SIGTERM');
    const stopped = await Promise.race([this.exited.then(() => true), sleep(timeoutMs).then(() => false)]);
    if (!stopped) await this.kill();
  }

  /** SIGKILL: the process gets no chance to finish anything, as in a crash or an out-of-memory kill. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** The process's peak resident memory so far (VmHWM), in MiB; Linux only. */
  async peakMemoryMiB(): Promise<number> {
    const status = await readFile(`/proc/${this.pid}/status`, 'utf8');
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    if (!kib) throw new Error(`No VmHWM in /proc/${this.pid}/status`);
    return Number(kib) / 1024;
  }

  async close(): Promise<void> {
    await this.stop();
    await new Promise<void>((done) => (this.log ? this.log.end(done) : done()));
    this.log = undefined;
  }
}

export interface AppProcessOptions {
  name: string;
  role: AppRole;
  build: BuildSnapshot;
  /** The app's configuration (DATABASE_URL, REDIS_URL, REDIS_PREFIX, SMTP_URL, ...); PORT is chosen for an API. */
  env: Record<string, string>;
  logDir: string;
  port?: number;
}

/** An API or worker process of the application, as production runs it: `node dist/apps/<role>/src/main.js`. */
export class AppProcess extends NodeProcess {
  readonly role: AppRole;
  readonly baseUrl: string;

  /** Picks a free loopback port for an API unless one is given; the process is not started yet. */
  static async create(options: AppProcessOptions): Promise<AppProcess> {
    return new AppProcess({ ...options, port: options.port ?? (await freePort()) });
  }

  private constructor(options: AppProcessOptions & { port: number }) {
    const baseUrl = `http://127.0.0.1:${options.port}`;
    super({
      name: options.name,
      script: options.build.path(ENTRY_POINTS[options.role]),
      env: {
        LOG_LEVEL: 'info',
        ...options.env,
        ...(options.role === 'api'
          ? { PORT: String(options.port), PUBLIC_BASE_URL: baseUrl }
          : // Its readiness is its "Worker started" line; a worker logs little else at info (failures, drops).
            { LOG_LEVEL: 'info' }),
      },
      logDir: options.logDir,
      // e.g. BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=var/profiles" to see where the processes spend their time.
      nodeArgs: process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean),
      ready: options.role === 'api' ? () => waitForHealthy(baseUrl) : (started) => waitForLogLine(started, 'Worker started'),
    });
    this.role = options.role;
    this.baseUrl = baseUrl;
  }
}

/** Waits until GET /api/health answers 200 (PostgreSQL and Redis reachable, migrations applied). */
export async function waitForHealthy(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${baseUrl} was not healthy within ${timeoutMs} ms (last status ${status})`);
    await sleep(100);
  }
}

/** Waits until the current life of the process has written `text` to its log. */
export async function waitForLogLine(started: NodeProcess, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const life = `--- start ${started.starts} at`;
  for (;;) {
    const log = await readFile(started.logFile, 'utf8').catch(() => '');
    if (log.slice(log.lastIndexOf(life)).includes(text)) return;
    if (Date.now() > deadline) throw new Error(`${started.options.name} did not log "${text}" within ${timeoutMs} ms; see ${started.logFile}`);
    await sleep(100);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
