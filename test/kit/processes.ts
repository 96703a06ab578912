import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readdirSync, statSync, type WriteStream } from 'node:fs';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppConfig } from '@app/config';
import { WORKER_NODE_FLAGS } from '@app/worker-app';
import { freePort } from './free-port.js';
import { waitUntil } from './wait.js';

/** The entry points of the build, relative to its root. */
export const ENTRY_POINTS = {
  api: 'apps/api/src/main.js',
  worker: 'apps/worker/src/main.js',
} as const;

export type AppRole = keyof typeof ENTRY_POINTS;

/** The parts of dist/ a process may run: the app with the web application it serves, and the benchmarks' baselines with the kit they import. */
const BUILD_PARTS = ['apps', 'libs', 'web', 'web-server', 'bench', 'test'];

function newestSourceChange(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceChange(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * A build to start processes from: dist/ itself, or a private copy of it, so the processes a run starts (and
 * restarts) keep running the code it began with even when someone runs `npm run build` meanwhile, which empties
 * dist/. A copy lies inside the repository, so `node_modules` is found from it as from dist/.
 */
export class Build {
  private constructor(
    readonly root: string,
    private readonly copied: boolean,
  ) {}

  /** dist/ as it is; tests run from the project's root, as every path of the kit assumes. */
  static dist(): Build {
    return new Build(resolve('dist'), false);
  }

  /**
   * dist/, built first unless it is newer than every source file (CI builds before it tests), so a test can run the
   * API or the worker as the real process it is in production.
   */
  static ensureBuilt(): Build {
    const build = Build.dist();
    const built = (() => {
      try {
        return Math.min(...Object.values(ENTRY_POINTS).map((entry) => statSync(build.path(entry)).mtimeMs));
      } catch {
        return 0;
      }
    })();
    const sources = Math.max(newestSourceChange(resolve('apps')), newestSourceChange(resolve('libs')));
    if (built <= sources) execFileSync('npm', ['run', 'build'], { stdio: 'pipe', timeout: 300_000 });
    return build;
  }

  /** A copy of dist/ under var/run/<name>/build. */
  static async snapshot(name: string, from = resolve('dist')): Promise<Build> {
    const root = resolve('var', 'run', name, 'build');
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    for (const part of BUILD_PARTS) {
      await cp(join(from, part), join(root, part), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        if (part !== 'apps' && part !== 'libs' && error.code === 'ENOENT') return;
        throw new Error(`No build at ${from} (${error.message}); run npm run build first`);
      });
    }
    return new Build(root, true);
  }

  path(relative: string): string {
    return join(this.root, relative);
  }

  /** Removes a copy; dist/ itself stays. */
  async remove(): Promise<void> {
    if (this.copied) await rm(this.root, { recursive: true, force: true });
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

  /** What the process wrote in all its lives, for the failure message of a test. */
  output(): Promise<string> {
    return readFile(this.logFile, 'utf8').catch(() => '');
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
    const died = this.exited.then(async (code) => {
      const lastLines = (await this.output()).trimEnd().split('\n').slice(-20).join('\n');
      throw new Error(`${this.options.name} exited with code ${code} while starting; see ${this.logFile}, which ends:\n${lastLines}`);
    });
    await Promise.race([this.options.ready(this), died]);
    return this;
  }

  /** Stopped by SIGSTOP and not yet continued. */
  paused = false;

  /**
   * SIGSTOP: the process stands still without dying, as one the machine stopped scheduling (swapped out, a frozen
   * VM): its timers, heartbeats included, do not run until `resume`.
   */
  pause(): void {
    if (!this.running) throw new Error(`${this.options.name} is not running`);
    this.child?.kill('SIGSTOP');
    this.paused = true;
  }

  /** SIGCONT: the paused process runs on where it stood. */
  resume(): void {
    if (!this.paused) return;
    this.child?.kill('SIGCONT');
    this.paused = false;
  }

  /** Asks the process to stop (SIGTERM: work in flight finishes) and waits until it has. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (!this.running) return;
    // A paused process would only take the signal once continued.
    this.resume();
    this.stopping = true;
    this.child?.kill('SIGTERM');
    // The timer goes once the process is out, so it does not keep the test run alive after its last test.
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), timeoutMs)));
    const stopped = await Promise.race([this.exited.then(() => true), gaveUp]);
    clearTimeout(timer);
    if (!stopped) await this.kill();
  }

  /** SIGKILL: the process gets no chance to finish anything, as in a crash or an out-of-memory kill. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.paused = false;
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
  build: Build;
  /**
   * The app's configuration (DATABASE_URL, REDIS_URL, REDIS_PREFIX, SMTP_URL, ...); an API gets PORT, and its own
   * address as PUBLIC_BASE_URL unless this names one.
   */
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
        ...(options.role === 'api' ? { PUBLIC_BASE_URL: baseUrl } : {}),
        ...options.env,
        ...(options.role === 'api'
          ? { PORT: String(options.port) }
          : // Its readiness is its "Worker started" line; a worker logs little else at info (failures, drops).
            { LOG_LEVEL: 'info' }),
      },
      logDir: options.logDir,
      // A worker starts with its V8 settings, as in production; then e.g. BENCH_APP_NODE_ARGS="--cpu-prof
      // --cpu-prof-dir=var/profiles" to see where the processes spend their time.
      nodeArgs: [...(options.role === 'worker' ? WORKER_NODE_FLAGS : []), ...(process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
      ready: options.role === 'api' ? () => waitForHealthy(baseUrl) : (started) => waitForLogLine(started, 'Worker started'),
    });
    this.role = options.role;
    this.baseUrl = baseUrl;
  }
}

/**
 * The configuration of a test app as the environment of a process that is to share its database, Redis prefix,
 * login secret and file store (a worker's minutes files are read by the app's API).
 */
export function appEnvironment(config: AppConfig): Record<string, string> {
  const { DATABASE_URL, REDIS_URL, REDIS_PREFIX, PUBLIC_BASE_URL, MAIL_FROM, JWT_SECRET, ADMIN_EMAIL, ADMIN_PASSWORD, STORAGE_DIR } = config;
  return { DATABASE_URL, REDIS_URL, REDIS_PREFIX, PUBLIC_BASE_URL, MAIL_FROM, JWT_SECRET, ADMIN_EMAIL, ADMIN_PASSWORD, STORAGE_DIR: resolve(STORAGE_DIR) };
}

/** Waits until GET /api/health answers 200 (PostgreSQL and Redis reachable, migrations applied). */
export async function waitForHealthy(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  let status = 0;
  const healthy = async () => (status = await fetch(`${baseUrl}/api/health`).then((response) => response.status, () => 0)) === 200;
  await waitUntil(healthy, { timeoutMs, intervalMs: 100 }, () => `${baseUrl} was not healthy within ${timeoutMs} ms (last status ${status})`);
}

/** Waits until the current life of the process has written `text` to its log. */
export async function waitForLogLine(started: NodeProcess, text: string, timeoutMs = 60_000): Promise<void> {
  const life = `--- start ${started.starts} at`;
  const logged = async () => {
    const log = await started.output();
    return log.slice(log.lastIndexOf(life)).includes(text);
  };
  await waitUntil(logged, { timeoutMs, intervalMs: 100 }, () => `${started.options.name} did not log "${text}" within ${timeoutMs} ms; see ${started.logFile}`);
}
