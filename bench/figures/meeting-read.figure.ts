import autocannon from 'autocannon';
import type { BenchEnvironment } from '../bench-environment.js';
import { ApiClient, freePort, NodeProcess, sleep, waitForHealthy } from '@app/test-kit';
import { type FigureRow, formatNumber } from '../support/figure-table.js';
import { median } from '../support/statistics.js';

const CONNECTIONS = 50;
const READ_ITEMS = 30;
const STATEMENT_SIZES = [10, 100] as const;
const PUBLISH_SIZES = [5, 30] as const;
/** Publishing's statements whatever the agenda's length: every kind of row written in one set-based statement. */
const PUBLISH_STATEMENT_GOAL = 20;
/** The bare route's statements: the meeting, then its items and its attendance (it checks no login). */
const BARE_STATEMENTS = 3;

async function requestsPerSecond(url: string, token: string, seconds: number): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, pipelining: 1, duration: seconds, headers: { authorization: `Bearer ${token}` } });
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} answers other than 2xx`);
  }
  return result.requests.average;
}

/** The answer with every object's keys in one order, so that two answers compare by what they say. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
}

/** The first place where the bare route's answer differs from the API's, or null when they say the same, so the comparison is of like with like. */
function firstDifference(ours: unknown, bare: unknown, path = ''): string | null {
  if (JSON.stringify(canonical(ours)) === JSON.stringify(canonical(bare))) return null;
  if (ours && bare && typeof ours === 'object' && typeof bare === 'object') {
    for (const key of new Set([...Object.keys(ours), ...Object.keys(bare)])) {
      const found = firstDifference((ours as Record<string, unknown>)[key], (bare as Record<string, unknown>)[key], `${path}/${key}`);
      if (found) return found;
    }
  }
  return `${path || '/'}: the API says ${JSON.stringify(ours)?.slice(0, 200)}, the bare route ${JSON.stringify(bare)?.slice(0, 200)}`;
}

/**
 * (1) Reading a published meeting of 30 items through the API against a bare Fastify + pg route answering the same
 * JSON (checked field for field), with autocannon (50 connections, no pipelining), rounds taking turns; and (1b)
 * against the same route sending prepared statements, as the API does, to show what its layers cost like for like.
 * (2) The SQL statements of that read with 10 and with 100 items, from the x-sql-statements header; (2b) those of
 * publishing a meeting of 5 and of 30 ready items.
 */
export async function meetingReadFigures(env: BenchEnvironment): Promise<FigureRow[]> {
  const { committee, scale } = env;
  const meetings = env.fixtures.meetings(committee.committeeId, committee.secretary.token);
  const member = committee.members[0];
  const read30 = await meetings.publishedMeeting({ startsAt: '2027-03-01T09:00:00+01:00', itemCount: READ_ITEMS });

  const port = await freePort();
  const bareServer = new NodeProcess({
    name: 'bare-meeting-read-server',
    script: env.cluster.build.path('bench/baselines/bare-meeting-read-server.js'),
    env: { DATABASE_URL: env.databaseUrl, PORT: String(port) },
    logDir: env.cluster.logDir,
    ready: () => waitForHealthy(`http://127.0.0.1:${port}`),
  });
  await bareServer.start();
  try {
    const oursUrl = `${env.api.baseUrl}/api/meetings/${read30.meetingId}`;
    const barePaths = [`/api/meetings/${read30.meetingId}`, `/api/prepared/meetings/${read30.meetingId}`];
    const bare = new ApiClient(`http://127.0.0.1:${port}`);
    const ours = await env.api.expect(200, 'GET', `/api/meetings/${read30.meetingId}`, { token: member.token });
    for (const path of barePaths) {
      const difference = firstDifference(ours, await bare.expect(200, 'GET', path));
      if (difference) throw new Error(`The bare route ${path} does not answer what the API answers: ${difference}`);
    }
    const urls = [oursUrl, ...barePaths.map((path) => `http://127.0.0.1:${port}${path}`)];

    // All warm up (JIT, connection pools, prepared statements) before anything counts.
    for (const url of urls) await requestsPerSecond(url, member.token, 2);
    const rounds: number[][] = urls.map(() => []);
    for (let round = 0; round < scale.rounds; round++) {
      // Taking turns, so a slow patch of the machine does not fall on one side only.
      for (const [index, url] of urls.entries()) {
        rounds[index].push(await requestsPerSecond(url, member.token, scale.readSeconds));
        await sleep(500);
      }
    }
    const [oursRps, bareRps, barePreparedRps] = rounds.map(median);
    const ratio = oursRps / bareRps;
    const preparedRatio = oursRps / barePreparedRps;

    const counts: number[] = [];
    for (const [index, itemCount] of STATEMENT_SIZES.entries()) {
      const { meetingId } = await meetings.publishedMeeting({ startsAt: `2027-03-0${index + 2}T09:00:00+01:00`, itemCount });
      const response = await env.api.request('GET', `/api/meetings/${meetingId}`, { token: member.token });
      if (response.status !== 200 || response.body.items.length !== itemCount) throw new Error(`Reading the meeting of ${itemCount} items failed: ${response.status}`);
      counts.push(Number(response.headers['x-sql-statements']));
    }
    const [small, large] = counts;

    const publishCounts: number[] = [];
    for (const [index, itemCount] of PUBLISH_SIZES.entries()) {
      const { meetingId } = await meetings.meetingWithReadyItems({ startsAt: `2027-03-0${index + 5}T09:00:00+01:00`, itemCount });
      const response = await env.api.request('POST', `/api/meetings/${meetingId}/transitions`, { token: committee.secretary.token, body: { event: 'publish' } });
      if (response.status !== 200) throw new Error(`Publishing the meeting of ${itemCount} items failed: ${response.status}`);
      publishCounts.push(Number(response.headers['x-sql-statements']));
    }
    const [publishSmall, publishLarge] = publishCounts;
    const publishGoalMet = publishSmall === publishLarge && publishLarge <= PUBLISH_STATEMENT_GOAL;

    return [
      {
        figure: `1. read a published meeting of ${READ_ITEMS} items (req/s, ${CONNECTIONS} connections, median of ${scale.rounds})`,
        ours: formatNumber(oursRps),
        baseline: `${formatNumber(bareRps)} (bare Fastify + pg)`,
        ratio,
        goal: { text: '≥ 0.70', met: ratio >= 0.7 },
        ciGoal: { text: '≥ 0.40', met: ratio >= 0.4 },
      },
      {
        // The API sends its hot statements prepared; this is the price of its layers against a bare route that does too.
        figure: `1b. the same read against the bare route sending prepared statements too`,
        ours: formatNumber(oursRps),
        baseline: `${formatNumber(barePreparedRps)} (bare Fastify + pg, prepared)`,
        ratio: preparedRatio,
        goal: { text: '≥ 0.70', met: preparedRatio >= 0.7 },
        ciGoal: { text: '≥ 0.25', met: preparedRatio >= 0.25 },
      },
      {
        figure: `2. SQL statements of that read, ${STATEMENT_SIZES[0]} / ${STATEMENT_SIZES[1]} items`,
        ours: `${small} / ${large}`,
        baseline: `${BARE_STATEMENTS} / ${BARE_STATEMENTS} (no login)`,
        ratio: large / small,
        goal: { text: 'equal, ≤ 4', met: small === large && large <= 4 },
        ciGoal: { text: 'equal, ≤ 4', met: small === large && large <= 4 },
      },
      {
        figure: `2b. SQL statements of publishing a meeting, ${PUBLISH_SIZES[0]} / ${PUBLISH_SIZES[1]} ready items`,
        ours: `${publishSmall} / ${publishLarge}`,
        baseline: '— (one statement per kind of row)',
        ratio: publishLarge / publishSmall,
        goal: { text: `equal, ≤ ${PUBLISH_STATEMENT_GOAL}`, met: publishGoalMet },
        ciGoal: { text: `equal, ≤ ${PUBLISH_STATEMENT_GOAL}`, met: publishGoalMet },
      },
    ];
  } finally {
    await bareServer.close();
  }
}
