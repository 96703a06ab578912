import { databaseUrl, FIXTURE_PASSWORD, type RunningSystem, startSystem } from '@app/test-kit';
import type { BenchEnvironment } from '../bench-environment.js';
import { type FigureRow, formatNumber } from '../support/figure-table.js';
import { type InstallationSize, MEETINGS_TO_PUBLISH, type SeededInstallation, seedInstallation } from '../support/installation-seed.js';
import { percentile } from '../support/statistics.js';

const SERVER_URL = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';

/** The installation of issue 13, point 6; the size that any page must not grow against. */
const LARGE: InstallationSize = { label: '5,000 meetings', committees: 30, meetings: 5_000, itemsPerMeeting: 20, people: 500, auditRows: 1_000_000, deliveries: 200_000 };
/** `--quick`: a tenth of the large installation's meetings, audit rows and deliveries. */
const QUICK_LARGE: InstallationSize = { ...LARGE, label: '500 meetings (quick: a tenth)', meetings: 500, auditRows: 100_000, deliveries: 20_000 };
/** The small installation: 100 meetings, the other tables in proportion (a fiftieth), people enough to seat every committee. */
const SMALL: InstallationSize = { label: '100 meetings', committees: 5, meetings: 100, itemsPerMeeting: 20, people: 100, auditRows: 20_000, deliveries: 4_000 };

type Caller = 'admin' | 'member' | 'secretary' | 'anyone';

interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  caller: Caller;
  /** The path of the n-th request. */
  path: (seed: SeededInstallation, n: number) => string;
  body?: (seed: SeededInstallation) => unknown;
  /** Requests that change something get as many samples as the seed keeps for them. */
  samples?: (quick: boolean) => number;
}

/** The first page of a list: the lists' default size, named so the figure does not depend on the default. */
const FIRST_PAGE = '?limit=50';

/**
 * The requests measured at both sizes, one table in one place: each list's first page, a meeting read, publishing
 * an agenda and a login. Only the status (200, or 201 for a login) is checked, never the answer's shape, and every
 * id comes from the seed.
 */
const ENDPOINTS: Endpoint[] = [
  { name: 'GET /api/audit', method: 'GET', caller: 'admin', path: () => `/api/audit${FIRST_PAGE}` },
  { name: 'GET /api/people', method: 'GET', caller: 'admin', path: () => `/api/people${FIRST_PAGE}` },
  { name: 'GET /api/bodies', method: 'GET', caller: 'admin', path: () => `/api/bodies${FIRST_PAGE}` },
  { name: 'GET /api/committees', method: 'GET', caller: 'admin', path: () => `/api/committees${FIRST_PAGE}` },
  { name: 'GET /api/committees/:id/members', method: 'GET', caller: 'secretary', path: (seed) => `/api/committees/${seed.committeeId}/members${FIRST_PAGE}` },
  { name: 'GET /api/committees/:id/meetings', method: 'GET', caller: 'secretary', path: (seed) => `/api/committees/${seed.committeeId}/meetings${FIRST_PAGE}` },
  { name: 'GET /api/public/committees', method: 'GET', caller: 'anyone', path: () => `/api/public/committees${FIRST_PAGE}` },
  { name: 'GET /api/public/meetings', method: 'GET', caller: 'anyone', path: () => `/api/public/meetings${FIRST_PAGE}` },
  { name: 'GET /api/meetings/:id/deliveries', method: 'GET', caller: 'secretary', path: (seed) => `/api/meetings/${seed.meetingId}/deliveries${FIRST_PAGE}` },
  { name: 'GET /api/me/meetings', method: 'GET', caller: 'member', path: () => `/api/me/meetings${FIRST_PAGE}` },
  { name: 'GET /api/cases/:caseNumber', method: 'GET', caller: 'member', path: (seed) => `/api/cases/${encodeURIComponent(seed.caseNumber)}${FIRST_PAGE}` },
  { name: 'GET /api/meetings/:id (20 items)', method: 'GET', caller: 'member', path: (seed) => `/api/meetings/${seed.meetingId}` },
  {
    name: 'POST /api/meetings/:id/transitions publish',
    method: 'POST',
    caller: 'secretary',
    path: (seed, n) => `/api/meetings/${seed.meetingsToPublish[n]}/transitions`,
    body: () => ({ event: 'publish' }),
    samples: (quick) => (quick ? 15 : MEETINGS_TO_PUBLISH),
  },
  {
    name: 'POST /api/auth/login',
    method: 'POST',
    caller: 'anyone',
    path: () => '/api/auth/login',
    body: (seed) => ({ email: seed.memberEmail, password: FIXTURE_PASSWORD }),
    samples: (quick) => (quick ? 10 : 30),
  },
];

const OK_STATUSES = new Set([200, 201]);

interface Installation {
  system: RunningSystem;
  seed: SeededInstallation;
  baseUrl: string;
  tokens: Record<Caller, string | undefined>;
}

async function startInstallation(env: BenchEnvironment, size: InstallationSize, tag: string): Promise<Installation> {
  const name = `${env.runId}-${tag}`;
  // No worker: publishing's e-mails wait in the outbox, so what is timed is the API's work alone.
  const system = await startSystem({ name, databaseUrl: databaseUrl(name.replace(/-/g, '_'), SERVER_URL), apis: 1, workers: 0, env: { LOG_LEVEL: 'warn' } });
  try {
    const seedStarted = Date.now();
    const seed = await seedInstallation(system.db, size);
    console.log(`  seeded ${size.label} in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s`);
    const api = system.cluster.client();
    const tokens = {
      admin: await system.cluster.admin(),
      member: await api.login(seed.memberEmail, FIXTURE_PASSWORD),
      secretary: await api.login(seed.secretaryEmail, FIXTURE_PASSWORD),
      anyone: undefined,
    };
    return { system, seed, baseUrl: api.baseUrl, tokens };
  } catch (error) {
    await system.close({ keepLogs: true });
    throw error;
  }
}

/** One request, timed from sending to the last byte of the answer (ms). */
async function timedRequest(installation: Installation, endpoint: Endpoint, n: number): Promise<number> {
  const token = installation.tokens[endpoint.caller];
  const body = endpoint.body?.(installation.seed);
  const path = endpoint.path(installation.seed, n);
  const started = performance.now();
  const response = await fetch(`${installation.baseUrl}${path}`, {
    method: endpoint.method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (!OK_STATUSES.has(response.status)) throw new Error(`${endpoint.method} ${path} at ${installation.seed.size.label}: ${response.status} ${Buffer.from(answer).toString('utf8').slice(0, 300)}`);
  return elapsed;
}

const formatMs = (value: number) => formatNumber(value, value < 10 ? 1 : 0);

/**
 * (8) Cost that does not grow with the installation: the same requests against a small installation (100 meetings)
 * and a large one (issue 13: 30 committees, 5,000 meetings of 20 items, 500 people, 1,000,000 audit rows, 200,000
 * deliveries), each seeded in SQL into a database of its own with an API of its own. Requests are sent one at a time
 * and alternate between the two, so a slow patch of the machine falls on both; each endpoint's p50 and p99 at both
 * sizes, the ratio large / small of the p50s.
 */
export async function installationScaleFigures(env: BenchEnvironment): Promise<FigureRow[]> {
  const large = env.quick ? QUICK_LARGE : LARGE;
  const listSamples = env.quick ? 40 : 200;
  const warmUp = env.quick ? 5 : 20;
  const installations: Installation[] = [];
  try {
    installations.push(await startInstallation(env, SMALL, 'small'));
    installations.push(await startInstallation(env, large, 'large'));
    const rows: FigureRow[] = [];
    for (const endpoint of ENDPOINTS) {
      const samples = endpoint.samples?.(env.quick) ?? listSamples;
      const times: number[][] = installations.map(() => []);
      const changes = Boolean(endpoint.samples);
      if (!changes) for (let n = 0; n < warmUp; n++) for (const installation of installations) await timedRequest(installation, endpoint, n);
      for (let n = 0; n < samples; n++) {
        for (const [index, installation] of installations.entries()) times[index].push(await timedRequest(installation, endpoint, n));
      }
      const [small, big] = times.map((values) => ({ p50: percentile(values, 50), p99: percentile(values, 99) }));
      const ratio = big.p50 / small.p50;
      rows.push({
        figure: `8. ${endpoint.name} (ms, p50 / p99 of ${samples}, one at a time) at ${large.label}`,
        ours: `${formatMs(big.p50)} / ${formatMs(big.p99)}`,
        baseline: `${formatMs(small.p50)} / ${formatMs(small.p99)} (${SMALL.label})`,
        ratio,
        goal: { text: '≤ 1.5', met: ratio <= 1.5 },
      });
    }
    return rows;
  } finally {
    for (const installation of installations) await installation.system.close();
  }
}
