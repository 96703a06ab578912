import { type Fixtures, type MeetingFixtures, startTestApp, tableCounts, type LoggedIn, type TestApp } from '@app/test-kit';

describe('dissents (§ 13) and disqualifications (§ 14) over HTTP', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let committeeId: string;
  let secretary: LoggedIn;
  let chair: LoggedIn;
  let member: LoggedIn;
  let driver: MeetingFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await t.fixtures();
    committeeId = (await fixtures.committee({ name: 'Økonomiudvalget', kind: 'finance', mandateStart: '2024-01-01', mandateEnd: null })).id;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara' });
    chair = await fixtures.member(committeeId, 'chair', { name: 'Birgit Jakobsen' });
    member = await fixtures.member(committeeId, 'member', { name: 'Anders Andersen' });
    driver = fixtures.meetings(committeeId, secretary.token);
  });
  afterAll(() => t.close());

  const note = (itemId: string, body: Record<string, unknown>, who: LoggedIn = secretary) => t.request('POST', `/api/items/${itemId}/notes`, { token: who.token, body });
  const itemOf = async (itemId: string) => (await t.request('GET', `/api/items/${itemId}`, { token: member.token })).body;

  it('are recorded only once the meeting is held, and show in the item of the meeting read', async () => {
    const meetingId = await driver.meeting();
    const item = await driver.item(meetingId, { title: 'Budgetopfølgning' });
    const planned = await note(item.id, { personId: member.id, kind: 'dissent' });
    expect(planned.status).toBe(409);
    expect(planned.body).toMatchObject({ code: 'notes_not_open', message: 'The meeting is planned; dissents and disqualifications are recorded once the meeting is held' });
    await driver.publish(meetingId);
    const counts = await tableCounts(t.dataSource);
    expect((await note(item.id, { personId: member.id, kind: 'dissent' })).status).toBe(409);
    expect(await tableCounts(t.dataSource)).toEqual(counts);
    await driver.fireOnMeeting(meetingId, 'hold');

    const dissent = await note(item.id, { personId: member.id, kind: 'dissent', text: '  Anders Andersen (V) kunne ikke tiltræde indstillingen.  ' });
    expect(dissent.status).toBe(201);
    expect(dissent.body).toMatchObject({
      itemId: item.id,
      personId: member.id,
      personName: 'Anders Andersen',
      kind: 'dissent',
      text: 'Anders Andersen (V) kunne ikke tiltræde indstillingen.',
    });
    const disqualified = await note(item.id, { personId: chair.id, kind: 'disqualification' });
    expect(disqualified.status).toBe(201);
    expect(disqualified.body.text).toBeNull();

    const { items } = (await t.request('GET', `/api/meetings/${meetingId}`, { token: member.token })).body;
    expect(items[0].dissents).toEqual([{ id: dissent.body.id, personId: member.id, personName: 'Anders Andersen', text: 'Anders Andersen (V) kunne ikke tiltræde indstillingen.' }]);
    expect(items[0].disqualifications).toEqual([{ id: disqualified.body.id, personId: chair.id, personName: 'Birgit Jakobsen', text: null }]);
  });

  it('allow one of each kind per person and item, for members seated on the meeting day, recorded by the secretary', async () => {
    const meetingId = await driver.meeting();
    const item = await driver.item(meetingId, { title: 'Anlægsbevilling' });
    await driver.hold(meetingId);
    expect((await note(item.id, { personId: member.id, kind: 'dissent' })).status).toBe(201);

    const former = await fixtures.person({ name: 'Tidligere Medlem', login: true });
    await fixtures.seat(committeeId, former.id, 'member', { startDate: '2024-01-01', endDate: '2024-12-31' });
    const director = await fixtures.person({ name: 'Direktør Dorthe', roles: ['director'], login: true });
    await fixtures.seat(committeeId, director.id, 'administration');
    const stranger = await fixtures.person({ name: 'Udenforstående', login: true });

    const counts = await tableCounts(t.dataSource);
    const twice = await note(item.id, { personId: member.id, kind: 'dissent', text: 'igen' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('Anders Andersen already has a dissent (afvigende mening) on punkt 1');
    const notSeated = await note(item.id, { personId: former.id, kind: 'dissent' });
    expect(notSeated.status).toBe(400);
    expect(notSeated.body.message).toBe(
      'Tidligere Medlem was not a member of the committee on 2025-03-03, the day of the meeting (secretaries and administrative participants have no vote)',
    );
    expect((await note(item.id, { personId: director.id, kind: 'disqualification' })).status).toBe(400);
    expect((await note(item.id, { personId: stranger.id, kind: 'dissent' })).status).toBe(400);
    expect((await note(item.id, { personId: '00000000-0000-4000-8000-000000000000', kind: 'dissent' })).status).toBe(404);
    expect((await note(item.id, { personId: member.id, kind: 'protest' })).status).toBe(400);
    expect((await note(item.id, { personId: member.id, kind: 'dissent', recordedBy: secretary.id })).status).toBe(400);
    expect((await note(item.id, { personId: chair.id, kind: 'dissent' }, chair)).status).toBe(403);
    expect((await t.request('POST', `/api/items/${item.id}/notes`, { body: { personId: chair.id, kind: 'dissent' } })).status).toBe(401);
    expect(await tableCounts(t.dataSource)).toEqual(counts);

    expect((await note(item.id, { personId: member.id, kind: 'disqualification' })).status).toBe(201);
  });

  it('can be removed by the secretary while the meeting is held, and are fixed once it is closed', async () => {
    const meetingId = await driver.meeting();
    const item = await driver.item(meetingId, { title: 'Takster 2026' });
    await driver.hold(meetingId);
    const recorded = (await note(item.id, { personId: member.id, kind: 'dissent' })).body;
    expect((await t.request('DELETE', `/api/items/${item.id}/notes/${recorded.id}`, { token: member.token })).status).toBe(403);
    expect((await t.request('DELETE', `/api/items/${item.id}/notes/${recorded.id}`, { token: secretary.token })).status).toBe(204);
    expect((await itemOf(item.id)).dissents).toEqual([]);
    expect((await t.request('DELETE', `/api/items/${item.id}/notes/${recorded.id}`, { token: secretary.token })).status).toBe(404);

    const kept = (await note(item.id, { personId: chair.id, kind: 'dissent', text: 'Imod' })).body;
    await driver.fireOnItem(item.id, 'postpone');
    await driver.fireOnMeeting(meetingId, 'close');
    const late = await note(item.id, { personId: member.id, kind: 'dissent' });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('The meeting is closed; dissents and disqualifications are recorded only while the meeting is held, before it is closed');
    expect((await t.request('DELETE', `/api/items/${item.id}/notes/${kept.id}`, { token: secretary.token })).status).toBe(409);
    expect((await itemOf(item.id)).dissents).toHaveLength(1);
  });
});
