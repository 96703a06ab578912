import { createHash, randomBytes } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { copenhagenInstant, todayInCopenhagen, WorkingDayCalendar } from '@app/domain';
import { type Fixtures, type LoggedIn, type MeetingFixtures, pdfPages, SmtpServer, startTestApp, type TestApp, waitForOutboxDrained, waitUntil } from '@app/test-kit';

/**
 * Hedensted Kommune's legal workflow told as one story (issue 16, "Tests that must exist"): the § 17, stk. 4
 * committee for rethinking the social area gets its kommissorium adopted, meets with an afbud and a substitute, a
 * closed item and late material, cannot decide one item after two disqualifications, and sends the case
 * "Det gode liv - Videre proces" through PKØ-udvalget to Byrådet; its minutes are signed, published and given a Tillæg.
 */
const CASE = '00.01.00-P22-1-19';
const CASE_TITLE = 'Det gode liv - Videre proces';
const SECTION_NAME = '§ 17, stk. 4-udvalget vedrørende gentænkning af socialområdet';

/** The kommissorium as the seeds' notat frames it. */
const KOMMISSORIUM = {
  title: `Kommissorium for ${SECTION_NAME}`,
  purpose: 'Udvalget skal arbejde med gentænkning af det samlede socialområde i Hedensted Kommune.',
  themes: ['Forpligtende fællesskaber – partnerskaber og inddragelse af civilsamfundet', 'Et sammenhængende socialområde', 'Implementering af lovgivning og reformer i en Hedensted-kontekst'],
  composition: 'Birgit Jakobsen (KD) er formand. En politiker fra hvert af de fire udvalg: Social Omsorg, Læring, Beskæftigelse og Fællesskab. Direktør for Social Omsorg, Ann Hermansen, samt en sekretær.',
  deliverables: 'En faseopdelt procesplan, der understøtter Kommunalbestyrelsens strategiske sigtepunkter.',
};

/** Every text only the closed item carries, each distinctive, so a leak into a public output is found by a plain search. */
const SECRET = { title: 'Personsag vedrørende HK-TITEL-1719', summary: 'HK-RESUME-1719', presentation: 'HK-SAGSFREMSTILLING-1719', decision: 'HK-BESLUTNING-1719' };

/** The days the committees meet, in the past so the meetings can be held (the § 17.4 meeting is moved here after its afbud). */
const SECTION_HELD = { startsAt: '2025-11-03T09:30:00+01:00', endsAt: '2025-11-03T12:00:00+01:00' };
const FINANCE_HELD = { startsAt: '2025-11-18T15:00:00+01:00', endsAt: '2025-11-18T17:00:00+01:00' };
const COUNCIL_HELD = { startsAt: '2025-12-01T19:00:00+01:00', endsAt: '2025-12-01T22:00:00+01:00' };
const SECTION_HEADING = `Beslutning i ${SECTION_NAME} den 3. november 2025`;
const FINANCE_HEADING = 'Beslutning i PKØ-udvalget den 18. november 2025';
const SECTION_DECISION = 'Udvalget anbefaler den videre proces for Det gode liv over for PKØ-udvalget.';
const FINANCE_DECISION = 'PKØ-udvalget anbefaler Byrådet at godkende den videre proces.';
const COUNCIL_DECISION = 'Byrådet godkendte den videre proces efter afstemning.';

/** The committees' mandate reaches past today, so a meeting ahead of today lies inside it. */
const MANDATE_END = `${Number(todayInCopenhagen().slice(0, 4)) + 1}-12-31`;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdfBytes = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
const recipientOf = (mail: ParsedMail): string => (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address as string;
/** A Copenhagen wall-clock time as the API takes an instant. */
const apiInstant = (date: string, time: string) => copenhagenInstant(date, time).toISOString().replace(/\.\d{3}Z$/, 'Z');
const oneLine = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');

interface Seat extends LoggedIn {
  membershipId: string;
}

interface DecidingCommittee {
  id: string;
  secretary: LoggedIn;
  /** The chair first. */
  members: Seat[];
  driver: MeetingFixtures;
}

describe('the legal workflow: Hedensted Kommune’s § 17, stk. 4 committee from kommissorium to a Tillæg to its referat', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let fixtures: Fixtures;
  let bodyId: string;
  /** Everyone who logs in during the story, by person id, so the signatories the API lists can sign. */
  const people = new Map<string, LoggedIn>();

  let council: DecidingCommittee;
  let finance: DecidingCommittee;
  const section = {
    id: '',
    secretary: {} as Seat,
    chair: {} as Seat,
    director: {} as Seat,
    /** The politicians from Social Omsorg, Læring, Beskæftigelse and Fællesskab. */
    members: [] as Seat[],
    substitute: {} as LoggedIn,
    driver: {} as MeetingFixtures,
  };
  const ids = { commission: '', commissionItem: '', sectionMeeting: '', caseItem: '', quorumItem: '', closedItem: '', financeMeeting: '', financeItem: '', councilMeeting: '', councilItem: '' };
  let sealHash = '';

  const as = (who: LoggedIn | null) => ({
    get: (url: string) => t.request('GET', url, { token: who?.token }),
    post: (url: string, body: unknown = {}) => t.request('POST', url, { token: who?.token, body }),
    patch: (url: string, body: unknown) => t.request('PATCH', url, { token: who?.token, body }),
    put: (url: string, body: unknown) => t.request('PUT', url, { token: who?.token, body }),
    delete: (url: string) => t.request('DELETE', url, { token: who?.token }),
  });
  const read = async (url: string, who: LoggedIn | null): Promise<string> => {
    const { status, bytes } = await t.api.download(url, who?.token);
    expect(status).toBe(200);
    return bytes.toString('utf8');
  };
  const pdfPagesOf = async (url: string, who: LoggedIn | null): Promise<string[]> => {
    const { status, headers, bytes } = await t.api.download(url, who?.token);
    expect([status, headers['content-type']]).toEqual([200, 'application/pdf']);
    return pdfPages(bytes);
  };
  const pdfText = async (url: string, who: LoggedIn | null): Promise<string> => oneLine(await pdfPagesOf(url, who));

  async function seated(committeeId: string, role: string, name: string, spec: { party?: string; roles?: ('director' | 'admin')[] } = {}): Promise<Seat> {
    const person = await fixtures.person({ name, login: true, ...spec, ...(spec.roles ? { bodyIds: [bodyId] } : {}) });
    const { id: membershipId } = await fixtures.seat(committeeId, person.id, role);
    people.set(person.id, person);
    return { ...person, membershipId };
  }

  /** A committee with an open mandate whose decisions need quorum: its secretary, then its chair and members (name, party). */
  async function decidingCommittee(fields: { name: string; kind: 'council' | 'finance'; reportsToId?: string }, politicians: [string, string][]): Promise<DecidingCommittee> {
    const { id } = await fixtures.committee({ bodyId, mandateStart: '2024-01-01', mandateEnd: null, ...fields });
    const secretary = await seated(id, 'secretary', `Sekretær for ${fields.name}`);
    const members: Seat[] = [];
    for (const [index, [name, party]] of politicians.entries()) members.push(await seated(id, index === 0 ? 'chair' : 'member', name, { party }));
    return { id, secretary, members, driver: fixtures.meetings(id, secretary.token) };
  }

  /** Accepts the one referral proposed to the meeting; the answer is the new item's id. */
  async function acceptReferral(secretary: LoggedIn, meetingId: string): Promise<string> {
    const { items: [proposal] } = await t.api.expect(200, 'GET', `/api/meetings/${meetingId}/referrals`, { token: secretary.token });
    return (await t.api.expect(200, 'POST', `/api/meetings/${meetingId}/referrals/${proposal.id}/accept`, { token: secretary.token })).acceptedItemId as string;
  }

  async function assembleMinutes(secretary: LoggedIn, meetingId: string): Promise<void> {
    expect((await as(secretary).post(`/api/meetings/${meetingId}/minutes`)).status).toBe(202);
    await waitForOutboxDrained(t.dataSource, 30_000);
  }

  beforeAll(async () => {
    smtp = await SmtpServer.start();
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url, OUTBOX_POLL_INTERVAL_MS: '200' } });
    fixtures = await t.fixtures();
    ({ id: bodyId } = await fixtures.body({ name: 'Hedensted Kommune', electionTermEnd: MANDATE_END }));

    council = await decidingCommittee({ name: 'Byrådet', kind: 'council' }, [
      ['Ole Vind', 'V'],
      ['Anette Bloch', 'A'],
      ['Carsten Dahl', 'O'],
    ]);
    finance = await decidingCommittee({ name: 'PKØ-udvalget', kind: 'finance', reportsToId: council.id }, [
      ['Ole Vind i PKØ', 'V'],
      ['Hanne Holm', 'A'],
      ['Jens Juul', 'C'],
    ]);

    const committee = await fixtures.committee({ bodyId, name: SECTION_NAME, kind: 'section-17-4', mandateStart: '2024-01-01', mandateEnd: MANDATE_END, reportsToId: finance.id });
    expect(committee.commissionNeedsCouncil).toBe(true);
    section.id = committee.id;
    section.secretary = await seated(section.id, 'secretary', 'Tania Boye Mikkelsen');
    section.chair = await seated(section.id, 'chair', 'Birgit Jakobsen', { party: 'KD' });
    section.members = [
      await seated(section.id, 'member', 'Kirsten Social Omsorg', { party: 'A' }),
      await seated(section.id, 'member', 'Lars Læring', { party: 'V' }),
      await seated(section.id, 'member', 'Mette Beskæftigelse', { party: 'F' }),
      await seated(section.id, 'member', 'Niels Fællesskab', { party: 'C' }),
    ];
    section.director = await seated(section.id, 'administration', 'Ann Hermansen', { roles: ['director'] });
    section.substitute = await fixtures.person({ name: 'Susanne Stedfortræder', party: 'A', login: true });
    people.set(section.substitute.id, section.substitute);
    section.driver = fixtures.meetings(section.id, section.secretary.token);
    await waitForOutboxDrained(t.dataSource);
    smtp.clear();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  describe('1. the kommissorium', () => {
    const fire = (who: LoggedIn, event: string, comment?: string) =>
      as(who).post(`/api/commissions/${ids.commission}/transitions`, comment === undefined ? { event } : { event, comment });

    it('is drafted, submitted, returned once with a comment, resubmitted and approved by the director, and proposed on PKØ-udvalget’s next meeting', async () => {
      // PKØ-udvalget's next meeting, ahead of today; it is moved to its day in the past before it is held.
      ids.financeMeeting = await finance.driver.meeting({ startsAt: `${MANDATE_END}T15:00:00+01:00`, title: 'Ordinært møde' });
      const created = await as(section.secretary).post(`/api/committees/${section.id}/commissions`, KOMMISSORIUM);
      expect(created.status).toBe(201);
      ids.commission = created.body.id;
      expect((await fire(section.secretary, 'submit')).body.state).toBe('submitted');
      const returned = await fire(section.director, 'return', 'Tilføj den faseopdelte procesplan');
      expect(returned.body.state).toBe('draft');
      expect((await fire(section.secretary, 'submit')).body.state).toBe('submitted');
      const approved = await fire(section.director, 'approve');
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ state: 'awaiting-council', inForce: false, approved: { by: section.director.id } });
      expect(approved.body.council).toMatchObject({ committeeId: finance.id, committeeName: 'PKØ-udvalget', meetingId: ids.financeMeeting, itemNumber: 1 });
      ids.commissionItem = approved.body.council.itemId;

      const item = await as(finance.secretary).get(`/api/items/${ids.commissionItem}`);
      expect(item.body).toMatchObject({ title: `Godkendelse af kommissorium for ${SECTION_NAME}`, originKind: 'commission', originId: ids.commission });
      expect(item.body.presentation).toContain(`## Formål\n\n${KOMMISSORIUM.purpose}`);
      const history = await as(section.secretary).get(`/api/commissions/${ids.commission}/history`);
      expect(history.body.map((step: { event: string; comment?: string | null }) => step.event)).toEqual(['submit', 'return', 'submit', 'approve']);
      expect(history.body[1].comment).toBe('Tilføj den faseopdelte procesplan');
    });
  });

  describe('2. a meeting of the § 17.4 committee, ahead of today', () => {
    it('sends the agenda with the case and a closed item as "Lukket punkt: Personalesag", nothing else of it, to the members and the public', async () => {
      // Two working days ahead: inside the agenda's and the material's notice, so material added now is late.
      const day = new WorkingDayCalendar().workingDaysAfter(todayInCopenhagen(), 2);
      ids.sectionMeeting = await section.driver.meeting({ startsAt: apiInstant(day, '09:30'), endsAt: apiInstant(day, '12:00') });
      ids.caseItem = (await section.driver.item(ids.sectionMeeting, { title: CASE_TITLE, caseNumber: CASE, summary: 'Visionen for Det gode liv og den videre proces.', recommendation: 'Direktionen indstiller, at udvalget anbefaler den videre proces.' })).id;
      ids.quorumItem = (await section.driver.item(ids.sectionMeeting, { title: 'Partnerskab med frivillige foreninger', recommendation: 'Direktionen indstiller, at udvalget godkender partnerskabet.' })).id;
      const closed = await section.driver.item(ids.sectionMeeting, { title: SECRET.title, closed: true, closedReason: 'personal-matter', summary: SECRET.summary, presentation: SECRET.presentation });
      expect(closed).toMatchObject({ closed: true, publicTitle: 'Personalesag' });
      ids.closedItem = closed.id;
      const published = await section.driver.publish(ids.sectionMeeting);
      expect(published.warnings).toContainEqual(expect.objectContaining({ code: 'agenda_notice_not_met' }));

      const agendaMails = async () => (await smtp.mails()).filter((mail) => mail.subject?.includes('Dagsorden'));
      await waitUntil(async () => (await agendaMails()).length >= 6, { timeoutMs: 20_000 }, async () => `${(await agendaMails()).length} of 6 agenda e-mails arrived`);
      const mails = await agendaMails();
      expect(mails.map(recipientOf)).toContain(section.chair.email);
      for (const mail of mails) {
        expect(mail.text).toContain('3. Lukket punkt: Personalesag');
        expect(mail.text).toContain(CASE_TITLE);
        for (const secret of Object.values(SECRET)) expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain(secret);
      }

      const publicAgenda = await as(null).get(`/api/public/meetings/${ids.sectionMeeting}`);
      expect(publicAgenda.status).toBe(200);
      expect(publicAgenda.body.items.map((i: { title: string }) => i.title)).toEqual([CASE_TITLE, 'Partnerskab med frivillige foreninger', 'Lukket punkt: Personalesag']);
      for (const secret of Object.values(SECRET)) expect(publicAgenda.text).not.toContain(secret);
      expect((await as(section.members[0]).get(`/api/meetings/${ids.sectionMeeting}`)).body.items[2]).toMatchObject({ title: SECRET.title });
    });

    it('marks a Bilag added after the material deadline "Eftersendt" in the agenda read and the agenda PDF', async () => {
      await waitForOutboxDrained(t.dataSource);
      const bilag = await t.api.upload(`/api/items/${ids.caseItem}/attachments`, { bytes: pdfBytes(2_000), name: 'Notatark Det gode liv.pdf', type: 'application/pdf' }, { token: section.secretary.token });
      expect(bilag.status).toBe(201);
      expect(bilag.body.warnings).toEqual([expect.objectContaining({ code: 'material_notice_not_met' })]);
      const agenda = (await as(section.chair).get(`/api/meetings/${ids.sectionMeeting}`)).body;
      expect(agenda.items[0].attachments[0]).toMatchObject({ name: 'Notatark Det gode liv.pdf', sentLateAt: expect.any(String) });
      await waitForOutboxDrained(t.dataSource, 30_000);
      expect(await pdfText(`/api/meetings/${ids.sectionMeeting}/agenda.pdf`, section.chair)).toContain('Notatark Det gode liv.pdf (Eftersendt)');
    });

    it('takes a member’s afbud and calls in their substitute, who gets the agenda with the invitation', async () => {
      const [absentee, alsoAbsent] = [section.members[0], section.members[3]];
      expect((await as(section.secretary).post(`/api/committees/${section.id}/members/${absentee.membershipId}/substitutes`, { personId: section.substitute.id })).status).toBe(201);
      await waitForOutboxDrained(t.dataSource);
      smtp.clear();
      expect((await as(section.substitute).get(`/api/meetings/${ids.sectionMeeting}`)).status).toBe(403);
      for (const member of [absentee, alsoAbsent]) expect((await as(member).put(`/api/meetings/${ids.sectionMeeting}/attendance/${member.id}`, { status: 'absent' })).status).toBe(200);
      const calledIn = await as(section.secretary).post(`/api/meetings/${ids.sectionMeeting}/substitutes`, { forPersonId: absentee.id });
      expect(calledIn.status).toBe(201);
      expect(calledIn.body.calledIn).toEqual({ personId: section.substitute.id, name: 'Susanne Stedfortræder' });

      await waitForOutboxDrained(t.dataSource);
      const toSubstitute = (await smtp.mails()).filter((mail) => recipientOf(mail) === section.substitute.email);
      expect(toSubstitute).toHaveLength(1);
      const [mail] = toSubstitute;
      expect(mail.subject).toContain('Dagsorden');
      expect(mail.text).toContain('3. Lukket punkt: Personalesag');
      for (const secret of Object.values(SECRET)) expect(`${mail.text}${mail.html}`).not.toContain(secret);
      const invitation = mail.attachments.find((a) => a.filename === 'invitation.ics')!.content.toString('utf8').replace(/\r\n[ \t]/g, '');
      expect(invitation).toContain('METHOD:REQUEST');
      expect(invitation.toLowerCase()).toContain(section.substitute.email.toLowerCase());
      expect((await as(section.substitute).get(`/api/meetings/${ids.sectionMeeting}`)).status).toBe(200);
    });
  });

  describe('3. at the meetings', () => {
    it('§ 17.4: after two disqualifications the advisory committee still decides, without quorum; the case is referred to PKØ-udvalget', async () => {
      // The meeting took place: moved to its day, it is held with the afbud and the substitute as recorded.
      expect((await as(section.secretary).patch(`/api/meetings/${ids.sectionMeeting}`, SECTION_HELD)).status).toBe(200);
      await section.driver.fireOnMeeting(ids.sectionMeeting, 'hold');
      const quorumOf = async () => (await as(section.chair).get(`/api/items/${ids.quorumItem}`)).body.quorum;
      expect(await quorumOf()).toMatchObject({ disqualified: 0, met: true });
      for (const who of [section.members[1], section.members[2]]) {
        expect((await as(section.secretary).post(`/api/items/${ids.quorumItem}/notes`, { personId: who.id, kind: 'disqualification' })).status).toBe(201);
      }
      expect(await quorumOf()).toMatchObject({ disqualified: 2, met: false });
      await section.driver.updateItem(ids.quorumItem, { decision: 'Udvalget drøftede partnerskabet.' });
      const decided = await as(section.secretary).post(`/api/items/${ids.quorumItem}/transitions`, { event: 'decide' });
      expect(decided.status).toBe(200);
      expect(decided.body.quorum).toMatchObject({ disqualified: 2, met: false });

      await section.driver.updateItem(ids.closedItem, { decision: SECRET.decision });
      await section.driver.fireOnItem(ids.closedItem, 'decide');
      await section.driver.updateItem(ids.caseItem, { decision: SECTION_DECISION });
      await section.driver.fireOnItem(ids.caseItem, 'refer', { referToMeetingId: ids.financeMeeting });
      ids.financeItem = await acceptReferral(finance.secretary, ids.financeMeeting);
    });

    it('PKØ-udvalget: refuses decide with 409 quorum_not_met after two disqualifications, then adopts the kommissorium and refers the case to Byrådet with the § 17.4 decision carried along', async () => {
      const referred = await as(finance.secretary).get(`/api/items/${ids.financeItem}`);
      expect(referred.body).toMatchObject({ title: CASE_TITLE, caseNumber: CASE });
      expect(referred.body.earlierDecisions).toEqual([expect.objectContaining({ committeeName: SECTION_NAME, decision: SECTION_DECISION })]);

      expect((await as(finance.secretary).patch(`/api/meetings/${ids.financeMeeting}`, FINANCE_HELD)).status).toBe(200);
      await finance.driver.hold(ids.financeMeeting);
      await finance.driver.updateItem(ids.commissionItem, { decision: 'PKØ-udvalget godkender kommissoriet.', decisionOutcome: 'approved' });
      const notes: string[] = [];
      for (const who of [finance.members[1], finance.members[2]]) {
        notes.push((await as(finance.secretary).post(`/api/items/${ids.commissionItem}/notes`, { personId: who.id, kind: 'disqualification' })).body.id);
      }
      const refused = await as(finance.secretary).post(`/api/items/${ids.commissionItem}/transitions`, { event: 'decide' });
      expect([refused.status, refused.body.code]).toEqual([409, 'quorum_not_met']);
      expect(refused.body.details.quorum).toMatchObject({ disqualified: 2, met: false });
      expect((await as(section.secretary).get(`/api/commissions/${ids.commission}`)).body.state).toBe('awaiting-council');
      // The disqualifications were recorded by mistake: removed, the committee is quorate and decides.
      for (const noteId of notes) expect((await as(finance.secretary).delete(`/api/items/${ids.commissionItem}/notes/${noteId}`)).status).toBe(204);
      await finance.driver.fireOnItem(ids.commissionItem, 'decide');
      const adopted = await as(section.secretary).get(`/api/commissions/${ids.commission}`);
      expect(adopted.body).toMatchObject({ state: 'adopted', inForce: true });
      expect(adopted.body.adopted.comment).toBe('Vedtaget af PKØ-udvalget på mødet tirsdag den 18. november 2025, punkt 1: PKØ-udvalget godkender kommissoriet.');

      ids.councilMeeting = await council.driver.meeting({ ...COUNCIL_HELD });
      await finance.driver.updateItem(ids.financeItem, { decision: FINANCE_DECISION });
      await finance.driver.fireOnItem(ids.financeItem, 'refer', { referToMeetingId: ids.councilMeeting });
      ids.councilItem = await acceptReferral(council.secretary, ids.councilMeeting);

      await assembleMinutes(finance.secretary, ids.financeMeeting);
      const minutes = await read(`/api/meetings/${ids.financeMeeting}/minutes.html`, finance.members[0]);
      expect(minutes).toContain(`<h3>${SECTION_HEADING}</h3>\n<p>${SECTION_DECISION}</p>\n<h3>Beslutning</h3>\n<p>${FINANCE_DECISION}</p>\n<p>Oversendt til Byrådet.</p>`);
    });

    it('Byrådet: the vote on the case is recorded and decided, and its agenda and minutes carry both earlier decisions, oldest first', async () => {
      const agenda = (await as(council.members[1]).get(`/api/meetings/${ids.councilMeeting}`)).body;
      const item = agenda.items.find((i: { id: string }) => i.id === ids.councilItem);
      expect(item.earlierDecisions.map((d: { committeeName: string; decision: string }) => [d.committeeName, d.decision])).toEqual([
        [SECTION_NAME, SECTION_DECISION],
        ['PKØ-udvalget', FINANCE_DECISION],
      ]);
      await council.driver.hold(ids.councilMeeting);
      const [chair, memberA, memberO] = council.members;
      const votes = await as(council.secretary).put(`/api/items/${ids.councilItem}/votes`, {
        votes: [
          { personId: chair.id, vote: 'for' },
          { personId: memberA.id, vote: 'for' },
          { personId: memberO.id, vote: 'against' },
        ],
      });
      expect(votes.status).toBe(200);
      expect(votes.body.result).toBe('adopted');
      await council.driver.updateItem(ids.councilItem, { decision: COUNCIL_DECISION });
      await council.driver.fireOnItem(ids.councilItem, 'decide');

      await assembleMinutes(council.secretary, ids.councilMeeting);
      const html = await read(`/api/meetings/${ids.councilMeeting}/minutes.html`, chair);
      expect(html).toContain(`<h3>${SECTION_HEADING}</h3>\n<p>${SECTION_DECISION}</p>\n<h3>${FINANCE_HEADING}</h3>\n<p>${FINANCE_DECISION}</p>\n<h3>Beslutning</h3>`);
      expect(html).toContain('<p>For stemte: Anette Bloch (A), Ole Vind (V). Imod stemte: Carsten Dahl (O).</p>');
      expect(await pdfText(`/api/meetings/${ids.councilMeeting}/minutes.pdf`, chair)).toContain('For stemte: Anette Bloch (A), Ole Vind (V). Imod stemte: Carsten Dahl (O).');
    });
  });

  describe('4. the § 17.4 committee’s minutes', () => {
    const minutesUrl = () => `/api/meetings/${ids.sectionMeeting}/minutes`;

    it('are assembled with the substitute, the want of quorum and "Oversendt til PKØ-udvalget", approved, signed by those who took part and published', async () => {
      await assembleMinutes(section.secretary, ids.sectionMeeting);
      const [absentee, , , alsoAbsent] = section.members;
      const substituteLine = `Susanne Stedfortræder deltog som stedfortræder for ${absentee.name}.`;
      const html = await read(`${minutesUrl()}.html`, section.chair);
      expect(html).toContain(substituteLine);
      expect(html).toContain(`${absentee.name} og ${alsoAbsent.name}`);
      expect(html).toContain('Udvalget var ikke beslutningsdygtigt.');
      expect(html).toContain(`<h3>Beslutning</h3>\n<p>${SECTION_DECISION}</p>\n<p>Oversendt til PKØ-udvalget.</p>`);
      expect(await read(`${minutesUrl()}.md`, section.chair)).toContain(substituteLine);
      expect(await pdfText(`${minutesUrl()}.pdf`, section.chair)).toContain(substituteLine);

      const fire = (who: LoggedIn, event: string) => as(who).post(`${minutesUrl()}/transitions`, { event });
      expect((await fire(section.chair, 'approve')).status).toBe(200);
      for (const staff of [section.secretary, section.director]) expect((await fire(staff, 'sign')).body.code).toBe('not_a_signatory');
      const { signatories } = (await as(section.secretary).get(minutesUrl())).body.signatures;
      const names = signatories.map((s: { name: string }) => s.name);
      for (const took of [section.chair, section.members[1], section.members[2]]) expect(names).toContain(took.name);
      for (const absent of [absentee, alsoAbsent, section.secretary, section.director]) expect(names).not.toContain(absent.name);
      let sealed: { status: number; body: any } = { status: 0, body: {} };
      for (const { personId } of signatories) {
        sealed = await fire(people.get(personId)!, 'sign');
        expect(sealed.status).toBe(200);
      }
      expect(sealed.body).toMatchObject({ state: 'signed', seal: { verified: true } });
      sealHash = sealed.body.seal.hash;
      expect(sealHash).toMatch(/^[0-9a-f]{64}$/);

      const pages = await pdfPagesOf(`${minutesUrl()}.pdf`, section.chair);
      const signaturePage = pages[pages.length - 1].replace(/\s+/g, ' ');
      expect(signaturePage).toMatch(/^Underskrifter /);
      expect(signaturePage).toContain('Birgit Jakobsen, Formand, underskrevet');
      for (const took of [section.members[1], section.members[2]]) expect(signaturePage).toContain(`${took.name}, Medlem, underskrevet`);
      expect(signaturePage).toContain(`forseglet med kontrolsummen SHA-256 ${sealHash}.`);
      expect(sha256((await t.api.download(`${minutesUrl()}.pdf?edition=assembled`, section.chair.token)).bytes)).toBe(sealHash);

      expect((await fire(section.secretary, 'publish')).status).toBe(200);
      const published = await read(`/api/public/meetings/${ids.sectionMeeting}/minutes.html`, null);
      expect(published).toContain(substituteLine);
      expect(published).toContain('Punkt 3: Lukket punkt: Personalesag');
      for (const secret of Object.values(SECRET)) expect(published).not.toContain(secret);
    });
  });

  describe('5. a Tillæg to the sealed minutes', () => {
    const minutesUrl = () => `/api/meetings/${ids.sectionMeeting}/minutes`;
    const TEXT = 'Notatarket om Det gode liv er dateret den 3. juni 2020.';

    it('is seen in the members’ and the public documents, as a Tillæg PDF and by e-mail; the sealed PDF is unchanged', async () => {
      await waitForOutboxDrained(t.dataSource, 30_000);
      smtp.clear();
      const added = await as(section.secretary).post(`${minutesUrl()}/addenda`, { text: TEXT, itemId: ids.caseItem });
      expect(added.status).toBe(201);
      const [addendum] = added.body.addenda;
      expect(addendum).toMatchObject({ itemNumber: 1, public: true });
      expect(added.body.seal).toMatchObject({ hash: sealHash, verified: true });

      for (const format of ['html', 'md']) {
        for (const text of [await read(`${minutesUrl()}.${format}`, section.chair), await read(`/api/public/meetings/${ids.sectionMeeting}/minutes.${format}`, null)]) {
          expect(text).toMatch(/Tillæg til referatet, tilføjet \p{L}+ den \d{1,2}\. \p{L}+ \d{4} kl\. \d{1,2}\.\d{2}/u);
          expect(text).toContain(TEXT);
          expect(text).toContain('Vedrører punkt 1.');
        }
      }
      const tillaeg = await pdfText(addendum.url, section.chair);
      expect(tillaeg).toContain(TEXT);
      expect(tillaeg).toContain(addendum.sha256);
      const listed = await as(null).get(`/api/public/meetings/${ids.sectionMeeting}/minutes/addenda`);
      expect(listed.body.map((a: { text: string }) => a.text)).toEqual([TEXT]);
      expect(await pdfText(listed.body[0].url, null)).toContain(TEXT);
      expect(sha256((await t.api.download(`${minutesUrl()}.pdf?edition=assembled`, section.chair.token)).bytes)).toBe(sealHash);

      await waitForOutboxDrained(t.dataSource, 30_000);
      const mails = (await smtp.mails()).filter((mail) => mail.subject === 'Tillæg til referatet');
      expect(mails.map(recipientOf)).toEqual(expect.arrayContaining([section.chair.email, section.members[1].email]));
      for (const mail of mails) expect(mail.text).toContain(TEXT);
    });
  });
});
