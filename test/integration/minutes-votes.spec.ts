import { createHash } from 'node:crypto';
import { type Fixtures, type LoggedIn, pdfPages, SmtpServer, startTestApp, type TestApp, waitForOutboxDrained } from '@app/test-kit';
import { AgendaItem, Attendance, ItemNote, Meeting } from '@app/meetings';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('minutes: votes per item, who signs, when the meeting ended, and addenda seen', () => {
  let t: TestApp;
  let smtp: SmtpServer;
  let fixtures: Fixtures;
  let committeeId: string;
  let secretary: LoggedIn;
  let chair: LoggedIn;
  let memberO: LoggedIn;
  let memberA: LoggedIn;
  let memberF: LoggedIn;
  let administration: LoggedIn;

  beforeAll(async () => {
    smtp = await SmtpServer.start();
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url } });
    fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Teknik- og Miljøudvalget', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    committeeId = committee.id;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara' });
    chair = await fixtures.member(committeeId, 'chair', { name: 'Anne Andersen', party: 'V' });
    memberO = await fixtures.member(committeeId, 'member', { name: 'Bo Bech', party: 'O' });
    memberA = await fixtures.member(committeeId, 'member', { name: 'Cecilie Carlsen', party: 'A' });
    memberF = await fixtures.member(committeeId, 'member', { name: 'Dan Dam' });
    administration = await fixtures.member(committeeId, 'administration', { name: 'Forvaltningen Frank' });
    await waitForOutboxDrained(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const as = (who: LoggedIn) => ({
    get: (url: string) => t.request('GET', url, { token: who.token }),
    post: (url: string, body?: unknown) => t.request('POST', url, { token: who.token, body: body ?? {} }),
    put: (url: string, body?: unknown) => t.request('PUT', url, { token: who.token, body: body ?? {} }),
  });

  /** A held meeting with an open item to vote on and a closed one, everyone present. */
  async function heldMeeting(): Promise<{ meetingId: string; itemId: string; closedItemId: string }> {
    const db = t.dataSource;
    const meeting = await db.getRepository(Meeting).save({
      committeeId,
      title: null,
      startsAt: new Date('2024-03-05T09:30:00+01:00'),
      endsAt: new Date('2024-03-05T12:00:00+01:00'),
      location: 'Rådhuset, Mødelokale 2',
      state: 'held',
    });
    const item = await db.getRepository(AgendaItem).save({
      meetingId: meeting.id,
      state: 'decided',
      attachmentNames: [],
      closed: false,
      number: 1,
      title: 'Ny cykelsti langs Ringvejen',
      decision: 'Indstillingen blev sat til afstemning.',
    });
    const closed = await db.getRepository(AgendaItem).save({
      meetingId: meeting.id,
      state: 'decided',
      attachmentNames: [],
      closed: true,
      closedReason: 'personal-matter',
      publicTitle: 'Personalesag',
      number: 2,
      title: 'Personsag vedrørende Karen Kristensen',
      decision: 'Godkendt.',
    });
    await db.getRepository(Attendance).save([chair, memberO, memberA, memberF, administration, secretary].map((p) => ({ meetingId: meeting.id, personId: p.id, status: 'present' as const, until: null })));
    return { meetingId: meeting.id, itemId: item.id, closedItemId: closed.id };
  }

  it('records each member’s vote, refuses a disqualified member, the secretary and the administration, and writes the vote and "Mødet hævet" into the minutes', async () => {
    const { meetingId, itemId } = await heldMeeting();
    const votesUrl = `/api/items/${itemId}/votes`;
    const recorded = await as(secretary).put(votesUrl, {
      votes: [
        { personId: chair.id, vote: 'for' },
        { personId: memberA.id, vote: 'for' },
        { personId: memberO.id, vote: 'against' },
        { personId: memberF.id, vote: 'abstain' },
      ],
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.result).toBe('adopted');
    expect(recorded.body.votes).toHaveLength(4);

    expect((await as(chair).put(votesUrl, { votes: [] })).status).toBe(403);
    expect((await as(secretary).put(votesUrl, { votes: [{ personId: chair.id, vote: 'maybe' }] })).status).toBe(400);
    for (const outsider of [secretary, administration]) {
      const refused = await as(secretary).put(votesUrl, { votes: [{ personId: outsider.id, vote: 'for' }] });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('not_a_voter');
    }

    await t.dataSource.getRepository(ItemNote).save({ itemId, personId: memberF.id, kind: 'disqualification', text: null });
    const disqualified = await as(secretary).put(votesUrl, { votes: [{ personId: chair.id, vote: 'for' }, { personId: memberF.id, vote: 'for' }] });
    expect(disqualified.status).toBe(422);
    expect(disqualified.body.code).toBe('voter_disqualified');
    expect(disqualified.body.message).toContain('Dan Dam');
    // Refused as a whole: the votes recorded before stand.
    const before = (await as(secretary).get(`/api/meetings/${meetingId}`)).body.items[0].votes;
    expect(before.map((v: { personName: string; vote: string }) => `${v.personName}:${v.vote}`)).toEqual(['Anne Andersen:for', 'Bo Bech:against', 'Cecilie Carlsen:for', 'Dan Dam:abstain']);
    expect((await as(secretary).put(votesUrl, { votes: [{ personId: chair.id, vote: 'for' }, { personId: memberA.id, vote: 'for' }, { personId: memberO.id, vote: 'against' }] })).status).toBe(200);

    const closed = await as(secretary).post(`/api/meetings/${meetingId}/transitions`, { event: 'close' });
    expect(closed.status).toBe(200);
    expect(closed.body.endedAt).not.toBeNull();
    expect((await as(secretary).put(votesUrl, { votes: [] })).status).toBe(409);

    expect((await as(secretary).post(`/api/meetings/${meetingId}/minutes`)).status).toBe(202);
    await waitForOutboxDrained(t.dataSource, 30_000);
    const votes = 'For stemte: Anne Andersen (V), Cecilie Carlsen (A). Imod stemte: Bo Bech (O).';
    const ended = /Mødet hævet kl\. \d{1,2}\.\d{2}\./;
    for (const variant of ['members', 'public']) {
      const html = (await t.api.download(`/api/meetings/${meetingId}/minutes.html?variant=${variant}`, chair.token)).bytes.toString('utf8');
      expect(html).toContain(`<p>${votes}</p>`);
      expect(html).toContain('<p>Forslaget blev vedtaget.</p>');
      expect(html).toMatch(ended);
      const markdown = (await t.api.download(`/api/meetings/${meetingId}/minutes.md?variant=${variant}`, chair.token)).bytes.toString('utf8');
      expect(markdown).toContain(`${votes}\n\nForslaget blev vedtaget.`);
      expect(markdown).toMatch(ended);
      const pdf = (await pdfPages((await t.api.download(`/api/meetings/${meetingId}/minutes.pdf?variant=${variant}`, chair.token)).bytes)).join('\n').replace(/\s+/g, ' ');
      expect(pdf).toContain(votes);
      expect(pdf).toContain('Forslaget blev vedtaget.');
      expect(pdf).toMatch(ended);
    }
  });

  it('is signed by the members who took part, never by the secretary or the administration', async () => {
    const { meetingId } = await heldMeeting();
    expect((await as(secretary).post(`/api/meetings/${meetingId}/minutes`)).status).toBe(202);
    await waitForOutboxDrained(t.dataSource, 30_000);
    const minutes = await as(secretary).get(`/api/meetings/${meetingId}/minutes`);
    expect(minutes.body.signatures.signatories.map((s: { name: string }) => s.name)).toEqual(['Anne Andersen', 'Bo Bech', 'Cecilie Carlsen', 'Dan Dam']);
    const fire = (who: LoggedIn, event: string) => as(who).post(`/api/meetings/${meetingId}/minutes/transitions`, { event });
    expect((await fire(chair, 'approve')).status).toBe(200);
    for (const staff of [secretary, administration]) {
      const refused = await fire(staff, 'sign');
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('not_a_signatory');
    }
    expect((await fire(memberO, 'sign')).body.signatures).toMatchObject({ needed: 4, given: 1 });
  });

  it('shows an addendum, dated, in the members’ documents and, unless it concerns a closed item, in the public ones; as a Tillæg PDF; by e-mail; the sealed PDF unchanged', async () => {
    const { meetingId, itemId, closedItemId } = await heldMeeting();
    const minutesUrl = `/api/meetings/${meetingId}/minutes`;
    expect((await as(secretary).post(minutesUrl)).status).toBe(202);
    await waitForOutboxDrained(t.dataSource, 30_000);
    const fire = (who: LoggedIn, event: string) => as(who).post(`${minutesUrl}/transitions`, { event });
    await fire(chair, 'approve');
    let sealed = { body: { seal: { hash: '' } } };
    for (const who of [chair, memberO, memberA, memberF]) sealed = await fire(who, 'sign');
    const sealHash = sealed.body.seal.hash;
    expect(sealHash).toMatch(/^[0-9a-f]{64}$/);
    const before = smtp.count;

    const other = await heldMeeting();
    const misplaced = await as(secretary).post(`${minutesUrl}/addenda`, { text: 'Forkert punkt', itemId: other.itemId });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.code).toBe('addendum_item_not_on_agenda');
    const texts = { open: 'Beløbet rettes til 250.000 kr.', closed: 'Karen Kristensens sag genoptages', whole: 'Stavefejl i referatet rettet.' };
    expect((await as(secretary).post(`${minutesUrl}/addenda`, { text: texts.open, itemId })).status).toBe(201);
    expect((await as(secretary).post(`${minutesUrl}/addenda`, { text: texts.closed, itemId: closedItemId })).status).toBe(201);
    const added = await as(secretary).post(`${minutesUrl}/addenda`, { text: texts.whole });
    expect(added.body.addenda.map((a: { itemNumber: number | null; public: boolean }) => [a.itemNumber, a.public])).toEqual([
      [1, true],
      [2, false],
      [null, true],
    ]);
    expect(added.body.seal).toMatchObject({ hash: sealHash, verified: true });

    const read = async (url: string, token?: string) => (await t.api.download(url, token)).bytes.toString('utf8');
    for (const format of ['html', 'md']) {
      const members = await read(`${minutesUrl}.${format}`, chair.token);
      expect(members).toMatch(/Tillæg til referatet, tilføjet \p{L}+ den \d{1,2}\. \p{L}+ \d{4} kl\. \d{1,2}\.\d{2}/u);
      for (const text of Object.values(texts)) expect(members).toContain(text);
      expect(members).toContain('Vedrører punkt 1.');
      const preview = await read(`${minutesUrl}.${format}?variant=public`, chair.token);
      expect(preview).toContain('Vedrører punkt 1.');
      expect(preview).not.toContain('Karen Kristensen');
    }
    // The sealed PDF never changes and still verifies.
    expect(sha256((await t.api.download(`${minutesUrl}.pdf?edition=assembled`, chair.token)).bytes)).toBe(sealHash);

    const [openAddendum, closedAddendum] = added.body.addenda;
    const closedPdf = (await pdfPages((await t.api.download(closedAddendum.url, chair.token)).bytes)).join('\n').replace(/\s+/g, ' ');
    expect(closedPdf).toContain('TILLÆG TIL REFERATET Teknik- og Miljøudvalget d. 05-03-2024');
    expect(closedPdf).toMatch(/Tillæg til referatet, tilføjet \p{L}+ den/u);
    expect(closedPdf).toContain(texts.closed);
    expect(closedPdf).toContain(closedAddendum.sha256);

    expect((await t.api.download(`/api/public/meetings/${meetingId}/minutes/addenda`)).status).toBe(404);
    expect((await fire(secretary, 'publish')).status).toBe(200);
    const listed = await t.request('GET', `/api/public/meetings/${meetingId}/minutes/addenda`);
    expect(listed.body.map((a: { text: string }) => a.text)).toEqual([texts.open, texts.whole]);
    expect(listed.body[0].url).toBe(`/api/public/meetings/${meetingId}/minutes/addenda/${openAddendum.id}/tillaeg.pdf`);
    const openPdf = await t.api.download(listed.body[0].url);
    expect(openPdf.headers['content-type']).toBe('application/pdf');
    expect((await pdfPages(openPdf.bytes)).join(' ')).toContain(texts.open);
    expect((await t.api.download(`/api/public/meetings/${meetingId}/minutes/addenda/${closedAddendum.id}/tillaeg.pdf`)).status).toBe(404);
    for (const format of ['html', 'md']) {
      const published = await read(`/api/public/meetings/${meetingId}/minutes.${format}`);
      expect(published).toContain('Vedrører punkt 1.');
      expect(published).not.toContain('Karen Kristensen');
    }
    expect(sha256((await t.api.download(`${minutesUrl}.pdf?edition=assembled`, chair.token)).bytes)).toBe(sealHash);

    await waitForOutboxDrained(t.dataSource, 30_000);
    const mails = (await smtp.mails()).slice(before).filter((mail) => mail.subject === 'Tillæg til referatet');
    const onTheList = [secretary, chair, memberO, memberA, memberF, administration].map((p) => p.email).sort();
    expect(mails.map((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0].address).sort()).toEqual([...onTheList, ...onTheList, ...onTheList].sort());
    expect(mails.some((mail) => mail.text?.includes(texts.open))).toBe(true);
    expect(mails.some((mail) => mail.text?.includes('Karen Kristensen'))).toBe(false);
  });
});
