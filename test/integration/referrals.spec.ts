import type { ParsedMail } from 'mailparser';
import { type Fixtures, type LoggedIn, type MeetingFixtures, SmtpServer, startTestApp, tableCounts, type TestApp, waitForOutboxDrained } from '@app/test-kit';

function recipientOf(mail: ParsedMail): string {
  return (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address as string;
}

interface CommitteeUnderTest {
  id: string;
  secretary: LoggedIn;
  member: LoggedIn;
  driver: MeetingFixtures;
  /** Everyone seated, who gets the agenda and its updates. */
  emails: string[];
}

/**
 * Oversendelse as a proposal: a case referred from a § 17, stk. 4 committee goes only up its reporting line
 * (PKØ-udvalget, then Byrådet) or to a committee that has agreed to receive its cases, and reaches the receiving
 * agenda, its members' inboxes and the public pages only when that committee's secretary accepts it.
 */
describe('referrals between committees over HTTP', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let fixtures: Fixtures;
  let section: CommitteeUnderTest;
  let finance: CommitteeUnderTest;
  let council: CommitteeUnderTest;
  let technical: CommitteeUnderTest;
  let heldMeeting: string;
  let councilMeeting: string;
  let financeMeeting: string;
  let technicalMeeting: string;
  let decidedItems: string[];
  let bodyId: string;

  async function committee(name: string, kind: string, reportsToId: string | null): Promise<CommitteeUnderTest> {
    const mandate = kind === 'section-17-4' ? { mandateStart: '2024-01-01', mandateEnd: '2025-12-31' } : { mandateStart: '2024-01-01', mandateEnd: null };
    const { id } = await fixtures.committee({ bodyId, name, kind, reportsToId, ...mandate });
    const secretary = await fixtures.member(id, 'secretary');
    const member = await fixtures.member(id, 'member');
    return { id, secretary, member, driver: fixtures.meetings(id, secretary.token), emails: [secretary.email, member.email] };
  }

  const upcoming = (driver: MeetingFixtures, day: string) => driver.meeting({ startsAt: `${day}T15:00:00+02:00`, endsAt: `${day}T17:00:00+02:00` });
  const referralsOf = (itemId: string, who: LoggedIn) => t.api.expect(200, 'GET', `/api/items/${itemId}/referrals`, { token: who.token }).then((page) => page.items);
  const proposalsTo = (meetingId: string, who: LoggedIn) => t.api.expect(200, 'GET', `/api/meetings/${meetingId}/referrals`, { token: who.token }).then((page) => page.items);
  const titlesOn = async (meetingId: string, who: LoggedIn) => (await t.api.expect(200, 'GET', `/api/meetings/${meetingId}`, { token: who.token })).items.map((i: { title: string }) => i.title);

  /** No e-mail left to send, and none arrived in a quiet moment after. */
  async function noMailArrives(): Promise<void> {
    await waitForOutboxDrained(t.dataSource);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await waitForOutboxDrained(t.dataSource);
    expect((await smtp.mails()).map((mail) => mail.subject)).toEqual([]);
  }

  beforeAll(async () => {
    smtp = await SmtpServer.start();
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url, AGENDA_UPDATE_COALESCE_MS: '300', OUTBOX_POLL_INTERVAL_MS: '200' } });
    fixtures = await t.fixtures();
    bodyId = (await fixtures.body()).id;
    council = await committee('Byrådet', 'council', null);
    finance = await committee('PKØ-udvalget', 'finance', council.id);
    section = await committee('§ 17, stk. 4-udvalget for nytænkning af socialområdet', 'section-17-4', finance.id);
    technical = await committee('Teknik- og Miljøudvalget', 'standing', null);

    heldMeeting = await section.driver.meeting();
    decidedItems = [];
    for (const title of ['Nytænkning af socialområdet', 'Trafiksikkerhed ved skolerne', 'Partnerskab med Norddjurs Kommune', 'Fælles indkøb']) {
      decidedItems.push((await section.driver.item(heldMeeting, { title, caseNumber: '00.01.00-P22-1-19', summary: `Resume: ${title}` })).id);
    }
    await section.driver.hold(heldMeeting);
    for (const id of decidedItems) await section.driver.updateItem(id, { decision: 'Sendes videre.' });

    councilMeeting = await upcoming(council.driver, '2027-06-21');
    await council.driver.item(councilMeeting, { title: 'Gensidig orientering' });
    await council.driver.publish(councilMeeting);
    financeMeeting = await upcoming(finance.driver, '2027-06-14');
    technicalMeeting = await upcoming(technical.driver, '2027-06-15');
    await waitForOutboxDrained(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(async () => {
    await waitForOutboxDrained(t.dataSource);
    smtp.clear();
  });

  it('refuses a referral to a committee off the case’s route, and writes nothing', async () => {
    const counts = await tableCounts(t.dataSource);
    const refused = await t.request('POST', `/api/items/${decidedItems[1]}/transitions`, {
      token: section.secretary.token,
      body: { event: 'refer', referToMeetingId: technicalMeeting },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('referral_off_route');
    expect(await tableCounts(t.dataSource)).toEqual(counts);
    expect((await t.api.expect(200, 'GET', `/api/items/${decidedItems[1]}`, { token: section.secretary.token })).state).toBe('on-agenda');
    expect(await proposalsTo(technicalMeeting, technical.secretary)).toEqual([]);
  });

  it('puts a referral up the reporting line to the published council agenda as a proposal only: not on the agenda, not public, no e-mail', async () => {
    const referred = await section.driver.fireOnItem(decidedItems[0], 'refer', { referToMeetingId: councilMeeting });
    expect(referred.state).toBe('referred');

    expect(await titlesOn(councilMeeting, council.member)).toEqual(['Gensidig orientering']);
    const publicAgenda = await t.api.expect(200, 'GET', `/api/public/meetings/${councilMeeting}`);
    expect(JSON.stringify(publicAgenda)).not.toContain('Nytænkning af socialområdet');
    const caseRoute = await t.api.expect(200, 'GET', '/api/cases/00.01.00-P22-1-19', { token: council.member.token });
    expect(JSON.stringify(caseRoute)).not.toContain(councilMeeting);
    await noMailArrives();

    const [proposal] = await proposalsTo(councilMeeting, council.secretary);
    const held = await t.api.expect(200, 'GET', `/api/meetings/${heldMeeting}`, { token: section.secretary.token });
    expect(proposal).toMatchObject({
      fromMeetingId: heldMeeting,
      fromCommitteeName: '§ 17, stk. 4-udvalget for nytænkning af socialområdet',
      fromMeetingStartsAt: held.startsAt,
      fromMeetingTitle: held.title,
    });
    expect(proposal).toMatchObject({ state: 'proposed', itemId: decidedItems[0], fromCommitteeId: section.id, toCommitteeId: council.id, title: 'Nytænkning af socialområdet', fromDecision: 'Sendes videre.', acceptedItemId: null });
    expect(await referralsOf(decidedItems[0], section.secretary)).toEqual([expect.objectContaining({ id: proposal.id, state: 'proposed' })]);
    // The proposals are the receiving secretary's to decide on, not the members'.
    expect((await t.request('GET', `/api/meetings/${councilMeeting}/referrals`, { token: council.member.token })).status).toBe(403);
  });

  it('lets only the receiving committee’s secretary accept or decline', async () => {
    const [proposal] = await proposalsTo(councilMeeting, council.secretary);
    const counts = await tableCounts(t.dataSource);
    for (const who of [section.secretary, council.member, finance.secretary]) {
      const accept = await t.request('POST', `/api/meetings/${councilMeeting}/referrals/${proposal.id}/accept`, { token: who.token });
      const decline = await t.request('POST', `/api/meetings/${councilMeeting}/referrals/${proposal.id}/decline`, { token: who.token, body: { reason: 'Nej tak' } });
      expect([accept.status, decline.status]).toEqual([403, 403]);
    }
    // Named under another meeting, the referral is not found, even by that meeting's own secretary.
    expect((await t.request('POST', `/api/meetings/${financeMeeting}/referrals/${proposal.id}/accept`, { token: finance.secretary.token })).status).toBe(404);
    expect(await tableCounts(t.dataSource)).toEqual(counts);
    expect((await proposalsTo(councilMeeting, council.secretary))[0].state).toBe('proposed');
  });

  it('on acceptance puts the case on the published agenda, numbered last, public, and sends the members an agenda update', async () => {
    const [proposal] = await proposalsTo(councilMeeting, council.secretary);
    const accepted = await t.api.expect(200, 'POST', `/api/meetings/${councilMeeting}/referrals/${proposal.id}/accept`, { token: council.secretary.token });
    expect(accepted).toMatchObject({ state: 'accepted', decidedBy: council.secretary.id, acceptedItemId: expect.any(String) });

    const meeting = await t.api.expect(200, 'GET', `/api/meetings/${councilMeeting}`, { token: council.member.token });
    expect(meeting.items.map((i: { number: number; title: string; state: string; referredFromItemId: string | null }) => [i.number, i.title, i.state, i.referredFromItemId])).toEqual([
      [1, 'Gensidig orientering', 'on-agenda', null],
      [2, 'Nytænkning af socialområdet', 'on-agenda', decidedItems[0]],
    ]);
    expect(meeting.items[1].id).toBe(accepted.acceptedItemId);
    const publicAgenda = await t.api.expect(200, 'GET', `/api/public/meetings/${councilMeeting}`);
    expect(JSON.stringify(publicAgenda)).toContain('Nytænkning af socialområdet');

    const mails = await smtp.waitFor(council.emails.length);
    expect(mails.map(recipientOf).sort()).toEqual([...council.emails].sort());

    const again = await t.request('POST', `/api/meetings/${councilMeeting}/referrals/${proposal.id}/accept`, { token: council.secretary.token });
    expect([again.status, again.body.code]).toEqual([409, 'referral_decided']);
    expect(await titlesOn(councilMeeting, council.member)).toHaveLength(2);
  });

  it('records a decline with its reason for the referring secretary, who may propose the case elsewhere', async () => {
    await section.driver.fireOnItem(decidedItems[2], 'refer', { referToMeetingId: financeMeeting });
    const [proposal] = await proposalsTo(financeMeeting, finance.secretary);

    const blank = await t.request('POST', `/api/meetings/${financeMeeting}/referrals/${proposal.id}/decline`, { token: finance.secretary.token, body: { reason: '   ' } });
    expect(blank.status).toBe(400);
    const declined = await t.api.expect(200, 'POST', `/api/meetings/${financeMeeting}/referrals/${proposal.id}/decline`, {
      token: finance.secretary.token,
      body: { reason: 'Sagen hører under Byrådet direkte.' },
    });
    expect(declined).toMatchObject({ state: 'declined', declineReason: 'Sagen hører under Byrådet direkte.', decidedBy: finance.secretary.id, acceptedItemId: null });
    expect(await referralsOf(decidedItems[2], section.secretary)).toEqual([expect.objectContaining({ state: 'declined', declineReason: 'Sagen hører under Byrådet direkte.' })]);
    expect(await titlesOn(financeMeeting, finance.secretary)).toEqual([]);
    await noMailArrives();

    const proposedAgain = await t.api.expect(201, 'POST', `/api/items/${decidedItems[2]}/referrals`, { token: section.secretary.token, body: { toMeetingId: councilMeeting } });
    expect(proposedAgain).toMatchObject({ state: 'proposed', toMeetingId: councilMeeting });
    const twice = await t.request('POST', `/api/items/${decidedItems[2]}/referrals`, { token: section.secretary.token, body: { toMeetingId: financeMeeting } });
    expect([twice.status, twice.body.code]).toEqual([409, 'referral_pending']);
  });

  it('takes a referral to a committee off the reporting line once that committee receives from the sender', async () => {
    const byOther = await t.request('PUT', `/api/committees/${technical.id}/referral-sources/${section.id}`, { token: section.secretary.token });
    expect(byOther.status).toBe(403);
    const sources = await t.api.expect(200, 'PUT', `/api/committees/${technical.id}/referral-sources/${section.id}`, { token: technical.secretary.token });
    expect(sources).toEqual([expect.objectContaining({ committeeId: technical.id, sourceCommitteeId: section.id, sourceCommitteeName: '§ 17, stk. 4-udvalget for nytænkning af socialområdet' })]);
    expect(await t.api.expect(200, 'GET', `/api/committees/${technical.id}/referral-sources`, { token: section.member.token })).toHaveLength(1);

    await section.driver.fireOnItem(decidedItems[1], 'refer', { referToMeetingId: technicalMeeting });
    const [proposal] = await proposalsTo(technicalMeeting, technical.secretary);
    const accepted = await t.api.expect(200, 'POST', `/api/meetings/${technicalMeeting}/referrals/${proposal.id}/accept`, { token: technical.secretary.token });
    // On a planned agenda the case is a draft like any item added there, and nobody is mailed before publishing.
    const item = await t.api.expect(200, 'GET', `/api/items/${accepted.acceptedItemId}`, { token: technical.secretary.token });
    expect(item).toMatchObject({ number: 1, state: 'draft', title: 'Trafiksikkerhed ved skolerne', referredFromItemId: decidedItems[1] });
    await noMailArrives();

    await t.api.expect(204, 'DELETE', `/api/committees/${technical.id}/referral-sources/${section.id}`, { token: technical.secretary.token });
    const gone = await t.request('DELETE', `/api/committees/${technical.id}/referral-sources/${section.id}`, { token: technical.secretary.token });
    expect([gone.status, gone.body.code]).toEqual([404, 'referral_source_not_found']);
    const offRoute = await t.request('POST', `/api/items/${decidedItems[3]}/transitions`, { token: section.secretary.token, body: { event: 'refer', referToMeetingId: technicalMeeting } });
    expect([offRoute.status, offRoute.body.code]).toEqual([400, 'referral_off_route']);
  });
});
