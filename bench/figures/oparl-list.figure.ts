import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import type { BenchEnvironment } from '../bench-environment.js';
import { ApiClient, freePort, NodeProcess, sleep, waitForHealthy } from '@app/test-kit';
import { type FigureRow, formatNumber } from '../support/figure-table.js';
import { median } from '../support/statistics.js';

/** Fewer than the meeting read's 50: a page is some 860 kB, and 50 at once would only queue behind each other. */
const CONNECTIONS = 10;
/** One full page: OParl's lists answer at most 100 objects a page. */
const MEETINGS = 100;
/** Items per meeting, the last of them closed. */
const ITEMS = 5;

async function requestsPerSecond(url: string, seconds: number): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, pipelining: 1, duration: seconds });
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} answers other than 2xx`);
  }
  return result.requests.average;
}

/**
 * (9) The first page of OParl's list of a body's meetings (100 meetings of 5 items each, a closed one among them,
 * each meeting with its agenda and referat PDFs and a Bilag on every open item),
 * without login, against a bare Fastify + pg route answering the same JSON from one prepared statement; autocannon,
 * CONNECTIONS connections, rounds taking turns. The meetings are held ones, seeded in SQL into a body of their own, so the page
 * is the same whatever the other figures made.
 */
export async function oparlListFigures(env: BenchEnvironment): Promise<FigureRow[]> {
  const { scale } = env;
  const body = await env.fixtures.body({ name: 'Open-data Kommune' });
  const committee = await env.fixtures.committee({ bodyId: body.id, name: 'Børne- og Ungeudvalget', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
  await env.db.query(
    `WITH meetings AS (
       INSERT INTO meeting (committee_id, title, starts_at, ends_at, location, state, sequence, published_at)
       SELECT $1, 'Ordinært møde', timestamptz '2025-01-06 09:00+01' + n * interval '7 days', timestamptz '2025-01-06 12:00+01' + n * interval '7 days',
              'Rådhuset, Mødelokale 2', 'held', 1, timestamptz '2024-12-27 09:00+01' + n * interval '7 days'
         FROM generate_series(1, $2::int) AS n
       RETURNING id)
     INSERT INTO agenda_item (meeting_id, number, title, case_number, start_time, end_time, closed, closed_reason, public_title, summary, decision, attachment_names, state)
     SELECT m.id, k, 'Punkt ' || k || ': Status på dagtilbudsområdet', '28.00.00-A00-' || k || '-25', to_char(time '09:00' + (k - 1) * interval '30 minutes', 'HH24:MI'), to_char(time '09:25' + (k - 1) * interval '30 minutes', 'HH24:MI'),
            k = $3, CASE WHEN k = $3 THEN 'personal-matter' END, CASE WHEN k = $3 THEN 'Personalesag' END,
            'Udvalget orienteres om status og drøfter de næste skridt.', 'Orienteringen blev taget til efterretning.', ARRAY['Bilag ' || k || '.pdf'], 'decided'
       FROM meetings m CROSS JOIN generate_series(1, $3::int) AS k`,
    [committee.id, MEETINGS, ITEMS],
  );
  // Each meeting's files as open data describes them: its public agenda PDF, its published referat, a Bilag on
  // every open item. The bytes are never read by the page, so the rows name stand-in hashes.
  await env.db.query(
    `WITH meetings AS (SELECT m.id, m.published_at FROM meeting m WHERE m.committee_id = $1),
          agendas AS (INSERT INTO agenda_document (meeting_id, variant, source_hash, sha256, size, sha512, built_at)
                      SELECT id, 'public', md5(id::text), repeat('a', 64), 48213, repeat('b', 128), published_at + interval '1 minute' FROM meetings),
          minutes AS (INSERT INTO minutes (meeting_id, state, assembly, progress, published_at)
                      SELECT id, 'published', 'ready', 100, published_at + interval '10 days' FROM meetings RETURNING id)
     INSERT INTO minutes_file (minutes_id, variant, format, edition, sha256, sha512, size)
     SELECT id, 'public', 'pdf', 'assembled', repeat('c', 64), repeat('d', 128), 61877 FROM minutes`,
    [committee.id],
  );
  await env.db.query(
    `INSERT INTO item_attachment (item_id, name, content_type, size, sha256, sha512)
     SELECT i.id, 'Bilag ' || i.number || ' - Notat.pdf', 'application/pdf', 120000 + i.number, repeat('e', 64), repeat('f', 128)
       FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE m.committee_id = $1 AND NOT i.closed`,
    [committee.id],
  );

  // Measured with the statistics an installation has: autovacuum would analyse the new rows only after the figure.
  await env.db.query('ANALYZE meeting, agenda_item, item_attachment, item_attachment_removal, agenda_document, minutes, minutes_file, committee');
  const system = await env.api.expect(200, 'GET', '/oparl/v1.1');
  const port = await freePort();
  const bareServer = new NodeProcess({
    name: 'bare-oparl-meetings-server',
    script: env.cluster.build.path('bench/baselines/bare-oparl-meetings-server.js'),
    env: { DATABASE_URL: env.databaseUrl, PORT: String(port), PUBLIC_BASE_URL: system.id.replace(/\/oparl\/v1\.1$/, '') },
    logDir: env.cluster.logDir,
    ready: () => waitForHealthy(`http://127.0.0.1:${port}`),
  });
  await bareServer.start();
  try {
    const path = `/oparl/v1.1/body/${body.id}/meeting`;
    const ours = await env.api.expect(200, 'GET', path);
    const bare = await new ApiClient(`http://127.0.0.1:${port}`).expect(200, 'GET', path);
    if (ours.data.length !== MEETINGS || !isDeepStrictEqual(ours.data, bare.data)) {
      const index = ours.data.findIndex((meeting: unknown, n: number) => !isDeepStrictEqual(meeting, bare.data[n]));
      const fields = Object.keys({ ...ours.data[index], ...bare.data[index] }).filter((key) => !isDeepStrictEqual(ours.data[index][key], bare.data[index]?.[key]));
      throw new Error(`The bare route ${path} does not answer the same ${MEETINGS} meetings as the API (${ours.data.length}; #${index} differs in ${fields.map((key) => `${key}: ${JSON.stringify(ours.data[index][key])?.slice(0, 300)} against ${JSON.stringify(bare.data[index]?.[key])?.slice(0, 300)}`).join('; ')})`);
    }
    const urls = [`${env.api.baseUrl}${path}`, `http://127.0.0.1:${port}${path}`];

    for (const url of urls) await requestsPerSecond(url, 2);
    const rounds: number[][] = urls.map(() => []);
    for (let round = 0; round < scale.rounds; round++) {
      for (const [index, url] of urls.entries()) {
        rounds[index].push(await requestsPerSecond(url, scale.readSeconds));
        await sleep(500);
      }
    }
    const [oursRps, bareRps] = rounds.map(median);
    const ratio = oursRps / bareRps;
    return [
      {
        figure: `9. an OParl list page of ${MEETINGS} meetings of ${ITEMS} items with their files, no login (req/s, ${CONNECTIONS} connections, median of ${scale.rounds})`,
        ours: formatNumber(oursRps),
        baseline: `${formatNumber(bareRps)} (bare Fastify + pg)`,
        ratio,
        goal: { text: '≥ 0.70', met: ratio >= 0.7 },
        ciGoal: { text: '≥ 0.50', met: ratio >= 0.5 },
      },
    ];
  } finally {
    await bareServer.close();
  }
}
