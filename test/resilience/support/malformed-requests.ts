import { ACCESS_RULES } from './access-rules.js';
import { type CommitteeWorld, fillPath } from './committee-world.js';
import type { ApiOperation, SchemaObject } from './openapi.js';

export const MALFORMED_KINDS = [
  'wrong-type',
  'unknown-field',
  'huge-string',
  'bad-id',
  'bad-date',
  'illegal-transition',
  'other-committee',
  'not-json',
] as const;
export type MalformedKind = (typeof MALFORMED_KINDS)[number];

export interface MalformedRequest {
  kind: MalformedKind;
  /** The endpoint's shape, `METHOD /api/path/{}`. */
  endpoint: string;
  /** What exactly is wrong, for the report. */
  what: string;
  method: string;
  path: string;
  /** JSON unless a string (sent as it is). */
  body?: unknown;
  contentType?: string;
  /** Sent as the other committee's secretary instead of the administrator. */
  asOtherSecretary?: boolean;
}

/** Ids that are not ids: wrong shape, path tricks, injection, and a well-formed id of nothing. */
const BAD_IDS = ['not-a-uuid', '12345', "1' OR '1'='1", '..%2F..%2Fetc%2Fpasswd', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-4fff-bfff-ffffffffffff'];
const BAD_DATES = ['2024-02-30', '2024-13-01', '31-12-2024', '2024-01-01T25:61:00+01:00', 'i morgen', '+275760-09-13', '2024-Q5', '24:00', ''];
/** Past any MaxLength of the API (the longest is 100,000), yet under the 1 MiB body limit, so validation must catch it. */
const HUGE = 'x'.repeat(1_000_000);
/** Over the body limit: refused before anything reads it. */
const OVERSIZED_BODY = JSON.stringify({ text: 'y'.repeat(1_100_000) });
const EVENTS_NEVER_FIRED_BY_HAND = ['nonsense', '', 'put-on-agenda', 'supersede', 'seal', 'approve', 'hold', 'close', 'decide', 'complete'];

/** A value of the wrong JSON type for the property. */
function wrongValuesFor(schema: SchemaObject): unknown[] {
  switch (schema.type) {
    case 'string':
      return [12345, true, { nested: 'object' }, ['list']];
    case 'integer':
    case 'number':
      return ['seven', 1.5, { n: 1 }, -1e308];
    case 'boolean':
      return ['yes', 1, null];
    case 'array':
      return ['not a list', { 0: 'a' }, [{ nested: true }]];
    default:
      return [12345, 'text', []];
  }
}

function looksLikeDate(name: string, schema: SchemaObject): boolean {
  const example = typeof schema.example === 'string' ? schema.example : '';
  return schema.format === 'date' || schema.format === 'date-time' || /date|time|quarter|startsat|endsat|until/i.test(name) || /^\d{4}-\d\d-\d\d|^\d\d:\d\d$|^\d{4}-Q\d$/.test(example);
}

/** Every malformed variant of one write endpoint, from its valid body in the access rules. */
function variantsOf(operation: ApiOperation, world: CommitteeWorld): MalformedRequest[] {
  const rule = ACCESS_RULES[operation.key]?.[0];
  const base = (rule?.body?.(world) ?? {}) as Record<string, unknown>;
  const path = fillPath(operation.path, world);
  const at = { method: operation.method, path, endpoint: operation.key };
  const properties = Object.entries(operation.body?.properties ?? {});
  const variants: MalformedRequest[] = [];

  for (const badId of BAD_IDS) {
    for (const param of operation.params) {
      variants.push({ ...at, kind: 'bad-id', what: `${param} = ${badId}`, path: fillPath(operation.path.replace(`{${param}}`, badId), world), body: operation.body ? base : undefined });
    }
    for (const [name, schema] of properties) {
      if (schema.format === 'uuid' || /Id$/.test(name)) variants.push({ ...at, kind: 'bad-id', what: `${name} = ${badId}`, body: { ...base, [name]: badId } });
    }
  }
  if (rule && !rule.allowed.includes('other-secretary')) {
    variants.push({ ...at, kind: 'other-committee', what: 'as the secretary of another committee', body: operation.body ? base : undefined, asOtherSecretary: true });
  }
  if (operation.multipart) {
    variants.push({ ...at, kind: 'not-json', what: 'JSON instead of a file', body: { file: 'not a file' } });
    variants.push({ ...at, kind: 'not-json', what: 'no file part', body: '--x--\r\n', contentType: 'multipart/form-data; boundary=x' });
  }
  if (!operation.body) return variants;

  for (const [name, schema] of properties) {
    for (const wrong of wrongValuesFor(schema)) variants.push({ ...at, kind: 'wrong-type', what: `${name} = ${JSON.stringify(wrong)}`, body: { ...base, [name]: wrong } });
    if (schema.type === 'string') variants.push({ ...at, kind: 'huge-string', what: `${name} of ${HUGE.length} characters`, body: { ...base, [name]: HUGE } });
    if (schema.type === 'array') variants.push({ ...at, kind: 'huge-string', what: `${name} with a huge element`, body: { ...base, [name]: [HUGE] } });
    if (looksLikeDate(name, schema)) for (const date of BAD_DATES) variants.push({ ...at, kind: 'bad-date', what: `${name} = ${JSON.stringify(date)}`, body: { ...base, [name]: date } });
  }
  variants.push(
    { ...at, kind: 'unknown-field', what: 'an unknown field', body: { ...base, unknownField: 'x' } },
    { ...at, kind: 'unknown-field', what: 'a role smuggled in', body: { ...base, isAdmin: true, roles: ['admin'] } },
    { ...at, kind: 'unknown-field', what: '__proto__', body: JSON.stringify(base).replace(/^\{/, `{"__proto__": {"polluted": true}${Object.keys(base).length ? ',' : ''}`), contentType: 'application/json' },
    { ...at, kind: 'unknown-field', what: 'a server-owned field', body: { ...base, id: world.ids.meeting, state: 'approved', rowVersion: 'x' } },
    { ...at, kind: 'huge-string', what: 'a body over the 1 MiB limit', body: OVERSIZED_BODY, contentType: 'text/plain;charset=UTF-8' },
    { ...at, kind: 'not-json', what: 'broken JSON', body: '{"title": "Punkt', contentType: 'application/json' },
    { ...at, kind: 'not-json', what: 'a JSON array', body: [base] },
    { ...at, kind: 'not-json', what: 'JSON null', body: 'null', contentType: 'application/json' },
    { ...at, kind: 'not-json', what: 'plain text', body: 'Punkt 1', contentType: 'text/plain' },
  );
  if (operation.path.endsWith('/transitions')) {
    for (const event of EVENTS_NEVER_FIRED_BY_HAND) variants.push({ ...at, kind: 'illegal-transition', what: `event ${JSON.stringify(event)}`, body: { event } });
  }
  return variants;
}

/**
 * `count` malformed requests over every write endpoint of the document, taken round-robin by endpoint and by
 * kind, so every endpoint and every kind is hit before any repeats.
 */
export function generateMalformedRequests(operations: readonly ApiOperation[], world: CommitteeWorld, count: number): MalformedRequest[] {
  const writes = operations.filter((operation) => operation.method !== 'GET');
  const queues = writes.map((operation) => {
    const variants = variantsOf(operation, world);
    const byKind = MALFORMED_KINDS.map((kind) => variants.filter((variant) => variant.kind === kind));
    const interleaved: MalformedRequest[] = [];
    for (let i = 0; byKind.some((list) => i < list.length); i++) for (const list of byKind) if (i < list.length) interleaved.push(list[i]);
    return interleaved;
  });
  const requests: MalformedRequest[] = [];
  for (let round = 0; requests.length < count && queues.some((queue) => round < queue.length); round++) {
    for (const queue of queues) if (round < queue.length && requests.length < count) requests.push(queue[round]);
  }
  return requests;
}
