import type pg from 'pg';
import { type ApiClient, type CommitteeFixture, Fixtures, type MeetingFixtures, sleep } from '@app/test-kit';
import { type ResilienceCluster, startResilienceCluster } from './support/resilience-cluster.js';
import { SCALE, TIMEOUT_MS } from './support/resilience-scale.js';

/** A record in a state from which each of `events` is legal, and who may fire them. */
interface Race {
  /** The record's transitions endpoint. */
  path: string;
  recordId: string;
  token: string;
  /** Fired round-robin by the racers: different events from one state conflict just as the same one twice does. */
  events: string[];
}

type RacePreparer = (api: ApiClient, committee: CommitteeFixture, meetings: MeetingFixtures, db: pg.Pool) => Promise<Race>;

let meetingDay = 0;
/** A fresh day for each meeting the races make, in the committee's open mandate. */
const nextDay = (year = 2027) => `${year}-0${1 + (Math.floor(meetingDay / 28) % 9)}-${String(1 + (meetingDay++ % 28)).padStart(2, '0')}T09:00:00+01:00`;

/**
 * How to set up a race for each workflow the API serves (GET /api/workflows): a workflow without one fails the
 * spec, so a new workflow gets its race.
 */
const RACES: Record<string, RacePreparer> = {
  commission: async (api, committee) => {
    const commission = await api.expect(201, 'POST', `/api/committees/${committee.committeeId}/commissions`, {
      token: committee.secretary.token,
      body: { title: 'Kommissorium', purpose: 'Formål' },
    });
    return { path: `/api/commissions/${commission.id}/transitions`, recordId: commission.id, token: committee.secretary.token, events: ['submit'] };
  },
  phase: async (api, committee) => {
    const phase = await api.expect(201, 'POST', `/api/committees/${committee.committeeId}/phases`, {
      token: committee.secretary.token,
      body: { title: 'Fase', fromQuarter: '2028-Q1', toQuarter: '2028-Q2' },
    });
    return { path: `/api/phases/${phase.id}/transitions`, recordId: phase.id, token: committee.secretary.token, events: ['cancel'] };
  },
  meeting: async (_api, committee, meetings) => {
    const { meetingId } = await meetings.meetingWithReadyItems({ startsAt: nextDay(), itemCount: 1 });
    // All publish: a published meeting may still be cancelled, so a cancel served after the publish would rightly
    // succeed too; publish and cancel do not exclude each other.
    return { path: `/api/meetings/${meetingId}/transitions`, recordId: meetingId, token: committee.secretary.token, events: ['publish'] };
  },
  'agenda-item': async (api, committee, meetings) => {
    const { itemIds } = await meetings.meetingWithReadyItems({ startsAt: nextDay(), itemCount: 1 });
    return { path: `/api/items/${itemIds[0]}/transitions`, recordId: itemIds[0], token: committee.secretary.token, events: ['reopen'] };
  },
  minutes: async (api, committee, meetings, db) => {
    const secretary = committee.secretary.token;
    const { meetingId } = await meetings.heldMeeting({ startsAt: nextDay(2025), itemCount: 2 });
    const requested = await api.expect(202, 'POST', `/api/meetings/${meetingId}/minutes`, { token: secretary });
    for (let status = requested.state; status !== 'ready'; status = (await api.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`, { token: secretary })).state) {
      if (status === 'failed') throw new Error(`The minutes of ${meetingId} failed to assemble`);
      await sleep(200);
    }
    // The workflow runs on the minutes row, which the API names by its meeting.
    const { rows } = await db.query(`SELECT id FROM minutes WHERE meeting_id = $1`, [meetingId]);
    return { path: `/api/meetings/${meetingId}/minutes/transitions`, recordId: rows[0].id, token: committee.chair.token, events: ['approve'] };
  },
};

describe(`${SCALE.racers} concurrent conflicting transitions on each workflow`, () => {
  let rc: ResilienceCluster;
  let fixtures: Fixtures;
  let committee: CommitteeFixture;
  let workflows: string[];

  beforeAll(async () => {
    // Two APIs, so the racers meet in PostgreSQL and not in one process; a worker assembles the minutes.
    rc = await startResilienceCluster('races', { apis: 2, workers: 1 });
    fixtures = new Fixtures(rc.cluster.client(), await rc.cluster.admin());
    committee = await fixtures.staffedCommittee({ bodyId: (await fixtures.body()).id, name: 'Kapløbsudvalget', memberCount: 2 });
    workflows = (await rc.cluster.client().expect(200, 'GET', '/api/workflows', { token: committee.secretary.token })).map((w: { name: string }) => w.name);
  }, TIMEOUT_MS);
  afterAll(() => rc?.close(), TIMEOUT_MS);

  it('has a race for every workflow the API serves', () => {
    expect(workflows.filter((name) => !RACES[name])).toEqual([]);
  });

  it('gives exactly one success, 409 to the rest, and one history row and one audit row', async () => {
    const outcomes: Record<string, unknown> = {};
    for (const name of workflows.filter((workflow) => RACES[workflow])) {
      const api = rc.cluster.client();
      const race = await RACES[name](api, committee, fixtures.meetings(committee.committeeId, committee.secretary.token), rc.db);
      const countRows = async () => {
        const { rows } = await rc.db.query(
          `SELECT (SELECT count(*)::int FROM workflow_transition WHERE workflow = $1 AND record_id = $2 AND event = ANY($3)) AS history,
                  (SELECT count(*)::int FROM audit_entry WHERE entity_type = $1 AND entity_id = $2::text AND action = ANY($4)) AS audit`,
          [name, race.recordId, race.events, race.events.map((event) => `${name}.${event}`)],
        );
        return rows[0] as { history: number; audit: number };
      };
      const before = await countRows();
      const statuses = await Promise.all(
        Array.from({ length: SCALE.racers }, (_, i) =>
          rc.cluster.client(i % rc.cluster.apis.length).request('POST', race.path, { token: race.token, body: { event: race.events[i % race.events.length] } }),
        ),
      ).then((responses) => responses.map((response) => response.status));
      const after = await countRows();
      const tally = Object.fromEntries([...new Set(statuses)].sort().map((status) => [status, statuses.filter((s) => s === status).length]));
      outcomes[name] = { answers: tally, historyRows: after.history - before.history, auditRows: after.audit - before.audit };
    }
    console.log(`${SCALE.racers} racers per workflow over ${rc.cluster.apis.length} APIs:\n${JSON.stringify(outcomes, null, 2)}`);
    const expected = { answers: { 200: 1, 409: SCALE.racers - 1 }, historyRows: 1, auditRows: 1 };
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(outcomes).map((name) => [name, expected])));
  }, TIMEOUT_MS);
});
