import { type Fixtures, type LoggedIn, startTestApp, type TestApp } from '@app/test-kit';

const draft = {
  title: 'Kommissorium for § 17, stk. 4-udvalget for nytænkning af socialområdet',
  purpose: 'Udvalget skal komme med anbefalinger til, hvordan socialområdet kan nytænkes.',
  themes: ['Forpligtende fællesskaber', 'Et sammenhængende socialområde'],
  composition: 'Formand Birgit Jakobsen (KD) og ét medlem fra hvert af de fire stående udvalg',
  deliverables: 'Anbefalinger til Byrådet via PKØ-udvalget i 4. kvartal 2025',
};

/** Far enough ahead to be the finance committee's next meeting; moved into the past before it is held. */
const NEXT_MEETING = { startsAt: '2099-02-02T16:00:00+01:00', endsAt: '2099-02-02T18:00:00+01:00' };
const LATER_MEETING = { startsAt: '2099-03-02T16:00:00+01:00', endsAt: '2099-03-02T18:00:00+01:00' };
const HELD_ON = { startsAt: '2025-02-03T16:00:00+01:00', endsAt: '2025-02-03T18:00:00+01:00' };

describe("the council's adoption of a § 17, stk. 4 committee's kommissorium", () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let bodyId: string;
  let financeId: string;
  let financeSecretary: LoggedIn;
  let secretary: LoggedIn;
  let director: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await t.fixtures();
    ({ id: bodyId } = await fixtures.body());
    await fixtures.committee({ bodyId, name: 'Byrådet', kind: 'council', mandateEnd: null });
    ({ id: financeId } = await fixtures.committee({ bodyId, name: 'PKØ-udvalget', kind: 'finance', mandateEnd: null }));
    financeSecretary = await fixtures.member(financeId, 'secretary');
    secretary = await fixtures.person({ login: true });
    director = await fixtures.person({ roles: ['director'], bodyIds: [bodyId], login: true });
  });
  afterAll(() => t.close());

  const fire = (id: string, token: string, event: string, comment?: string) =>
    t.request('POST', `/api/commissions/${id}/transitions`, { token, body: comment === undefined ? { event } : { event, comment } });
  const item = (itemId: string) => t.request('GET', `/api/items/${itemId}`, { token: financeSecretary.token });
  const financeMeetings = () => fixtures.meetings(financeId, financeSecretary.token);
  const noticesTo = async (personId: string, kind: string): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'send-notice' AND payload->>'personId' = $1 AND payload->>'kind' = $2`, [personId, kind]))[0].n;

  /** A § 17.4 committee reporting to PKØ, its kommissorium returned once, resubmitted and approved by the director. */
  async function approvedForTheCouncil(name: string): Promise<{ committeeId: string; id: string; approved: any }> {
    const committee = await fixtures.committee({ bodyId, name, reportsToId: financeId });
    expect(committee.commissionNeedsCouncil).toBe(true);
    await fixtures.seat(committee.id, secretary.id, 'secretary');
    const created = await t.request('POST', `/api/committees/${committee.id}/commissions`, { token: secretary.token, body: draft });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await fire(id, secretary.token, 'submit')).status).toBe(200);
    expect((await fire(id, director.token, 'return', 'Tilføj en tidsplan')).body.state).toBe('draft');
    expect((await fire(id, secretary.token, 'submit')).status).toBe(200);
    const approved = await fire(id, director.token, 'approve');
    expect(approved.status).toBe(200);
    return { committeeId: committee.id, id, approved: approved.body };
  }

  /** Holds the finance committee's meeting and decides the kommissorium's item as `outcome`. */
  async function decide(meetingId: string, itemId: string, decision: string, outcome: 'approved' | 'not-approved'): Promise<void> {
    const meetings = financeMeetings();
    await meetings.fireOnMeeting(meetingId, 'publish');
    await meetings.fireOnMeeting(meetingId, 'hold');
    const early = await t.request('POST', `/api/items/${itemId}/transitions`, { token: financeSecretary.token, body: { event: 'decide' } });
    expect([early.status, early.body.code]).toEqual([409, 'transition_guard_failed']);
    await meetings.updateItem(itemId, { decision });
    const withoutOutcome = await t.request('POST', `/api/items/${itemId}/transitions`, { token: financeSecretary.token, body: { event: 'decide' } });
    expect([withoutOutcome.status, withoutOutcome.body.code]).toEqual([409, 'decision_outcome_required']);
    await meetings.updateItem(itemId, { decisionOutcome: outcome });
    await meetings.fireOnItem(itemId, 'decide');
  }

  it('sends the approved kommissorium to the finance committee’s next meeting, and the decision adopts it', async () => {
    const meetingId = await financeMeetings().meeting({ ...NEXT_MEETING, title: 'Ordinært møde' });
    const { committeeId, id, approved } = await approvedForTheCouncil('Udvalg for nytænkning af socialområdet');
    expect(approved).toMatchObject({ state: 'awaiting-council', inForce: false, approved: { by: director.id }, adopted: null });
    expect(approved.council).toMatchObject({ committeeId: financeId, committeeName: 'PKØ-udvalget', meetingId, itemNumber: 1 });
    expect(await noticesTo(secretary.id, 'commission-awaiting-council')).toBe(1);
    // Waiting for the council, it can neither be edited nor amended.
    expect((await t.request('PATCH', `/api/commissions/${id}`, { token: secretary.token, body: { purpose: 'x' } })).body.code).toBe('commission_not_draft');
    expect((await fire(id, secretary.token, 'amend')).body.code).toBe('illegal_transition');

    const proposed = await item(approved.council.itemId);
    expect(proposed.body).toMatchObject({
      meetingId,
      title: 'Godkendelse af kommissorium for Udvalg for nytænkning af socialområdet',
      state: 'ready',
      originKind: 'commission',
      originId: id,
      decisionOutcome: null,
    });
    expect(proposed.body.presentation).toContain('## Formål\n\nUdvalget skal komme med anbefalinger til, hvordan socialområdet kan nytænkes.');
    expect(proposed.body.presentation).toContain('- Et sammenhængende socialområde');
    expect(proposed.body.attachments).toHaveLength(1);
    const [bilag] = proposed.body.attachments;
    expect(bilag).toMatchObject({ name: 'Kommissorium for Udvalg for nytænkning af socialområdet, version 1.md', contentType: 'text/markdown' });
    const file = await t.api.download(`/api/attachments/${bilag.id}/content`, financeSecretary.token);
    expect(file.status).toBe(200);
    expect(file.bytes.toString('utf8')).toBe(proposed.body.presentation);

    await t.request('PATCH', `/api/meetings/${meetingId}`, { token: financeSecretary.token, body: HELD_ON });
    await decide(meetingId, approved.council.itemId, 'Økonomiudvalget godkender kommissoriet.', 'approved');

    const adopted = await t.request('GET', `/api/commissions/${id}`, { token: secretary.token });
    expect(adopted.body).toMatchObject({ state: 'adopted', inForce: true, approved: { by: director.id }, council: { meetingId, itemNumber: 1 } });
    expect(adopted.body.adopted.comment).toBe('Vedtaget af PKØ-udvalget på mødet mandag den 3. februar 2025, punkt 1: Økonomiudvalget godkender kommissoriet.');
    expect(await noticesTo(secretary.id, 'commission-adopted')).toBe(1);
    const history = await t.request('GET', `/api/commissions/${id}/history`, { token: secretary.token });
    expect(history.body.map((step: { event: string; toState: string }) => `${step.event}:${step.toState}`)).toEqual([
      'submit:submitted',
      'return:draft',
      'submit:submitted',
      'approve:awaiting-council',
      'adopt:adopted',
    ]);
    expect(history.body[3].actorId).toBe(director.id);
    const listed = await t.request('GET', `/api/committees/${committeeId}/commissions`, { token: secretary.token });
    expect(listed.body.items[0]).toMatchObject({ state: 'adopted', inForce: true, council: { committeeName: 'PKØ-udvalget', meetingId }, adopted: { comment: adopted.body.adopted.comment } });
    // The outcome followed the decision once; it no longer changes.
    const changed = await t.request('PATCH', `/api/items/${approved.council.itemId}`, { token: financeSecretary.token, body: { decisionOutcome: 'not-approved' } });
    expect([changed.status, changed.body.code]).toEqual([409, 'decision_not_open']);

    // An amendment adopted later supersedes the adopted version.
    const amended = await fire(id, secretary.token, 'amend');
    expect(amended.body).toMatchObject({ state: 'adopted', inForce: true });
    const v2 = amended.body.amendmentId;
    await fire(v2, secretary.token, 'submit');
    const v2Approved = await fire(v2, director.token, 'approve');
    // No finance meeting is planned ahead: the proposal waits.
    expect(v2Approved.body).toMatchObject({ state: 'awaiting-council', council: { committeeId: financeId, itemId: null, meetingId: null } });
    expect((await t.request('GET', `/api/commissions/${id}`, { token: secretary.token })).body).toMatchObject({ state: 'adopted', inForce: true });

    // Once PKØ has a meeting, its secretary finds the waiting kommissorium in "Oversendte sager" and puts it on.
    const laterMeeting = await financeMeetings().meeting({ ...LATER_MEETING });
    expect((await t.request('GET', `/api/meetings/${laterMeeting}/commissions`, { token: secretary.token })).status).toBe(403);
    const waiting = await t.request('GET', `/api/meetings/${laterMeeting}/commissions`, { token: financeSecretary.token });
    expect(waiting.body.items.map((c: { id: string }) => c.id)).toEqual([v2]);
    const put = await t.request('POST', `/api/meetings/${laterMeeting}/commissions/${v2}`, { token: financeSecretary.token });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ state: 'awaiting-council', council: { meetingId: laterMeeting, itemNumber: 1 } });
    expect((await item(put.body.council.itemId)).body).toMatchObject({ originId: v2, attachmentNames: ['Kommissorium for Udvalg for nytænkning af socialområdet, version 2.md'] });
    const twice = await t.request('POST', `/api/meetings/${laterMeeting}/commissions/${v2}`, { token: financeSecretary.token });
    expect([twice.status, twice.body.code]).toEqual([409, 'commission_not_waiting']);
    expect((await t.request('GET', `/api/meetings/${laterMeeting}/commissions`, { token: financeSecretary.token })).body.items).toEqual([]);
    await t.request('PATCH', `/api/meetings/${laterMeeting}`, { token: financeSecretary.token, body: HELD_ON });
    await decide(laterMeeting, put.body.council.itemId, 'Godkendt.', 'approved');
    expect((await t.request('GET', `/api/commissions/${v2}`, { token: secretary.token })).body).toMatchObject({ state: 'adopted', inForce: true });
    expect((await t.request('GET', `/api/commissions/${id}`, { token: secretary.token })).body).toMatchObject({ state: 'superseded', inForce: false });
  });

  it('sends the kommissorium back to draft when the decision does not approve it, with the Beslutning as the comment', async () => {
    const meetingId = await financeMeetings().meeting({ ...NEXT_MEETING, title: 'Ekstraordinært møde' });
    const { id, approved } = await approvedForTheCouncil('Udvalg for lighed i sundhed');
    expect(approved.council).toMatchObject({ meetingId, itemNumber: 1 });
    await t.request('PATCH', `/api/meetings/${meetingId}`, { token: financeSecretary.token, body: HELD_ON });
    await decide(meetingId, approved.council.itemId, 'Ikke godkendt. Sammensætningen skal omfatte repræsentanter for civilsamfundet.', 'not-approved');

    const back = await t.request('GET', `/api/commissions/${id}`, { token: secretary.token });
    expect(back.body).toMatchObject({ state: 'draft', inForce: false, notAdopted: { comment: 'Ikke godkendt. Sammensætningen skal omfatte repræsentanter for civilsamfundet.' }, adopted: null });
    expect(await noticesTo(secretary.id, 'commission-not-adopted')).toBe(1);
    expect((await item(approved.council.itemId)).body).toMatchObject({ state: 'decided', decisionOutcome: 'not-approved' });
    // Back in draft, the secretary revises it.
    expect((await t.request('PATCH', `/api/commissions/${id}`, { token: secretary.token, body: { composition: 'Med to repræsentanter for civilsamfundet' } })).status).toBe(200);
  });

  it('waits for another meeting when the item is postponed (udsat), and is put on it from Oversendte sager', async () => {
    const meetingId = await financeMeetings().meeting({ ...NEXT_MEETING });
    const { id, approved } = await approvedForTheCouncil('Udvalg for kultur');
    await t.request('PATCH', `/api/meetings/${meetingId}`, { token: financeSecretary.token, body: HELD_ON });
    await financeMeetings().fireOnMeeting(meetingId, 'publish');
    await financeMeetings().fireOnMeeting(meetingId, 'hold');
    await financeMeetings().fireOnItem(approved.council.itemId, 'postpone');
    const next = await financeMeetings().meeting({ ...LATER_MEETING });
    const waiting = await t.request('GET', `/api/meetings/${next}/commissions`, { token: financeSecretary.token });
    expect(waiting.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    const put = await t.request('POST', `/api/meetings/${next}/commissions/${id}`, { token: financeSecretary.token });
    expect(put.body).toMatchObject({ state: 'awaiting-council', council: { meetingId: next } });
    expect(put.body.council.itemId).not.toBe(approved.council.itemId);
    // On an agenda again, it waits no more.
    const again = await t.request('POST', `/api/meetings/${next}/commissions/${id}`, { token: financeSecretary.token });
    expect([again.status, again.body.code]).toEqual([409, 'commission_not_waiting']);
    // Out of the way of the next test's "next meeting".
    await t.request('PATCH', `/api/meetings/${next}`, { token: financeSecretary.token, body: HELD_ON });
  });

  it('goes to the body’s council when the committee reports to no finance committee', async () => {
    const council = (await t.request('GET', `/api/committees?bodyId=${bodyId}&kind=council`, { token: await t.adminToken() })).body.items[0];
    const councilSecretary = await fixtures.member(council.id, 'secretary');
    const meetingId = await fixtures.meetings(council.id, councilSecretary.token).meeting({ ...NEXT_MEETING });
    const committee = await fixtures.committee({ bodyId, name: 'Udvalg for grøn omstilling' });
    await fixtures.seat(committee.id, secretary.id, 'secretary');
    const created = await t.request('POST', `/api/committees/${committee.id}/commissions`, { token: secretary.token, body: draft });
    await fire(created.body.id, secretary.token, 'submit');
    const approved = await fire(created.body.id, director.token, 'approve');
    expect(approved.body).toMatchObject({ state: 'awaiting-council', council: { committeeName: 'Byrådet', meetingId } });
  });

  it('keeps one-step approval for a standing committee, and for a § 17.4 committee set not to need the council', async () => {
    const standing = await fixtures.committee({ bodyId, name: 'Social Omsorg', kind: 'standing', mandateEnd: null });
    expect(standing.commissionNeedsCouncil).toBe(false);
    const optedOut = await fixtures.committee({ bodyId, name: 'Udvalg for idræt', reportsToId: financeId });
    const patched = await t.request('PATCH', `/api/committees/${optedOut.id}`, { token: await t.adminToken(), body: { commissionNeedsCouncil: false } });
    expect(patched.body.commissionNeedsCouncil).toBe(false);
    for (const committeeId of [standing.id, optedOut.id]) {
      await fixtures.seat(committeeId, secretary.id, 'secretary');
      const created = await t.request('POST', `/api/committees/${committeeId}/commissions`, { token: secretary.token, body: draft });
      await fire(created.body.id, secretary.token, 'submit');
      const approved = await fire(created.body.id, director.token, 'approve');
      expect(approved.body).toMatchObject({ state: 'approved', inForce: true, council: null });
    }
  });

  it('refuses what is out of order, with codes, and changes nothing', async () => {
    const meetingId = await financeMeetings().meeting({ ...LATER_MEETING });
    const ordinary = await financeMeetings().item(meetingId, { title: 'Budgetopfølgning' });
    const refused = await t.request('PATCH', `/api/items/${ordinary.id}`, { token: financeSecretary.token, body: { decisionOutcome: 'approved' } });
    expect([refused.status, refused.body.code]).toEqual([400, 'decision_outcome_not_applicable']);
    const bad = await t.request('PATCH', `/api/items/${ordinary.id}`, { token: financeSecretary.token, body: { decisionOutcome: 'maybe' } });
    expect(bad.status).toBe(400);

    const { id, approved } = await approvedForTheCouncil('Udvalg for bosætning');
    // The council's events happen by the decision alone.
    expect((await fire(id, director.token, 'adopt')).body.code).toBe('system_event');
    expect((await fire(id, director.token, 'approve')).body.code).toBe('illegal_transition');
    // The outcome is recorded once the meeting is held, not before.
    const early = await t.request('PATCH', `/api/items/${approved.council.itemId}`, { token: financeSecretary.token, body: { decisionOutcome: 'approved' } });
    expect([early.status, early.body.code]).toEqual([409, 'decision_before_meeting']);
    expect((await t.request('GET', `/api/commissions/${id}`, { token: secretary.token })).body.state).toBe('awaiting-council');

    // A body without a council committee has nobody to adopt it.
    const { id: lonelyBody } = await fixtures.body({ name: 'Lejre Kommune' });
    const lonely = await fixtures.committee({ bodyId: lonelyBody, name: 'Udvalg uden byråd' });
    await fixtures.seat(lonely.id, secretary.id, 'secretary');
    const lonelyDirector = await fixtures.person({ roles: ['director'], bodyIds: [lonelyBody], login: true });
    const created = await t.request('POST', `/api/committees/${lonely.id}/commissions`, { token: secretary.token, body: draft });
    await fire(created.body.id, secretary.token, 'submit');
    const noCouncil = await fire(created.body.id, lonelyDirector.token, 'approve');
    expect([noCouncil.status, noCouncil.body.code]).toEqual([409, 'commission_no_council']);
    expect((await t.request('GET', `/api/commissions/${created.body.id}`, { token: secretary.token })).body.state).toBe('submitted');
  });
});
