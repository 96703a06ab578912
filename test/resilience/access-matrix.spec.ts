import type { ApiClient, ApiResponse } from '@app/test-kit';
import { ACCESS_RULES } from './support/access-rules.js';
import { ACTORS, buildCommitteeWorld, type CommitteeWorld, credentialsOf, fillPath, tokenOf } from './support/committee-world.js';
import { type ApiOperation, loadOperations } from './support/openapi.js';
import { type ResilienceCluster, startResilienceCluster } from './support/resilience-cluster.js';
import { TIMEOUT_MS } from './support/resilience-scale.js';

/** A multipart endpoint gets a small text file in the field `file`, as a client would send it. */
async function call(api: ApiClient, operation: ApiOperation, path: string, token: string | undefined, body: unknown): Promise<ApiResponse> {
  if (!operation.multipart) return api.request(operation.method, path, { token, body });
  return api.upload(path, { bytes: 'Notat til punktet.', name: 'Notat.txt', type: 'text/plain' }, { token, method: operation.method });
}

describe('access matrix: every documented endpoint against every kind of caller', () => {
  let rc: ResilienceCluster;
  let world: CommitteeWorld;
  let operations: ApiOperation[];

  beforeAll(async () => {
    rc = await startResilienceCluster('access', { apis: 1, workers: 0 });
    world = await buildCommitteeWorld(rc.cluster.client(), await rc.cluster.admin());
    operations = await loadOperations(rc.cluster.client());
  }, TIMEOUT_MS);
  afterAll(() => rc?.close(), TIMEOUT_MS);

  it('has a rule from API.md for every endpoint the OpenAPI document lists', () => {
    expect(operations.map((operation) => operation.key).filter((key) => !ACCESS_RULES[key])).toEqual([]);
    expect(Object.keys(ACCESS_RULES).filter((key) => !operations.some((operation) => operation.key === key))).toEqual([]);
  }, TIMEOUT_MS);

  it('refuses exactly whom API.md refuses: 401 without a login, 403 for a role that may not, never a 5xx', async () => {
    const api = rc.cluster.client();
    const mismatches: string[] = [];
    const lines: string[] = [`${'endpoint'.padEnd(62)} ${ACTORS.map((actor) => actor.padStart(15)).join('')}`];
    let cells = 0;
    // Reads first, so they meet the world as built; then the writes.
    const ordered = [...operations.filter((o) => o.method === 'GET'), ...operations.filter((o) => o.method !== 'GET')];
    for (const operation of ordered) {
      for (const rule of ACCESS_RULES[operation.key] ?? []) {
        const path = fillPath(operation.path, world);
        const statuses = new Map<string, string>();
        // The refused first: a refused call changes nothing, so each of them meets the state in which the call
        // would be legal for the allowed (a workflow checks the state before the role).
        const callers = [...ACTORS.filter((actor) => !rule.allowed.includes(actor)), ...ACTORS.filter((actor) => rule.allowed.includes(actor))];
        for (const actor of callers) {
          const token = rule.endsSession && actor !== 'anonymous' ? await api.login(credentialsOf(world, actor).email, credentialsOf(world, actor).password) : tokenOf(world, actor);
          const response = await call(api, operation, path, token, rule.body?.(world));
          const allowed = rule.allowed.includes(actor);
          const refusal = actor === 'anonymous' ? 401 : 403;
          const ok = response.status < 500 && (allowed ? response.status !== 401 && response.status !== 403 : response.status === refusal);
          cells += 1;
          statuses.set(actor, `${ok ? '' : '!'}${response.status}`.padStart(15));
          if (!ok) mismatches.push(`${operation.method} ${path}${rule.label ? ` (${rule.label})` : ''} as ${actor}: ${response.status}, expected ${allowed ? 'not 401/403' : refusal}: ${response.text.slice(0, 200)}`);
        }
        lines.push(`${`${operation.key}${rule.label ? ` ${rule.label}` : ''}`.slice(0, 62).padEnd(62)} ${ACTORS.map((actor) => statuses.get(actor)).join('')}`);
      }
    }
    console.log(`Access matrix, ${cells} calls ("!" marks a mismatch with API.md):\n${lines.join('\n')}`);
    expect(mismatches).toEqual([]);
  }, TIMEOUT_MS);

});
