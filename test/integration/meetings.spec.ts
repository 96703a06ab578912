import { type Fixtures, startTestApp, tableCounts, type LoggedIn, type TestApp, waitUntil } from '@app/test-kit';

describe('meetings and agendas over HTTP', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let committeeId: string;
  let secretary: LoggedIn;
  let chair: LoggedIn;
  let member: LoggedIn;
  let absentee: LoggedIn;
  let director: LoggedIn;
  let otherSecretary: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    committeeId = committee.id;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara' });
    chair = await fixtures.member(committeeId, 'chair', { name: 'Birgit Jakobsen', party: 'KD' });
    member = await fixtures.member(committeeId, 'member', { name: 'Anders Andersen' });
    absentee = await fixtures.member(committeeId, 'member', { name: 'Bente Bentsen' });
    director = await fixtures.person({ roles: ['director'], bodyIds: [committee.bodyId], login: true });
    const other = await fixtures.committee({ bodyId: committee.bodyId, name: 'Social Omsorg', kind: 'standing', mandateEnd: null });
    otherSecretary = await fixtures.member(other.id, 'secretary');
  });
  afterAll(() => t.close());

  const as = (who: LoggedIn) => ({
    get: (url: string) => t.request('GET', url, { token: who.token }),
    post: (url: string, body?: unknown) => t.request('POST', url, { token: who.token, body: body ?? {} }),
    patch: (url: string, body: unknown) => t.request('PATCH', url, { token: who.token, body }),
    put: (url: string, body: unknown) => t.request('PUT', url, { token: who.token, body }),
  });

  async function meeting(startsAt = '2027-02-02T09:30:00+01:00', endsAt = '2027-02-02T12:00:00+01:00'): Promise<string> {
    const res = await as(secretary).post(`/api/committees/${committeeId}/meetings`, {
      startsAt,
      endsAt,
      location: 'Regionshuset Aarhus, Lokale 13, Olof Palmes Alle 15, Aarhus',
      title: 'Udvalg for lighed i sundhed',
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const addItem = (meetingId: string, body: Record<string, unknown>) => as(secretary).post(`/api/meetings/${meetingId}/items`, body);

  it('schedules a meeting and builds a numbered agenda in the Danish shape', async () => {
    const id = await meeting();
    const first = await addItem(id, {
      title: 'Status på partnerskaber',
      caseNumber: '1-00-14-22',
      startTime: '09:30',
      endTime: '10:30',
      summary: 'Resume af status',
      recommendation: 'Direktionen indstiller, at udvalget drøfter status.',
      presentation: 'Sagsfremstilling ...',
      attachmentNames: ['Præsentation.pdf'],
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 1, state: 'draft', caseNumber: '1-00-14-22', closed: false, attachmentNames: ['Præsentation.pdf'] });
    const closed = await addItem(id, { title: 'Personsag', closed: true, closedReason: 'personal-matter', startTime: '10:30', endTime: '11:00' });
    expect(closed.body).toMatchObject({ number: 2, closed: true, closedReason: 'personal-matter', closedReasonText: null, publicTitle: 'Personalesag' });
    const recurring = await as(secretary).post(`/api/meetings/${id}/items/recurring`, { kinds: ['mutual-information', 'attendance', 'any-other-business'] });
    expect(recurring.status).toBe(201);
    expect(recurring.body.map((i: { number: number; title: string }) => `${i.number}:${i.title}`)).toEqual([
      '1:Status på partnerskaber',
      '2:Personsag',
      '3:Gensidig orientering',
      '4:Mødedeltagelse',
      '5:Eventuelt',
    ]);
    expect((await as(secretary).post(`/api/meetings/${id}/items/recurring`, { kinds: ['any-other-business'] })).status).toBe(409);

    const read = await as(member).get(`/api/meetings/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ state: 'planned', committeeName: 'Udvalg for lighed i sundhed', sequence: 0 });
    expect(read.body.items[1]).toMatchObject({ title: 'Personsag', closed: true });
    expect(read.body.attendance.map((a: { name: string; roles: string[] }) => a.name)).toEqual(['Birgit Jakobsen', 'Anders Andersen', 'Bente Bentsen', 'Sekretær Sara']);
  });

  it('renumbers the agenda when an item moves', async () => {
    const id = await meeting();
    const ids: string[] = [];
    for (const title of ['A', 'B', 'C', 'D']) ids.push((await addItem(id, { title })).body.id);
    const moved = await as(secretary).patch(`/api/items/${ids[3]}`, { position: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body.number).toBe(1);
    const again = await as(secretary).patch(`/api/items/${ids[0]}`, { position: 3 });
    expect(again.body.number).toBe(3);
    const { body } = await as(member).get(`/api/meetings/${id}`);
    expect(body.items.map((i: { title: string; number: number }) => `${i.number}${i.title}`)).toEqual(['1D', '2B', '3A', '4C']);
  });

  it('refuses time slots outside the meeting or overlapping another item, naming it, and changes nothing', async () => {
    const id = await meeting();
    await addItem(id, { title: 'Gensidig orientering', startTime: '09:30', endTime: '10:00' });
    const counts = await tableCounts(t.dataSource);
    const overlap = await addItem(id, { title: 'x', startTime: '09:45', endTime: '10:15' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.message).toContain('overlaps punkt 1 "Gensidig orientering"');
    const outside = await addItem(id, { title: 'x', startTime: '11:30', endTime: '12:30' });
    expect(outside.status).toBe(400);
    expect(outside.body.message).toContain("within the meeting's time 09:30-12:00");
    const reversed = await addItem(id, { title: 'x', startTime: '11:00', endTime: '10:30' });
    expect(reversed.status).toBe(400);
    const malformed = await addItem(id, { title: 'x', startTime: '9.30', endTime: '10:30' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toContain('startTime must be a local time HH:MM');
    const unknownField = await addItem(id, { title: 'x', number: 7 });
    expect(unknownField.status).toBe(400);
    expect(await tableCounts(t.dataSource)).toEqual(counts);
    expect((await addItem(id, { title: 'Touching is fine', startTime: '10:00', endTime: '10:30' })).status).toBe(201);
  });

  it('refuses meetings outside the mandate and ending before they start', async () => {
    const counts = await tableCounts(t.dataSource);
    const before = await as(secretary).post(`/api/committees/${committeeId}/meetings`, { startsAt: '2023-06-01T10:00:00+02:00', location: 'Rådhuset' });
    expect(before.status).toBe(400);
    expect(before.body.message).toContain('outside Udvalg for lighed i sundhed');
    const backwards = await as(secretary).post(`/api/committees/${committeeId}/meetings`, {
      startsAt: '2027-06-01T10:00:00+02:00',
      endsAt: '2027-06-01T09:00:00+02:00',
      location: 'Rådhuset',
    });
    expect(backwards.status).toBe(400);
    const notAnInstant = await as(secretary).post(`/api/committees/${committeeId}/meetings`, { startsAt: 'tomorrow', location: 'Rådhuset' });
    expect(notAnInstant.status).toBe(400);
    expect(await tableCounts(t.dataSource)).toEqual(counts);
  });

  it('publishes only a ready agenda, by the chair or the secretary, puts the items on the agenda and then records changes', async () => {
    const id = await meeting();
    const item = (await addItem(id, { title: 'Status', startTime: '09:30', endTime: '10:00' })).body;
    expect((await as(member).get(`/api/meetings/${id}/transitions`)).body).toEqual([]);
    const notReady = await as(chair).post(`/api/meetings/${id}/transitions`, { event: 'publish' });
    expect(notReady.status).toBe(409);
    expect(notReady.body.message).toContain('still drafts: 1. Status');
    expect((await as(secretary).post(`/api/items/${item.id}/transitions`, { event: 'mark-ready' })).body.state).toBe('ready');
    expect((await as(member).post(`/api/meetings/${id}/transitions`, { event: 'publish' })).status).toBe(403);
    const published = await as(chair).post(`/api/meetings/${id}/transitions`, { event: 'publish' });
    expect(published.status).toBe(200);
    expect(published.body.state).toBe('published');
    expect(published.body.publishedAt).toBeTruthy();
    expect(published.body.items[0].state).toBe('on-agenda');

    const edited = await as(secretary).patch(`/api/items/${item.id}`, { recommendation: 'Direktionen indstiller, at udvalget tager orienteringen til efterretning.' });
    expect(edited.status).toBe(200);
    const added = await addItem(id, { title: 'Nyt punkt' });
    expect(added.body.state).toBe('on-agenda');
    const history = await as(member).get(`/api/items/${item.id}/history`);
    expect(history.body.map((h: { kind: string; event?: string; changedFields?: string[] }) => h.event ?? h.changedFields?.join())).toEqual([
      'mark-ready',
      'put-on-agenda',
      'recommendation',
    ]);
    const clash = await as(secretary).patch(`/api/meetings/${id}`, { startsAt: '2027-02-02T10:00:00+01:00' });
    expect(clash.status).toBe(409);
    expect(clash.body.message).toContain('Punkt 1 "Status" (09:30-10:00) would lie outside');
    const moved = await as(secretary).patch(`/api/meetings/${id}`, { startsAt: '2027-02-02T09:00:00+01:00', location: 'Rådhuset, Mødelokale 2' });
    // Every change members are told of raises the invitation's SEQUENCE: the edited item, the added one, the move.
    expect(moved.body).toMatchObject({ state: 'published', sequence: 3, location: 'Rådhuset, Mødelokale 2' });
  });

  it('lets decisions be written only once the meeting is held, and closes the meeting when every item has its outcome', async () => {
    const id = await meeting('2025-03-03T09:00:00+01:00', '2025-03-03T11:00:00+01:00');
    const first = (await addItem(id, { title: 'Beslutningspunkt' })).body;
    const second = (await addItem(id, { title: 'Udsættes' })).body;
    for (const item of [first, second]) await as(secretary).post(`/api/items/${item.id}/transitions`, { event: 'mark-ready' });
    await as(secretary).post(`/api/meetings/${id}/transitions`, { event: 'publish' });
    const early = await as(secretary).patch(`/api/items/${first.id}`, { decision: 'Godkendt' });
    expect(early.status).toBe(409);
    expect((await as(secretary).post(`/api/meetings/${id}/transitions`, { event: 'hold' })).body.state).toBe('held');
    expect((await as(secretary).patch(`/api/items/${first.id}`, { title: 'Ændret' })).status).toBe(409);
    const noText = await as(secretary).post(`/api/items/${first.id}/transitions`, { event: 'decide' });
    expect(noText.status).toBe(409);
    expect(noText.body.message).toContain('Write the Beslutning');
    await as(secretary).patch(`/api/items/${first.id}`, { decision: 'Udvalget godkendte indstillingen.' });
    expect((await as(secretary).post(`/api/items/${first.id}/transitions`, { event: 'decide' })).body.state).toBe('decided');
    const tooEarly = await as(secretary).post(`/api/meetings/${id}/transitions`, { event: 'close' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.message).toContain('Items 2 have no decision yet');
    await as(secretary).post(`/api/items/${second.id}/transitions`, { event: 'postpone' });
    expect((await as(secretary).post(`/api/meetings/${id}/transitions`, { event: 'close' })).body.state).toBe('closed');
  });

  it('does not let a meeting be held before it begins', async () => {
    const id = await meeting();
    const item = (await addItem(id, { title: 'x' })).body;
    await as(secretary).post(`/api/items/${item.id}/transitions`, { event: 'mark-ready' });
    await as(secretary).post(`/api/meetings/${id}/transitions`, { event: 'publish' });
    const hold = await as(secretary).post(`/api/meetings/${id}/transitions`, { event: 'hold' });
    expect(hold.status).toBe(409);
    expect(hold.body.message).toBe('The meeting has not begun yet');
  });

  it('records attendance: a member reports their own absence, the secretary records the rest', async () => {
    const id = await meeting();
    const own = await as(absentee).put(`/api/meetings/${id}/attendance/${absentee.id}`, { status: 'absent', note: 'Deltager i KL-møde' });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ name: 'Bente Bentsen', status: 'absent', note: 'Deltager i KL-møde' });
    expect((await as(absentee).put(`/api/meetings/${id}/attendance/${member.id}`, { status: 'absent' })).status).toBe(403);
    expect((await as(otherSecretary).put(`/api/meetings/${id}/attendance/${member.id}`, { status: 'absent' })).status).toBe(403);
    const virtual = await as(secretary).put(`/api/meetings/${id}/attendance/${member.id}`, { status: 'virtual', until: '10:30' });
    expect(virtual.body).toMatchObject({ status: 'virtual', until: '10:30' });
    expect((await as(secretary).put(`/api/meetings/${id}/attendance/${chair.id}`, { status: 'present', until: '10:30' })).status).toBe(400);
    expect((await as(secretary).put(`/api/meetings/${id}/attendance/${chair.id}`, { status: 'late' })).status).toBe(400);
    const { body } = await as(chair).get(`/api/meetings/${id}`);
    expect(body.attendance.map((a: { name: string; status: string | null }) => `${a.name}:${a.status}`)).toEqual([
      'Birgit Jakobsen:null',
      'Anders Andersen:virtual',
      'Bente Bentsen:absent',
      'Sekretær Sara:null',
    ]);
  });

  it('lets a member withdraw their own afbud while the meeting lies ahead, and only their own', async () => {
    const id = await meeting();
    const withdraw = (who: LoggedIn, personId: string) => t.request('DELETE', `/api/meetings/${id}/attendance/${personId}/absence`, { token: who.token });
    expect((await as(absentee).put(`/api/meetings/${id}/attendance/${absentee.id}`, { status: 'absent' })).status).toBe(200);
    expect((await withdraw(member, absentee.id)).status).toBe(403);
    expect((await withdraw(director, absentee.id)).status).toBe(403);
    const withdrawn = await withdraw(absentee, absentee.id);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ personId: absentee.id, status: null });
    const { body } = await as(absentee).get(`/api/meetings/${id}`);
    expect(body.attendance.find((row: { personId: string }) => row.personId === absentee.id).status).toBeNull();
    // Virtual attendance the secretary recorded is not an afbud: withdrawing leaves it.
    await as(secretary).put(`/api/meetings/${id}/attendance/${member.id}`, { status: 'virtual' });
    expect((await withdraw(member, member.id)).body).toMatchObject({ status: 'virtual' });
  });

  it('withdraws no afbud once the meeting has begun', async () => {
    const id = await meeting('2025-03-03T09:00:00+01:00', '2025-03-03T12:00:00+01:00');
    await as(secretary).put(`/api/meetings/${id}/attendance/${absentee.id}`, { status: 'absent' });
    const meetings = fixtures.meetings(committeeId, secretary.token);
    await meetings.item(id, { title: 'Eventuelt' });
    await meetings.hold(id);
    const refused = await t.request('DELETE', `/api/meetings/${id}/attendance/${absentee.id}/absence`, { token: absentee.token });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('attendance_closed');
    const { body } = await as(absentee).get(`/api/meetings/${id}`);
    expect(body.attendance.find((row: { personId: string }) => row.personId === absentee.id).status).toBe('absent');
  });

  it('lists the meetings of the committees I sit in, and nobody else’s', async () => {
    const id = await meeting();
    const mine = await as(member).get('/api/me/meetings');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((row: { id: string }) => row.id)).toContain(id);
    expect(mine.body.items.every((row: { committeeId: string }) => row.committeeId === committeeId)).toBe(true);
    expect((await as(otherSecretary).get('/api/me/meetings')).body.items.map((row: { id: string }) => row.id)).not.toContain(id);
    expect((await as(director).get('/api/me/meetings')).body).toEqual({ items: [], nextCursor: null });
    expect((await t.request('GET', '/api/me/meetings')).status).toBe(401);
  });

  it('lets members, directors and admins read; refuses outsiders and anonymous callers; only the secretary writes', async () => {
    const id = await meeting();
    expect((await as(director).get(`/api/meetings/${id}`)).status).toBe(200);
    expect((await t.request('GET', `/api/meetings/${id}`, { token: await t.adminToken() })).status).toBe(200);
    expect((await as(otherSecretary).get(`/api/meetings/${id}`)).status).toBe(403);
    expect((await t.request('GET', `/api/meetings/${id}`)).status).toBe(401);
    expect((await as(member).post(`/api/meetings/${id}/items`, { title: 'x' })).status).toBe(403);
    expect((await as(chair).post(`/api/meetings/${id}/items`, { title: 'x' })).status).toBe(403);
    expect((await as(otherSecretary).post(`/api/meetings/${id}/items`, { title: 'x' })).status).toBe(403);
    expect((await as(member).post(`/api/committees/${committeeId}/meetings`, { startsAt: '2027-01-01T10:00:00+01:00', location: 'x' })).status).toBe(403);
    expect((await as(member).get(`/api/meetings/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await as(member).get(`/api/meetings/123`)).status).toBe(400);
  });

  it('reads a meeting with a fixed number of SQL statements, whether it has 5 or 100 items', async () => {
    const counts: number[] = [];
    for (const size of [5, 100]) {
      const id = await meeting();
      await t.dataSource.query(
        `INSERT INTO agenda_item (meeting_id, number, title, state, summary) SELECT $1, n, 'Punkt ' || n, 'draft', 'Resume' FROM generate_series(1, $2) AS n`,
        [id, size],
      );
      const items = await t.dataSource.query('SELECT id FROM agenda_item WHERE meeting_id = $1', [id]);
      await t.dataSource.query(
        `INSERT INTO item_attachment (item_id, name, content_type, size, sha256) SELECT id, 'Bilag.pdf', 'application/pdf', 10, 'x' FROM unnest($1::uuid[]) AS id`,
        [items.map((i: { id: string }) => i.id)],
      );
      const res = await as(member).get(`/api/meetings/${id}`);
      expect(res.body.items).toHaveLength(size);
      expect(res.body.items[0].attachments).toHaveLength(1);
      counts.push(Number(res.headers['x-sql-statements']));
    }
    // The token check (the person with today’s seats), then the meeting with its attendance beside its agenda.
    expect(counts).toEqual([3, 3]);
  });

  it('reads one item with the same SQL statements on an agenda of 5 or of 100 items, its quorum and attachments included', async () => {
    const counts: number[] = [];
    for (const size of [5, 100]) {
      const id = await meeting();
      await t.dataSource.query(
        `INSERT INTO agenda_item (meeting_id, number, title, state, summary, presentation) SELECT $1, n, 'Punkt ' || n, 'draft', 'Resume', repeat('Sagsfremstilling. ', 100) FROM generate_series(1, $2) AS n`,
        [id, size],
      );
      const [last] = await t.dataSource.query('SELECT id FROM agenda_item WHERE meeting_id = $1 AND number = $2', [id, size]);
      await t.dataSource.query(`INSERT INTO item_attachment (item_id, name, content_type, size, sha256) VALUES ($1, 'Bilag.pdf', 'application/pdf', 10, 'x')`, [last.id]);
      const res = await as(member).get(`/api/items/${last.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: last.id, meetingId: id, number: size, title: `Punkt ${size}`, attachments: [{ name: 'Bilag.pdf' }], quorum: { met: expect.any(Boolean) } });
      counts.push(Number(res.headers['x-sql-statements']));
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(5);
  });

  /** The meeting's and its items' rows that publishing writes: state, history, audit trail and outbox. */
  async function publicationRows(meetingId: string, itemIds: string[]) {
    const ids = [meetingId, ...itemIds];
    const [meetingRow] = await t.dataSource.query('SELECT state, row_version AS "rowVersion", published_at AS "publishedAt" FROM meeting WHERE id = $1', [meetingId]);
    const items = await t.dataSource.query('SELECT id, state, row_version AS "rowVersion" FROM agenda_item WHERE meeting_id = $1 ORDER BY number', [meetingId]);
    const history = await t.dataSource.query(`SELECT record_id AS "recordId", workflow, from_state AS "from", to_state AS "to" FROM workflow_transition WHERE event IN ('publish', 'put-on-agenda') AND record_id = ANY($1::uuid[])`, [ids]);
    const audit = await t.dataSource.query(`SELECT entity_id AS "entityId", action, details FROM audit_entry WHERE action IN ('meeting.publish', 'agenda-item.put-on-agenda') AND entity_id = ANY($1::text[])`, [ids]);
    const [{ outbox }] = await t.dataSource.query(`SELECT count(*)::int AS outbox FROM outbox_message WHERE payload->>'meetingId' = $1`, [meetingId]);
    return { meeting: meetingRow, items, history, audit, outbox };
  }

  it('publishes a meeting with the same SQL statements for 5 and 30 items, each item with its history and audit row', async () => {
    const meetings = fixtures.meetings(committeeId, secretary.token);
    const counts: number[] = [];
    for (const [index, itemCount] of [5, 30].entries()) {
      const { meetingId, itemIds } = await meetings.meetingWithReadyItems({ startsAt: `2027-04-0${index + 1}T09:00:00+02:00`, itemCount });
      const before = await publicationRows(meetingId, itemIds);
      const res = await as(secretary).post(`/api/meetings/${meetingId}/transitions`, { event: 'publish' });
      expect(res.status).toBe(200);
      counts.push(Number(res.headers['x-sql-statements']));

      const rows = await publicationRows(meetingId, itemIds);
      expect(rows.meeting).toMatchObject({ state: 'published', publishedAt: expect.any(Date) });
      expect(rows.items.map((item: { state: string }) => item.state)).toEqual(Array(itemCount).fill('on-agenda'));
      expect(rows.items.map((item: { rowVersion: number }) => item.rowVersion)).toEqual(before.items.map((item: { rowVersion: number }) => item.rowVersion + 1));
      const expectedHistory = [
        { recordId: meetingId, workflow: 'meeting', from: 'planned', to: 'published' },
        ...itemIds.map((recordId) => ({ recordId, workflow: 'agenda-item', from: 'ready', to: 'on-agenda' })),
      ];
      expect(rows.history).toHaveLength(expectedHistory.length);
      expect(rows.history).toEqual(expect.arrayContaining(expectedHistory));
      const expectedAudit = [
        { entityId: meetingId, action: 'meeting.publish', details: { from: 'planned', to: 'published' } },
        ...itemIds.map((entityId) => ({ entityId, action: 'agenda-item.put-on-agenda', details: { from: 'ready', to: 'on-agenda' } })),
      ];
      expect(rows.audit).toHaveLength(expectedAudit.length);
      expect(rows.audit).toEqual(expect.arrayContaining(expectedAudit));
    }
    // The login; the meeting and its items for the guards; in the transaction (START and COMMIT count too) the
    // meeting's compare-and-set and publication time, the ready items read and set in one statement, the privacy
    // check's two reads of the public agenda, the agenda round, its PDFs (each replacing a waiting one in the same
    // statement) and the cancelled deadline reminder in the outbox, the history rows in one statement and the audit
    // rows in one; then the answer's three reads.
    expect(counts).toEqual([19, 19]);
  });

  it('publishes nothing when an item changes while the publication runs: 409 stale_state, no row written', async () => {
    const { meetingId, itemIds } = await fixtures.meetings(committeeId, secretary.token).meetingWithReadyItems({ startsAt: '2027-04-08T09:00:00+02:00', itemCount: 5 });
    const before = await publicationRows(meetingId, itemIds);
    // Another transaction edits the third item (still ready) and holds its row until the publication waits on it.
    const writer = t.dataSource.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    try {
      await writer.query(`UPDATE agenda_item SET title = title || ' (rettet)', row_version = row_version + 1 WHERE id = $1`, [itemIds[2]]);
      const publishing = as(secretary).post(`/api/meetings/${meetingId}/transitions`, { event: 'publish' });
      await waitUntil(async () => {
        const [{ waiting }] = await t.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE "agenda_item"%'`,
        );
        return waiting > 0;
      }, { timeoutMs: 10_000 }, () => 'The publication never waited on the edited item');
      await writer.commitTransaction();
      const res = await publishing;
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'stale_state', details: { event: 'put-on-agenda' } });
    } finally {
      await writer.release();
    }
    const after = await publicationRows(meetingId, itemIds);
    expect(after).toEqual({
      ...before,
      items: before.items.map((item: { id: string; rowVersion: number }) => (item.id === itemIds[2] ? { ...item, rowVersion: item.rowVersion + 1 } : item)),
    });
    expect(after.meeting).toMatchObject({ state: 'planned', publishedAt: null });
    expect(after.history).toEqual([]);
    expect(after.audit).toEqual([]);
    // Published once the secretary tries again, with the item as it is now.
    expect((await as(secretary).post(`/api/meetings/${meetingId}/transitions`, { event: 'publish' })).status).toBe(200);
  });
});
