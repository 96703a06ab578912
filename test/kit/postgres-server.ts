import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

const run = promisify(execFile);

/** The PostgreSQL major version installed here (Debian's postgresql-common keeps one directory per version). */
function installedVersion(): string {
  const versions = readdirSync('/usr/lib/postgresql').filter((name) => /^\d+$/.test(name));
  if (versions.length === 0) throw new Error('No PostgreSQL server is installed under /usr/lib/postgresql');
  return versions.sort((a, b) => Number(b) - Number(a))[0];
}

/**
 * A PostgreSQL cluster of the test's own (Debian's pg_createcluster on a free port, listening on localhost only as by default, trust auth, no fsync),
 * so a test can stop and start the database without touching the machine's shared server. Dropped on close.
 */
export class PrivatePostgresServer {
  private constructor(
    readonly version: string,
    readonly name: string,
    readonly port: number,
  ) {}

  static async start(name: string): Promise<PrivatePostgresServer> {
    const port = await freePort();
    const server = new PrivatePostgresServer(installedVersion(), `cw-${name}-${port}`, port);
    const durabilityOff = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'].flatMap((setting) => ['-o', setting]);
    await run('pg_createcluster', [server.version, server.name, '-p', String(port), ...durabilityOff, '--', '-A', 'trust']);
    await server.startServer().catch(async (error: Error) => {
      await server.close();
      throw error;
    });
    return server;
  }

  /** The server's own `postgres` database; `urlOf(name)` for another. */
  get url(): string {
    return this.urlOf('postgres');
  }

  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** A fast shutdown: open connections are ended, as when the database server is stopped for maintenance. */
  async stopServer(): Promise<void> {
    await run('pg_ctlcluster', [this.version, this.name, 'stop', '-m', 'fast']);
  }

  async startServer(): Promise<void> {
    await run('pg_ctlcluster', [this.version, this.name, 'start']);
  }

  async close(): Promise<void> {
    await run('pg_dropcluster', ['--stop', this.version, this.name]);
  }
}
