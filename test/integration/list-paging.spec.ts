import { type LoggedIn, startTestApp, type TestApp } from '@app/test-kit';

/** Follows a list's cursors from the first page to the last, keeping each page's ids. */
async function readAllPages(t: TestApp, path: string, token: string | undefined, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  const separator = path.includes('?') ? '&' : '?';
  let response = await t.request('GET', `${path}${separator}limit=${limit}`, { token });
  for (let pages = 1; ; pages++) {
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...response.body.items.map((row: { id: string }) => row.id));
    if (response.body.nextCursor === null) return { ids, pages };
    // The cursor alone carries the filters on.
    response = await t.request('GET', `${path.split('?')[0]}?limit=${limit}&cursor=${encodeURIComponent(response.body.nextCursor)}`, { token });
  }
}

describe('every list is paged by a stable key, over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let secretary: LoggedIn;
  let committeeId: string;
  let otherCommitteeId: string;
  /** Meetings of the committee, 130 of them starting at one instant. */
  let sameInstantMeetings: string[];
  let marchMeetings: string[];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Udvalg for paging', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    committeeId = committee.id;
    secretary = await fixtures.member(committeeId, 'secretary');
    otherCommitteeId = (await fixtures.committee({ bodyId: committee.bodyId, name: 'Andet udvalg', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null })).id;
    const insertMeetings = async (committee: string, count: number, startsAt: string, state: string): Promise<string[]> =>
      (
        await t.dataSource.query(
          `INSERT INTO meeting (committee_id, title, starts_at, location, state, published_at)
           SELECT $1, 'Møde ' || n, $2::timestamptz, 'Rådhuset', $3, now() FROM generate_series(1, $4) n RETURNING id`,
          [committee, startsAt, state, count],
        )
      ).map((row: { id: string }) => row.id);
    sameInstantMeetings = await insertMeetings(committeeId, 130, '2026-05-05T09:00:00.123456+02:00', 'published');
    marchMeetings = await insertMeetings(committeeId, 7, '2026-03-31T23:30:00+02:00', 'held');
    await insertMeetings(committeeId, 3, '2026-04-01T00:30:00+02:00', 'planned');
    await insertMeetings(otherCommitteeId, 4, '2026-03-15T10:00:00+01:00', 'published');
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads every meeting of a committee once, in pages, though 130 share one instant', async () => {
    const { ids, pages } = await readAllPages(t, `/api/committees/${committeeId}/meetings`, secretary.token, 50);
    expect(pages).toBe(3);
    expect(ids).toHaveLength(140);
    expect(new Set(ids).size).toBe(140);
    expect(ids.slice(0, 130).sort()).toEqual([...sameInstantMeetings].sort());
    // Newest first: the 130 of May, the 3 of April, then March's.
    expect(ids.slice(133).sort()).toEqual([...marchMeetings].sort());
  });

  it('gives more than the old 200 when asked, and nothing cut off silently', async () => {
    const first = await t.request('GET', `/api/committees/${committeeId}/meetings?limit=500`, { token: secretary.token });
    expect(first.body.items).toHaveLength(140);
    expect(first.body.nextCursor).toBeNull();
    expect((await t.request('GET', `/api/committees/${committeeId}/meetings?limit=501`, { token: secretary.token })).status).toBe(400);
    expect((await t.request('GET', `/api/committees/${committeeId}/meetings?limit=0`, { token: secretary.token })).status).toBe(400);
  });

  it('refuses a cursor not given out, and one from another committee’s list', async () => {
    const first = await t.request('GET', `/api/committees/${committeeId}/meetings?limit=10`, { token: admin });
    const bogus = await t.request('GET', `/api/committees/${committeeId}/meetings?cursor=bm90IGEgY3Vyc29y`, { token: admin });
    expect(bogus.status).toBe(400);
    expect(bogus.body.code).toBe('invalid_cursor');
    const elsewhere = await t.request('GET', `/api/committees/${otherCommitteeId}/meetings?cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: admin });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('cursor_filters_changed');
  });

  it('pages the public meetings searched by committee and days, the search kept in the cursor', async () => {
    const all = await readAllPages(t, `/api/public/meetings?committeeId=${committeeId}`, undefined, 40);
    // Planned meetings are not public.
    expect(all.ids).toHaveLength(137);
    expect(new Set(all.ids).size).toBe(137);
    expect(all.pages).toBe(4);

    // 2026-03-31 23:30 in Copenhagen is that day, though it is the 31st in UTC only until 21:30.
    const march = await readAllPages(t, `/api/public/meetings?committeeId=${committeeId}&from=2026-03-01&to=2026-03-31`, undefined, 3);
    expect(march.ids.sort()).toEqual([...marchMeetings].sort());
    expect(march.pages).toBe(3);
    const bothCommittees = await t.request('GET', '/api/public/meetings?from=2026-03-01&to=2026-03-31&limit=100');
    expect(bothCommittees.body.items).toHaveLength(11);
    expect((await t.request('GET', '/api/public/meetings?from=2026-04-01&to=2026-04-30')).body).toEqual({ items: [], nextCursor: null });

    const page = await t.request('GET', `/api/public/meetings?committeeId=${committeeId}&from=2026-03-01&limit=2`);
    const continued = await t.request('GET', `/api/public/meetings?committeeId=${committeeId}&from=2026-03-01&limit=2&cursor=${encodeURIComponent(page.body.nextCursor)}`);
    expect(continued.status).toBe(200);
    for (const changed of [`committeeId=${otherCommitteeId}`, 'from=2026-01-01', 'to=2026-12-31']) {
      const refused = await t.request('GET', `/api/public/meetings?${changed}&cursor=${encodeURIComponent(page.body.nextCursor)}`);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'cursor_filters_changed', message: expect.stringContaining(changed.split('=')[0]) });
    }
  });

  it('lists the committees with an agenda sent, by name, to search the portal by', async () => {
    const quiet = (await (await t.fixtures()).committee({ name: 'Aaa uden møder', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null })).id;
    const first = await t.request('GET', '/api/public/committees?limit=1');
    expect(first.body.items).toEqual([{ id: otherCommitteeId, name: 'Andet udvalg' }]);
    const second = await t.request('GET', `/api/public/committees?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body).toEqual({ items: [{ id: committeeId, name: 'Udvalg for paging' }], nextCursor: null });
    expect(JSON.stringify(second.body)).not.toContain(quiet);
  });

  it('refuses a reversed or malformed range of days', async () => {
    const reversed = await t.request('GET', '/api/public/meetings?from=2026-04-01&to=2026-03-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('date_range_reversed');
    expect((await t.request('GET', '/api/public/meetings?from=2026-02-30')).status).toBe(400);
    expect((await t.request('GET', '/api/public/meetings?to=31-03-2026')).status).toBe(400);
  });

  it('reads every person once, in pages, though 120 share one name, and keeps the search in the cursor', async () => {
    const inserted: string[] = (
      await t.dataSource.query(`INSERT INTO person (name, email) SELECT 'Samme Navnesen', 'samme' || n || '@paging.dk' FROM generate_series(1, 120) n RETURNING id`)
    ).map((row: { id: string }) => row.id);
    const { ids, pages } = await readAllPages(t, '/api/people?q=navnesen', admin, 25);
    expect(pages).toBe(5);
    expect(ids.sort()).toEqual([...inserted].sort());
    const everyone: { id: string }[] = await t.dataSource.query(`SELECT id FROM person ORDER BY name, id`);
    expect((await readAllPages(t, '/api/people', admin, 50)).ids).toEqual(everyone.map((row) => row.id));

    const first = await t.request('GET', '/api/people?q=navnesen&limit=25', { token: admin });
    const refused = await t.request('GET', `/api/people?q=andersen&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: admin });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('cursor_filters_changed');
  });

  it('reads every seat of a committee once, chair first, though 60 share their role, start and name', async () => {
    const fixtures = await t.fixtures();
    const committee = (await fixtures.committee({ name: 'Stort udvalg', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null })).id;
    const chair = await fixtures.member(committee, 'chair', {}, { startDate: '2024-06-01' });
    const seated: { id: string }[] = await t.dataSource.query(
      `INSERT INTO membership (committee_id, person_id, role, start_date)
       SELECT $1, p.id, 'member', '2024-01-01' FROM (SELECT id FROM person WHERE name = 'Samme Navnesen' LIMIT 60) p RETURNING id`,
      [committee],
    );
    expect(seated).toHaveLength(60);
    const { ids, pages } = await readAllPages(t, `/api/committees/${committee}/members`, admin, 25);
    expect(pages).toBe(3);
    expect(ids).toHaveLength(61);
    expect(new Set(ids).size).toBe(61);
    const first = await t.request('GET', `/api/committees/${committee}/members?limit=1`, { token: admin });
    expect(first.body.items[0].person.id).toBe(chair.id);
    const current = await t.request('GET', `/api/committees/${committee}/members?current=true&limit=5`, { token: admin });
    const refused = await t.request('GET', `/api/committees/${committee}/members?current=false&cursor=${encodeURIComponent(current.body.nextCursor)}`, { token: admin });
    expect(refused.body.code).toBe('cursor_filters_changed');
  });

  it('reads a case route of many items in one meeting once, in meeting order', async () => {
    const meetingId = sameInstantMeetings[1];
    await t.dataSource.query(
      `INSERT INTO agenda_item (meeting_id, number, title, case_number, state) SELECT $1, n, 'Punkt ' || n, '00.01.00-PAGING-1', 'on-agenda' FROM generate_series(1, 60) n`,
      [meetingId],
    );
    const { ids, pages } = await readAllPages(t, '/api/cases/00.01.00-PAGING-1', secretary.token, 25);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(60);
    const route = await t.request('GET', '/api/cases/00.01.00-PAGING-1?limit=500', { token: secretary.token });
    expect(route.body.items.map((step: { number: number }) => step.number)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(route.body).toMatchObject({ caseNumber: '00.01.00-PAGING-1', nextCursor: null });
  });

  it('reads every delivery of a meeting once, in pages, though a fan-out shares one instant', async () => {
    const meetingId = sameInstantMeetings[0];
    const people: { id: string }[] = await t.dataSource.query(`SELECT id FROM person WHERE name = 'Samme Navnesen'`);
    const deliveries: string[] = (
      await t.dataSource.query(
        `INSERT INTO delivery (key, kind, recipient, person_id, subject_id, message_id, created_at)
         SELECT 'paging-' || p.id, 'agenda', p.id || '@paging.dk', p.id, $1, '<' || p.id || '@paging.dk>', '2026-05-01T08:00:00.5+00'
           FROM unnest($2::uuid[]) AS p(id) RETURNING id`,
        [meetingId, people.map((person) => person.id)],
      )
    ).map((row: { id: string }) => row.id);
    const { ids, pages } = await readAllPages(t, `/api/meetings/${meetingId}/deliveries`, secretary.token, 50);
    expect(pages).toBe(3);
    expect(ids).toHaveLength(120);
    expect(ids.sort()).toEqual([...deliveries].sort());
    const first = await t.request('GET', `/api/meetings/${meetingId}/deliveries?limit=50`, { token: secretary.token });
    const refused = await t.request('GET', `/api/meetings/${sameInstantMeetings[1]}/deliveries?cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: secretary.token });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('cursor_filters_changed');
  });
});
