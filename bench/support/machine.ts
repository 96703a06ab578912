import { cpus, totalmem, release } from 'node:os';

/** What the figures were taken on, for the line above the table. */
export function describeMachine(versions: { postgres: string; redis: string }): string {
  const cores = cpus();
  const memoryGiB = Math.round(totalmem() / 1024 ** 3);
  return `${cores[0]?.model.trim() ?? 'unknown CPU'}, ${cores.length} cores, ${memoryGiB} GiB; Linux ${release()}; Node ${process.versions.node}; PostgreSQL ${versions.postgres}; Redis ${versions.redis}`;
}
