import { AgendaItem } from '@app/meetings';
import { type MeetingFixtures, startTestApp, type LoggedIn, type TestApp } from '@app/test-kit';

const CASE = '00.01.00-P22-1-19';

describe('a case’s route through the committees over HTTP', () => {
  let t: TestApp;
  let sectionMember: LoggedIn;
  let financeCommittee: { id: string; driver: MeetingFixtures };
  const ids = { section: '', finance: '', council: '', closedInCouncil: '' };

  /**
   * "Sendes til beslutning i Byrådet via § 17.4-udvalget og PKØ-udvalget": the case starts in the § 17, stk. 4
   * committee, is referred to the finance committee and from there to the council, which decides it.
   */
  beforeAll(async () => {
    t = await startTestApp();
    const fixtures = await t.fixtures();
    const body = await fixtures.body();
    const committee = async (name: string, kind: 'section-17-4' | 'finance' | 'council', reportsToId: string | null) => {
      // A § 17, stk. 4 committee is temporary: its mandate ends with the election term.
      const mandateEnd = kind === 'section-17-4' ? '2025-12-31' : null;
      const { id } = await fixtures.committee({ bodyId: body.id, name, kind, mandateStart: '2024-01-01', mandateEnd, reportsToId });
      const secretary = await fixtures.member(id, 'secretary');
      return { id, secretary, driver: fixtures.meetings(id, secretary.token) };
    };
    // The reporting line the case follows.
    const council = await committee('Byrådet', 'council', null);
    const finance = await committee('PKØ-udvalget', 'finance', council.id);
    financeCommittee = finance;
    const section = await committee('§ 17, stk. 4-udvalget for nytænkning af socialområdet', 'section-17-4', finance.id);
    const acceptReferral = async (receiving: { secretary: LoggedIn }, meetingId: string) => {
      const { items: [proposal] } = await t.api.expect(200, 'GET', `/api/meetings/${meetingId}/referrals`, { token: receiving.secretary.token });
      return (await t.api.expect(200, 'POST', `/api/meetings/${meetingId}/referrals/${proposal.id}/accept`, { token: receiving.secretary.token })).acceptedItemId as string;
    };
    sectionMember = await fixtures.member(section.id, 'member');

    const inSection = await section.driver.meeting({ startsAt: '2025-03-03T09:00:00+01:00', endsAt: '2025-03-03T12:00:00+01:00' });
    const inFinance = await finance.driver.meeting({ startsAt: '2025-03-10T15:00:00+01:00', endsAt: '2025-03-10T17:00:00+01:00' });
    const inCouncil = await council.driver.meeting({ startsAt: '2025-03-24T19:00:00+01:00', endsAt: '2025-03-24T22:00:00+01:00' });
    await council.driver.item(inCouncil, { title: 'Gensidig orientering' });

    const first = await section.driver.item(inSection, {
      title: 'Nytænkning af socialområdet',
      caseNumber: CASE,
      summary: 'Udvalgets anbefalinger',
      recommendation: 'Direktionen indstiller, at udvalget anbefaler modellen.',
    });
    ids.section = first.id;
    await section.driver.hold(inSection);
    await section.driver.updateItem(first.id, { decision: 'Anbefalet over for PKØ-udvalget.' });
    await section.driver.fireOnItem(first.id, 'refer', { referToMeetingId: inFinance });

    ids.finance = await acceptReferral(finance, inFinance);
    await finance.driver.updateItem(ids.finance, { recommendation: 'Direktionen indstiller, at PKØ-udvalget anbefaler Byrådet at godkende.' });
    await finance.driver.hold(inFinance);
    await finance.driver.fireOnItem(ids.finance, 'refer', { referToMeetingId: inCouncil });

    ids.council = await acceptReferral(council, inCouncil);
    ids.closedInCouncil = (await council.driver.item(inCouncil, { title: 'Økonomi for en enkelt borger', caseNumber: CASE, closed: true, closedReason: 'personal-matter' })).id;
    await council.driver.updateItem(ids.council, { recommendation: 'PKØ-udvalget indstiller, at Byrådet godkender.' });
    await council.driver.hold(inCouncil);
    await council.driver.updateItem(ids.council, { decision: 'Godkendt.' });
    await council.driver.fireOnItem(ids.council, 'decide');
  });
  afterAll(() => t.close());

  it('shows every committee’s item in meeting order, linked by the referrals, in full for someone who may read them all', async () => {
    const route = await t.request('GET', `/api/cases/${encodeURIComponent(CASE)}`, { token: await t.adminToken() });
    expect(route.status).toBe(200);
    expect(route.body.caseNumber).toBe(CASE);
    expect(route.body.items).toEqual([
      expect.objectContaining({
        id: ids.section,
        referredFromItemId: null,
        committeeName: '§ 17, stk. 4-udvalget for nytænkning af socialområdet',
        meetingDate: '2025-03-03',
        number: 1,
        state: 'referred',
        readable: true,
        title: 'Nytænkning af socialområdet',
        recommendation: 'Direktionen indstiller, at udvalget anbefaler modellen.',
        decision: 'Anbefalet over for PKØ-udvalget.',
      }),
      expect.objectContaining({
        id: ids.finance,
        referredFromItemId: ids.section,
        committeeName: 'PKØ-udvalget',
        meetingDate: '2025-03-10',
        state: 'referred',
        recommendation: 'Direktionen indstiller, at PKØ-udvalget anbefaler Byrådet at godkende.',
        decision: null,
      }),
      expect.objectContaining({
        id: ids.council,
        referredFromItemId: ids.finance,
        committeeName: 'Byrådet',
        meetingDate: '2025-03-24',
        number: 2,
        state: 'decided',
        recommendation: 'PKØ-udvalget indstiller, at Byrådet godkender.',
        decision: 'Godkendt.',
      }),
      expect.objectContaining({ id: ids.closedInCouncil, referredFromItemId: null, number: 3, closed: true, title: 'Økonomi for en enkelt borger' }),
    ]);
    expect(route.body.items[0].meetingId).toEqual(expect.any(String));
  });

  it('shows the content only of the committees the caller may read; of the others where the case went on public agendas, and nothing of their closed items', async () => {
    const route = await t.request('GET', `/api/cases/${encodeURIComponent(CASE)}`, { token: sectionMember.token });
    expect(route.status).toBe(200);
    expect(route.body.items).toHaveLength(3);
    const [own, finance, council] = route.body.items;
    expect(own).toMatchObject({ readable: true, recommendation: 'Direktionen indstiller, at udvalget anbefaler modellen.', decision: 'Anbefalet over for PKØ-udvalget.' });
    expect(finance).toEqual({
      id: ids.finance,
      referredFromItemId: ids.section,
      committeeId: expect.any(String),
      committeeName: 'PKØ-udvalget',
      meetingDate: '2025-03-10',
      number: 1,
      state: 'referred',
      closed: false,
      readable: false,
      title: 'Nytænkning af socialområdet',
    });
    expect(council).toMatchObject({ id: ids.council, referredFromItemId: ids.finance, state: 'decided', readable: false });
    expect(council).not.toHaveProperty('decision');
    expect(route.text).not.toContain(ids.closedInCouncil);
    expect(route.text).not.toContain('Økonomi for en enkelt borger');
    expect(route.text).not.toContain('Godkendt.');
  });

  it('keeps an item on another committee’s unpublished agenda from those who may not read it (404, as for an unknown number) until it is published', async () => {
    const planned = await financeCommittee.driver.meeting({ startsAt: '2025-04-07T15:00:00+02:00', endsAt: '2025-04-07T17:00:00+02:00' });
    const item = await financeCommittee.driver.item(planned, { title: 'Forslag til besparelser på ældreområdet', caseNumber: '00.01.00-P22-9-25' });
    const path = `/api/cases/${encodeURIComponent('00.01.00-P22-9-25')}`;

    const outsider = await t.request('GET', path, { token: sectionMember.token });
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe('case_not_found');
    expect(outsider.text).not.toContain('Forslag til besparelser');
    expect(outsider.text).not.toContain(item.id);

    await financeCommittee.driver.publish(planned);
    const published = await t.request('GET', path, { token: sectionMember.token });
    expect(published.body.items).toEqual([expect.objectContaining({ id: item.id, readable: false, title: 'Forslag til besparelser på ældreområdet' })]);
  });

  it('answers a number whose only item is closed to the caller exactly as a number no item has', async () => {
    const council = (await t.request('GET', `/api/cases/${encodeURIComponent(CASE)}`, { token: await t.adminToken() })).body.items[3];
    const closedOnly = '00.01.00-P22-7-25';
    await t.dataSource.getRepository(AgendaItem).save({
      meetingId: council.meetingId,
      number: 9,
      title: 'Fortrolig personsag',
      caseNumber: closedOnly,
      closed: true,
      closedReason: 'personal-matter',
      publicTitle: 'Personalesag',
      state: 'on-agenda',
      attachmentNames: [],
    });
    const unknownNumber = '00.01.00-P22-8-25';
    const hidden = await t.request('GET', `/api/cases/${encodeURIComponent(closedOnly)}`, { token: sectionMember.token });
    const unknown = await t.request('GET', `/api/cases/${encodeURIComponent(unknownNumber)}`, { token: sectionMember.token });
    expect(hidden.status).toBe(404);
    const alike = (text: string, number: string) => text.replaceAll(number, 'N');
    expect(alike(hidden.text, closedOnly)).toBe(alike(unknown.text, unknownNumber));
    expect(hidden.text).not.toContain('Fortrolig');
    expect((await t.request('GET', `/api/cases/${encodeURIComponent(closedOnly)}`, { token: await t.adminToken() })).body.items).toEqual([
      expect.objectContaining({ closed: true, title: 'Fortrolig personsag', readable: true }),
    ]);
  });

  it('answers 404 for a case number no item has, and 401 without login', async () => {
    const unknown = await t.request('GET', '/api/cases/99.99.99-X00-0-00', { token: sectionMember.token });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'case_not_found', message: 'No agenda item has the case number 99.99.99-X00-0-00' });
    expect((await t.request('GET', `/api/cases/${encodeURIComponent(CASE)}`)).status).toBe(401);
  });
});
