import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@app/config';

/** Tests run from the project's root, as every path of the test support assumes. */
const ROOT = process.cwd();
const MAIN = { worker: join(ROOT, 'dist/apps/worker/src/main.js'), api: join(ROOT, 'dist/apps/api/src/main.js') };

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
 * Builds the app unless dist/ is newer than every source file (CI builds before it tests), so a test can run the
 * API or the worker as the real process it is in production.
 */
export function ensureBuilt(): void {
  const built = (() => {
    try {
      return Math.min(statSync(MAIN.worker).mtimeMs, statSync(MAIN.api).mtimeMs);
    } catch {
      return 0;
    }
  })();
  const sources = Math.max(newestSourceChange(join(ROOT, 'apps')), newestSourceChange(join(ROOT, 'libs')));
  if (built > sources) return;
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
}

export interface AppProcess {
  process: ChildProcess;
  /** What the process wrote, for the failure message of a test. */
  output(): string;
  /** Ends the process with the signal and waits until it is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** An API or worker process from the build, on the test app's database, Redis prefix, public address and login secret. */
export function startAppProcess(app: keyof typeof MAIN, config: AppConfig, env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, [MAIN[app]], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      REDIS_PREFIX: config.REDIS_PREFIX,
      PUBLIC_BASE_URL: config.PUBLIC_BASE_URL,
      MAIL_FROM: config.MAIL_FROM,
      JWT_SECRET: config.JWT_SECRET,
      ADMIN_EMAIL: config.ADMIN_EMAIL,
      ADMIN_PASSWORD: config.ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    process: child,
    output: () => output,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
