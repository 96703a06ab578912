import { type Fixtures, type LoggedIn, pdfPages, startTestApp, type TestApp, waitForOutboxDrained } from '@app/test-kit';
import { AgendaItem, Attendance, ItemNote, Meeting } from '@app/meetings';

describe('minutes: votes per item, who signs, and when the meeting ended', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let committeeId: string;
  let secretary: LoggedIn;
  let chair: LoggedIn;
  let memberO: LoggedIn;
  let memberA: LoggedIn;
  let memberF: LoggedIn;
  let administration: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
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
  });

  const as = (who: LoggedIn) => ({
    get: (url: string) => t.request('GET', url, { token: who.token }),
    post: (url: string, body?: unknown) => t.request('POST', url, { token: who.token, body: body ?? {} }),
    put: (url: string, body?: unknown) => t.request('PUT', url, { token: who.token, body: body ?? {} }),
  });

  /** A held meeting with one open item to vote on, everyone present. */
  async function heldMeeting(): Promise<{ meetingId: string; itemId: string }> {
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
    await db.getRepository(Attendance).save([chair, memberO, memberA, memberF, administration, secretary].map((p) => ({ meetingId: meeting.id, personId: p.id, status: 'present' as const, until: null })));
    return { meetingId: meeting.id, itemId: item.id };
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
});
