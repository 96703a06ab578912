import type { ParsedMail } from 'mailparser';
import { type Fixtures, type LoggedIn, type MeetingFixtures, SmtpServer, startTestApp, type TestApp, waitForOutboxDrained } from '@app/test-kit';

/** Every text only the closed item carries, each distinctive, so a leak into a public output is found by a plain search. */
const SECRET = {
  title: 'Personsag vedrørende XQ-TITEL-6120',
  caseNumber: 'XQ-SAG-6120',
  summary: 'XQ-RESUME-6120',
  presentation: 'XQ-SAGSFREMSTILLING-6120',
  decision: 'XQ-BESLUTNING-6120',
};

const CASE = '00.01.00-P22-1-19';
const CASE_TITLE = 'Det gode liv - Videre proces';

/**
 * Closed items (Kommunestyrelsesloven § 10) with a reason from the list and a public title, and a case that carries
 * the earlier committees' decisions on its way to the council ("sendes til beslutning i Byrådet via
 * § 17.4-udvalget og PKØ-udvalget").
 */
describe('closed items with a reason and a public title, and a case carrying its decisions, over HTTP', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let fixtures: Fixtures;
  let admin: string;

  const request = (who: LoggedIn | null, method: string, url: string, body?: unknown) => t.request(method, url, { token: who?.token, body });
  const text = (response: { text: string }) => response.text;

  interface StaffedCommittee {
    id: string;
    secretary: LoggedIn;
    chair: LoggedIn;
    driver: MeetingFixtures;
  }

  /** A committee whose minutes the chair and the secretary sign, so a test can publish them in a few calls. */
  async function committee(name: string, kind: 'standing' | 'section-17-4' | 'finance' | 'council', bodyId: string, reportsToId: string | null = null): Promise<StaffedCommittee> {
    const { id } = await fixtures.committee({ bodyId, name, kind, mandateStart: '2024-01-01', mandateEnd: kind === 'section-17-4' ? '2025-12-31' : null, reportsToId });
    expect((await t.request('PATCH', `/api/committees/${id}`, { token: admin, body: { minutesSignedBy: 'chair-and-secretary' } })).status).toBe(200);
    const slug = name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '');
    const secretary = await fixtures.member(id, 'secretary', { name: `Sekretær ${name}`, email: `sekretaer.${slug}@hedensted.dk` });
    const chair = await fixtures.member(id, 'chair', { name: `Formand ${name}`, email: `formand.${slug}@hedensted.dk` });
    return { id, secretary, chair, driver: fixtures.meetings(id, secretary.token) };
  }

  /** Assembles the minutes of a held meeting, has them approved and signed, and publishes them. */
  async function publishMinutes(of: StaffedCommittee, meetingId: string): Promise<void> {
    expect((await request(of.secretary, 'POST', `/api/meetings/${meetingId}/minutes`)).status).toBe(202);
    await waitForOutboxDrained(t.dataSource, 30_000);
    const fire = (who: LoggedIn, event: string) => request(who, 'POST', `/api/meetings/${meetingId}/minutes/transitions`, { event });
    expect((await fire(of.chair, 'approve')).status).toBe(200);
    expect((await fire(of.chair, 'sign')).status).toBe(200);
    expect((await fire(of.secretary, 'sign')).body).toMatchObject({ state: 'signed' });
    expect((await fire(of.secretary, 'publish')).status).toBe(200);
  }

  /** The minutes assembled again after a change, as the members' HTML. */
  async function minutesHtml(who: LoggedIn | null, meetingId: string, variant: 'members' | 'public' = 'members'): Promise<string> {
    const url = who ? `/api/meetings/${meetingId}/minutes.html${variant === 'public' ? '?variant=public' : ''}` : `/api/public/meetings/${meetingId}/minutes.html`;
    const response = await request(who, 'GET', url);
    expect(response.status).toBe(200);
    return text(response);
  }

  beforeAll(async () => {
    smtp = await SmtpServer.start();
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url, OUTBOX_POLL_INTERVAL_MS: '200' } });
    fixtures = await t.fixtures();
    admin = await t.adminToken();
    await waitForOutboxDrained(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  describe('a closed item', () => {
    let body: string;
    let standing: StaffedCommittee;
    let member: LoggedIn;
    let meetingId: string;
    let closedId: string;

    beforeAll(async () => {
      body = (await fixtures.body()).id;
      standing = await committee('Udvalg for lighed i sundhed', 'standing', body);
      member = await fixtures.member(standing.id, 'member', { name: 'Anders Andersen', email: 'anders@hedensted.dk' });
      await waitForOutboxDrained(t.dataSource);
      smtp.clear();
      meetingId = await standing.driver.meeting({ startsAt: '2025-03-03T09:00:00+01:00', endsAt: '2025-03-03T12:00:00+01:00' });
      await standing.driver.item(meetingId, { title: 'Status på partnerskaber', startTime: '09:00', endTime: '10:00', summary: 'Åbent resume' });
    });

    it('is refused without a reason from the list, and "andet" without its text or a public title, changing nothing', async () => {
      const items = `/api/meetings/${meetingId}/items`;
      const withoutReason = await request(standing.secretary, 'POST', items, { title: SECRET.title, closed: true });
      expect(withoutReason.status).toBe(400);
      expect(withoutReason.body.code).toBe('closed_reason_required');
      const unknownReason = await request(standing.secretary, 'POST', items, { title: SECRET.title, closed: true, closedReason: 'Personsag' });
      expect(unknownReason.status).toBe(400);
      const otherWithoutText = await request(standing.secretary, 'POST', items, { title: SECRET.title, closed: true, closedReason: 'other', publicTitle: 'Sag om tilskud' });
      expect(otherWithoutText.body.code).toBe('closed_reason_text_required');
      const otherWithoutTitle = await request(standing.secretary, 'POST', items, { title: SECRET.title, closed: true, closedReason: 'other', closedReasonText: 'Tavshedspligt' });
      expect(otherWithoutTitle.body.code).toBe('public_title_required');
      expect((await request(standing.secretary, 'GET', `/api/meetings/${meetingId}`)).body.items).toHaveLength(1);
    });

    it('gets its reason’s public title when none is given, and the members see the full title', async () => {
      const closed = await request(standing.secretary, 'POST', `/api/meetings/${meetingId}/items`, {
        title: SECRET.title,
        caseNumber: SECRET.caseNumber,
        startTime: '10:00',
        endTime: '10:30',
        closed: true,
        closedReason: 'personal-matter',
        summary: SECRET.summary,
        presentation: SECRET.presentation,
      });
      expect(closed.status).toBe(201);
      expect(closed.body).toMatchObject({ closed: true, closedReason: 'personal-matter', closedReasonText: null, publicTitle: 'Personalesag' });
      closedId = closed.body.id;
      // Emptying the public title of a personsag gives the proposed one back; a title of one's own is kept.
      const renamed = await request(standing.secretary, 'PATCH', `/api/items/${closedId}`, { publicTitle: 'Personalesag om ansættelse' });
      expect(renamed.body.publicTitle).toBe('Personalesag om ansættelse');
      expect((await request(standing.secretary, 'PATCH', `/api/items/${closedId}`, { publicTitle: null })).body.publicTitle).toBe('Personalesag');
      const refused = await request(standing.secretary, 'PATCH', `/api/items/${closedId}`, { closedReason: null });
      expect(refused.body.code).toBe('closed_reason_required');
      expect((await request(member, 'GET', `/api/items/${closedId}`)).body).toMatchObject({ title: SECRET.title, closedReason: 'personal-matter', publicTitle: 'Personalesag' });
    });

    it('is "Lukket punkt: Personalesag" in the agenda e-mail at the SMTP server, in the public agenda and in OParl, and nothing else of it', async () => {
      await standing.driver.publish(meetingId);
      await smtp.waitFor(3);
      await waitForOutboxDrained(t.dataSource);
      const mails: ParsedMail[] = await smtp.mails();
      expect(mails.length).toBeGreaterThanOrEqual(3);
      for (const mail of mails) {
        expect(mail.text).toContain('2. Lukket punkt: Personalesag (kl. 10.00-10.30)');
        const invitation = mail.attachments.find((a) => a.filename === 'invitation.ics')!.content.toString('utf8').replace(/\r\n[ \t]/g, '');
        expect(invitation).toContain('Punkt 2: Lukket punkt: Personalesag (kl. 10.00-10.30)');
        for (const secret of Object.values(SECRET)) expect(`${mail.subject}${mail.text}${mail.html}${invitation}`).not.toContain(secret);
      }

      const agenda = await request(null, 'GET', `/api/public/meetings/${meetingId}`);
      expect(agenda.body.items[1]).toMatchObject({ number: 2, closed: true, title: 'Lukket punkt: Personalesag', publicTitle: 'Personalesag', summary: null });
      const oparlItem = await request(null, 'GET', `/oparl/v1.1/agendaItem/${closedId}`);
      expect(oparlItem.body).toMatchObject({ name: 'Lukket punkt: Personalesag', public: false });
      for (const secret of Object.values(SECRET)) {
        expect(text(agenda)).not.toContain(secret);
        expect(text(oparlItem)).not.toContain(secret);
      }
      expect((await request(member, 'GET', `/api/meetings/${meetingId}`)).body.items[1]).toMatchObject({ title: SECRET.title, summary: SECRET.summary });
    });

    it('is "Lukket punkt: Personalesag" in the public minutes, with its full title and reason in the members’ minutes', async () => {
      await standing.driver.fireOnMeeting(meetingId, 'hold');
      await standing.driver.updateItem(closedId, { decision: SECRET.decision });
      await publishMinutes(standing, meetingId);
      const published = await minutesHtml(null, meetingId);
      expect(published).toContain('Punkt 2: Lukket punkt: Personalesag (kl. 10.00-10.30)');
      for (const secret of Object.values(SECRET)) expect(published).not.toContain(secret);
      const members = await minutesHtml(member, meetingId);
      expect(members).toContain(`Punkt 2: ${SECRET.title} (kl. 10.00-10.30)`);
      expect(members).toContain('<h3>Lukket punkt</h3>\n<p>Personsag</p>');
      expect(members).toContain(SECRET.decision);
    });
  });

  describe(`the case "${CASE_TITLE}" (${CASE}) from the § 17, stk. 4 committee through PKØ-udvalget to Byrådet`, () => {
    let section: StaffedCommittee;
    let finance: StaffedCommittee;
    let council: StaffedCommittee;
    let councilMember: LoggedIn;
    const ids = { sectionMeeting: '', financeMeeting: '', councilMeeting: '', sectionItem: '', financeItem: '', councilItem: '' };
    const SECTION_DECISION = 'Udvalget anbefaler den videre proces over for PKØ-udvalget.';
    const FINANCE_DECISION = 'PKØ-udvalget anbefaler Byrådet at godkende den videre proces.';
    const SECTION_HEADING = 'Beslutning i § 17, stk. 4-udvalget den 2. februar 2024';
    const FINANCE_HEADING = 'Beslutning i PKØ-udvalget den 20. februar 2024';

    const acceptReferral = async (receiving: StaffedCommittee, meetingId: string): Promise<string> => {
      const { items: [proposal] } = await t.api.expect(200, 'GET', `/api/meetings/${meetingId}/referrals`, { token: receiving.secretary.token });
      return (await t.api.expect(200, 'POST', `/api/meetings/${meetingId}/referrals/${proposal.id}/accept`, { token: receiving.secretary.token })).acceptedItemId as string;
    };

    beforeAll(async () => {
      const body = (await fixtures.body()).id;
      council = await committee('Byrådet', 'council', body);
      finance = await committee('PKØ-udvalget', 'finance', body, council.id);
      section = await committee('§ 17, stk. 4-udvalget', 'section-17-4', body, finance.id);
      councilMember = await fixtures.member(council.id, 'member', { name: 'Bente Byrådsmedlem', email: 'bente@hedensted.dk' });
      ids.sectionMeeting = await section.driver.meeting({ startsAt: '2024-02-02T09:30:00+01:00', endsAt: '2024-02-02T12:00:00+01:00' });
      ids.financeMeeting = await finance.driver.meeting({ startsAt: '2024-02-20T15:00:00+01:00', endsAt: '2024-02-20T17:00:00+01:00' });
      ids.councilMeeting = await council.driver.meeting({ startsAt: '2024-03-04T19:00:00+01:00', endsAt: '2024-03-04T22:00:00+01:00' });

      ids.sectionItem = (await section.driver.item(ids.sectionMeeting, { title: CASE_TITLE, caseNumber: CASE, recommendation: 'Direktionen indstiller, at udvalget anbefaler processen.' })).id;
      await section.driver.hold(ids.sectionMeeting);
      await section.driver.updateItem(ids.sectionItem, { decision: SECTION_DECISION });
      await section.driver.fireOnItem(ids.sectionItem, 'refer', { referToMeetingId: ids.financeMeeting });
      ids.financeItem = await acceptReferral(finance, ids.financeMeeting);
    });

    it('says "Oversendt til PKØ-udvalget." in the referring committee’s minutes, after its Beslutning', async () => {
      await publishMinutes(section, ids.sectionMeeting);
      for (const html of [await minutesHtml(section.secretary, ids.sectionMeeting), await minutesHtml(null, ids.sectionMeeting)]) {
        expect(html).toContain(`<h3>Beslutning</h3>\n<p>${SECTION_DECISION}</p>\n<p>Oversendt til PKØ-udvalget.</p>`);
      }
    });

    it('carries the § 17.4 committee’s decision into the PKØ item’s read, its agenda, and its public agenda once those minutes are public', async () => {
      const read = await request(finance.secretary, 'GET', `/api/items/${ids.financeItem}`);
      expect(read.body.referredFromItemId).toBe(ids.sectionItem);
      expect(read.body.earlierDecisions).toEqual([
        expect.objectContaining({ itemId: ids.sectionItem, committeeName: '§ 17, stk. 4-udvalget', decision: SECTION_DECISION, closed: false, minutesPublic: true }),
      ]);
      await finance.driver.publish(ids.financeMeeting);
      const publicAgenda = await request(null, 'GET', `/api/public/meetings/${ids.financeMeeting}`);
      expect(publicAgenda.body.items[0].earlierDecisions).toEqual([{ committeeName: '§ 17, stk. 4-udvalget', meetingStartsAt: '2024-02-02T08:30:00.000Z', decision: SECTION_DECISION }]);
    });

    it('carries both earlier decisions, oldest first, into the council’s agenda and minutes before its own Beslutning; the public only those whose minutes are public', async () => {
      await finance.driver.fireOnMeeting(ids.financeMeeting, 'hold');
      await finance.driver.updateItem(ids.financeItem, { decision: FINANCE_DECISION });
      await finance.driver.fireOnItem(ids.financeItem, 'refer', { referToMeetingId: ids.councilMeeting });
      ids.councilItem = await acceptReferral(council, ids.councilMeeting);
      const read = await request(councilMember, 'GET', `/api/items/${ids.councilItem}`);
      expect(read.body.earlierDecisions.map((d: { committeeName: string; decision: string }) => [d.committeeName, d.decision])).toEqual([
        ['§ 17, stk. 4-udvalget', SECTION_DECISION],
        ['PKØ-udvalget', FINANCE_DECISION],
      ]);

      await council.driver.hold(ids.councilMeeting);
      await council.driver.updateItem(ids.councilItem, { decision: 'Byrådet godkendte den videre proces.' });
      await council.driver.fireOnItem(ids.councilItem, 'decide');
      expect((await request(council.secretary, 'POST', `/api/meetings/${ids.councilMeeting}/minutes`)).status).toBe(202);
      await waitForOutboxDrained(t.dataSource, 30_000);
      const members = await minutesHtml(council.secretary, ids.councilMeeting);
      expect(members).toContain(`<h3>${SECTION_HEADING}</h3>\n<p>${SECTION_DECISION}</p>\n<h3>${FINANCE_HEADING}</h3>\n<p>${FINANCE_DECISION}</p>\n<h3>Beslutning</h3>`);
      const publicVariant = await minutesHtml(council.secretary, ids.councilMeeting, 'public');
      expect(publicVariant).toContain(`<h3>${SECTION_HEADING}</h3>`);
      expect(publicVariant).not.toContain(FINANCE_DECISION);

      const councilAgenda = await request(councilMember, 'GET', `/api/meetings/${ids.councilMeeting}`);
      expect(councilAgenda.body.items.find((item: { id: string }) => item.id === ids.councilItem).earlierDecisions).toHaveLength(2);
      const publicAgenda = await request(null, 'GET', `/api/public/meetings/${ids.councilMeeting}`);
      expect(publicAgenda.body.items.find((item: { title: string }) => item.title === CASE_TITLE).earlierDecisions.map((d: { decision: string }) => d.decision)).toEqual([SECTION_DECISION]);
    });

    it('shows on the case route each committee’s decision to its members, and of other committees where that meeting’s minutes are public', async () => {
      const route = await request(councilMember, 'GET', `/api/cases/${encodeURIComponent(CASE)}`);
      expect(route.status).toBe(200);
      expect(route.body.items).toEqual([
        expect.objectContaining({ id: ids.sectionItem, committeeName: '§ 17, stk. 4-udvalget', readable: false, state: 'referred', decision: SECTION_DECISION }),
        expect.objectContaining({ id: ids.financeItem, committeeName: 'PKØ-udvalget', readable: false, state: 'referred' }),
        expect.objectContaining({ id: ids.councilItem, committeeName: 'Byrådet', readable: true, decision: 'Byrådet godkendte den videre proces.' }),
      ]);
      expect(route.body.items[1]).not.toHaveProperty('decision');
      const full = await request(finance.secretary, 'GET', `/api/cases/${encodeURIComponent(CASE)}`);
      expect(full.body.items[1]).toMatchObject({ readable: true, decision: FINANCE_DECISION });
    });
  });
});
