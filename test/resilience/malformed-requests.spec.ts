import { buildCommitteeWorld, type CommitteeWorld } from './support/committee-world.js';
import { changedTables, fingerprint } from '@app/test-kit';
import { generateMalformedRequests, type MalformedRequest } from './support/malformed-requests.js';
import { loadOperations } from './support/openapi.js';
import { type ResilienceCluster, startResilienceCluster } from './support/resilience-cluster.js';
import { SCALE, TIMEOUT_MS } from './support/resilience-scale.js';

const IN_FLIGHT = 8;

interface Answer {
  request: MalformedRequest;
  status: number;
  text: string;
}

describe('malformed requests against every write endpoint', () => {
  let rc: ResilienceCluster;
  let world: CommitteeWorld;

  beforeAll(async () => {
    // No worker: nothing changes rows in the background, so any change is the requests'.
    rc = await startResilienceCluster('malformed', { apis: 1, workers: 0 });
    world = await buildCommitteeWorld(rc.cluster.client(), await rc.cluster.admin());
  }, TIMEOUT_MS);
  afterAll(() => rc?.close(), TIMEOUT_MS);

  it(`${SCALE.malformedRequests} generated malformed requests give no 5xx and change no row`, async () => {
    const api = rc.cluster.client();
    const operations = await loadOperations(api);
    const requests = generateMalformedRequests(operations, world, SCALE.malformedRequests);
    expect(requests).toHaveLength(SCALE.malformedRequests);

    const before = await fingerprint(rc.db);
    const { rows: auditBefore } = await rc.db.query(`SELECT coalesce(array_agg(id), '{}') AS ids FROM audit_entry`);
    const answers: Answer[] = [];
    const queue = [...requests];
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let request = queue.shift(); request; request = queue.shift()) {
          const response = await api.request(request.method, request.path, {
            token: request.asOtherSecretary ? world.otherSecretary.token : world.adminToken,
            body: request.body,
            headers: request.contentType ? { 'content-type': request.contentType } : {},
          });
          answers.push({ request, status: response.status, text: response.text.slice(0, 300) });
        }
      }),
    );
    const after = await fingerprint(rc.db);
    const { rows: newAudit } = await rc.db.query(`SELECT action, count(*)::int AS count FROM audit_entry WHERE id <> ALL($1::uuid[]) GROUP BY action`, [auditBefore[0].ids]);

    const byKind = new Map<string, Map<number, number>>();
    for (const { request, status } of answers) {
      const statuses = byKind.get(request.kind) ?? new Map<number, number>();
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      byKind.set(request.kind, statuses);
    }
    const endpoints = new Set(requests.map((request) => request.endpoint)).size;
    console.log(
      [
        `${answers.length} malformed requests over ${endpoints} of the ${operations.filter((o) => o.method !== 'GET').length} write endpoints:`,
        ...[...byKind].map(([kind, statuses]) => `  ${kind.padEnd(20)} ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join('  ')}`),
        `  tables changed: ${Object.keys(changedTables(before, after)).length} of ${Object.keys(before).length}; audit entries added: ${JSON.stringify(newAudit)}`,
      ].join('\n'),
    );

    const explain = ({ request, status, text }: Answer) => `${status} ${request.kind} ${request.method} ${request.path} (${request.what}): ${text}`;
    // Answered as if valid, though nothing changed (the checks below): worth knowing, not what the suite guards.
    const accepted = answers.filter((answer) => answer.status < 400);
    if (accepted.length) console.log(`Accepted without a change (${accepted.length}):\n  ${accepted.map(explain).join('\n  ')}`);
    expect(answers.filter((answer) => answer.status >= 500).map(explain)).toEqual([]);
    expect(changedTables(before, after)).toEqual({});
    // Refusals are audited on purpose (401, 403, 429); nothing else may have been written.
    expect(newAudit.filter((row: { action: string }) => row.action !== 'request.refused')).toEqual([]);
  }, TIMEOUT_MS);
});
