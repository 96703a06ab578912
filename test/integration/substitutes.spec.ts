import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { type Fixtures, type LoggedIn, type MeetingFixtures, pdfPages, SmtpServer, startTestApp, tableCounts, type TestApp, waitForOutboxDrained } from '@app/test-kit';

const recipientOf = (mail: ParsedMail): string => (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address as string;

/** The invitation attached to an e-mail, read with a real iCalendar parser. */
function invitationOf(mail: ParsedMail) {
  const attachment = mail.attachments.find((a) => a.filename === 'invitation.ics');
  if (!attachment) throw new Error(`No invitation.ics in "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString('utf8')));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    attendees: event.getAllProperties('attendee').map((attendee) => String(attendee.getFirstValue()).replace(/^mailto:/i, '').toLowerCase()),
  };
}

interface Seat extends LoggedIn {
  membershipId: string;
}

describe('substitutes (stedfortrædere) and quorum (beslutningsdygtighed) over HTTP', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let fixtures: Fixtures;

  beforeAll(async () => {
    smtp = await SmtpServer.start();
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url, OUTBOX_POLL_INTERVAL_MS: '200' } });
    fixtures = await t.fixtures();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const as = (who: LoggedIn) => ({
    get: (url: string) => t.request('GET', url, { token: who.token }),
    post: (url: string, body: unknown = {}) => t.request('POST', url, { token: who.token, body }),
    put: (url: string, body: unknown) => t.request('PUT', url, { token: who.token, body }),
    delete: (url: string) => t.request('DELETE', url, { token: who.token }),
  });

  /** A committee with a secretary, a chair and `memberCount` members, each with the id of their seat. */
  async function committeeOf(kind: string, name: string, memberCount: number, fields: Record<string, unknown> = { mandateEnd: null }) {
    const committee = await fixtures.committee({ name, kind, mandateStart: '2024-01-01', ...fields });
    const seated = async (role: string, person: string): Promise<Seat> => {
      const who = await fixtures.person({ name: person, login: true });
      const { id: membershipId } = await fixtures.seat(committee.id, who.id, role);
      return { ...who, membershipId };
    };
    const secretary = await seated('secretary', `Sekretær i ${name}`);
    const chair = await seated('chair', `Formand i ${name}`);
    const members: Seat[] = [];
    for (let i = 1; i <= memberCount; i++) members.push(await seated('member', `Medlem ${i} i ${name}`));
    return { committeeId: committee.id as string, secretary, chair, members, driver: fixtures.meetings(committee.id, secretary.token) };
  }

  async function minutesHtml(meetingId: string, secretary: LoggedIn): Promise<string> {
    expect((await as(secretary).post(`/api/meetings/${meetingId}/minutes`)).status).toBe(202);
    await waitForOutboxDrained(t.dataSource, 30_000);
    const { status, bytes } = await t.api.download(`/api/meetings/${meetingId}/minutes.html`, secretary.token);
    expect(status).toBe(200);
    return bytes.toString('utf8');
  }

  describe('a seat’s list of substitutes', () => {
    it('is kept in order under the committee’s members: added, reordered, removed, never someone seated then', async () => {
      const { committeeId, secretary, chair, members } = await committeeOf('standing', 'Teknik og Miljø', 2);
      const first = await fixtures.person({ name: 'Første Stedfortræder' });
      const second = await fixtures.person({ name: 'Anden Stedfortræder' });
      const url = `/api/committees/${committeeId}/members/${members[0].membershipId}/substitutes`;
      const names = (body: { substitutes: { name: string }[] }) => body.substitutes.map((s) => s.name);

      const added = await as(secretary).post(url, { personId: first.id });
      expect(added.status).toBe(201);
      expect(names(added.body)).toEqual(['Første Stedfortræder']);
      expect(names((await as(secretary).post(url, { personId: second.id, position: 1 })).body)).toEqual(['Anden Stedfortræder', 'Første Stedfortræder']);
      expect(names((await as(secretary).put(url, { personIds: [first.id, second.id] })).body)).toEqual(['Første Stedfortræder', 'Anden Stedfortræder']);

      const counts = await tableCounts(t.dataSource);
      const seated = await as(secretary).post(url, { personId: chair.id });
      expect(seated.status).toBe(409);
      expect(seated.body.code).toBe('substitute_seated');
      expect((await as(secretary).post(url, { personId: first.id })).body.code).toBe('substitute_listed');
      expect((await as(secretary).put(url, { personIds: [first.id, first.id] })).body.code).toBe('duplicate_substitute');
      expect((await as(members[1]).post(url, { personId: chair.id })).status).toBe(403);
      expect(await tableCounts(t.dataSource)).toEqual(counts);

      expect(names((await as(secretary).delete(`${url}/${second.id}`)).body)).toEqual(['Første Stedfortræder']);
      expect((await as(secretary).delete(`${url}/${second.id}`)).body.code).toBe('substitute_not_listed');
      const { items } = (await as(members[1]).get(`/api/committees/${committeeId}/members`)).body;
      const seat = items.find((s: { id: string }) => s.id === members[0].membershipId);
      expect(seat.substitutes).toEqual([expect.objectContaining({ id: first.id, name: 'Første Stedfortræder' })]);
    });
  });

  describe('a member’s afbud', () => {
    it('offers the next free substitute, who is called in, gets the agenda with the invitation, reads that meeting only, and is named in the referat', async () => {
      const { committeeId, secretary, members, driver } = await committeeOf('standing', 'Børn og Unge', 3);
      const [absentee, alsoAbsent] = members;
      const substitute = await fixtures.person({ name: 'Sofie Stedfortræder', login: true });
      const second = await fixtures.person({ name: 'Svend Stedfortræder', login: true });
      for (const personId of [substitute.id, second.id]) {
        await as(secretary).post(`/api/committees/${committeeId}/members/${absentee.membershipId}/substitutes`, { personId });
      }
      await as(secretary).post(`/api/committees/${committeeId}/members/${alsoAbsent.membershipId}/substitutes`, { personId: substitute.id });
      const other = await driver.meeting({ startsAt: '2025-04-07T09:00:00+02:00' });
      const { meetingId, itemIds } = await driver.publishedMeeting({ startsAt: '2025-03-03T09:00:00+01:00', itemCount: 1, closedItems: [1] });
      await waitForOutboxDrained(t.dataSource);
      smtp.clear();

      expect((await as(substitute).get(`/api/meetings/${meetingId}`)).status).toBe(403);
      expect((await as(absentee).put(`/api/meetings/${meetingId}/attendance/${absentee.id}`, { status: 'absent' })).status).toBe(200);
      const offers = await as(secretary).get(`/api/meetings/${meetingId}/substitutes`);
      expect(offers.body).toEqual([
        {
          member: { personId: absentee.id, name: absentee.name },
          calledIn: null,
          offer: { personId: substitute.id, name: 'Sofie Stedfortræder' },
          substitutes: [
            { personId: substitute.id, name: 'Sofie Stedfortræder', free: true },
            { personId: second.id, name: 'Svend Stedfortræder', free: true },
          ],
        },
      ]);
      expect((await as(absentee).get(`/api/meetings/${meetingId}/substitutes`)).status).toBe(403);
      expect((await as(secretary).post(`/api/meetings/${meetingId}/substitutes`, { forPersonId: alsoAbsent.id })).body.code).toBe('member_not_absent');

      const calledIn = await as(secretary).post(`/api/meetings/${meetingId}/substitutes`, { forPersonId: absentee.id });
      expect(calledIn.status).toBe(201);
      expect(calledIn.body).toMatchObject({ calledIn: { personId: substitute.id, name: 'Sofie Stedfortræder' }, offer: null });
      expect((await as(secretary).post(`/api/meetings/${meetingId}/substitutes`, { forPersonId: absentee.id })).body.code).toBe('substitute_already_called_in');
      // Called in for one member, the substitute is not free for another whose list names them too.
      await as(alsoAbsent).put(`/api/meetings/${meetingId}/attendance/${alsoAbsent.id}`, { status: 'absent' });
      expect((await as(secretary).get(`/api/meetings/${meetingId}/substitutes`)).body.find((o: { member: { personId: string } }) => o.member.personId === alsoAbsent.id)).toEqual({
        member: { personId: alsoAbsent.id, name: alsoAbsent.name },
        calledIn: null,
        offer: null,
        substitutes: [{ personId: substitute.id, name: 'Sofie Stedfortræder', free: false }],
      });
      expect((await as(secretary).post(`/api/meetings/${meetingId}/substitutes`, { forPersonId: alsoAbsent.id })).body.code).toBe('no_substitute_free');

      await waitForOutboxDrained(t.dataSource);
      // Besides the secretary's notices of the two afbud, the one e-mail the call-in sends: the agenda, to the substitute.
      const toSubstitute = (await smtp.mails()).filter((m) => recipientOf(m) === substitute.email);
      expect(toSubstitute).toHaveLength(1);
      const [mail] = toSubstitute;
      expect(mail.subject).toContain('Dagsorden');
      expect(invitationOf(mail)).toMatchObject({ method: 'REQUEST', attendees: expect.arrayContaining([substitute.email.toLowerCase()]) });

      const read = await as(substitute).get(`/api/meetings/${meetingId}`);
      expect(read.status).toBe(200);
      expect(read.body.items[0].closed).toBe(true);
      expect(read.body.attendance).toContainEqual(
        expect.objectContaining({ personId: substitute.id, status: 'present', roles: [], substituteFor: { personId: absentee.id, name: absentee.name } }),
      );
      expect((await as(substitute).get(`/api/items/${itemIds[0]}`)).status).toBe(200);
      expect((await as(substitute).get(`/api/meetings/${meetingId}/invite.ics`)).status).toBe(200);
      expect((await as(substitute).get(`/api/meetings/${other}`)).status).toBe(403);
      expect((await as(substitute).get('/api/me/meetings')).body.items.map((m: { id: string }) => m.id)).toEqual([meetingId]);
      expect((await as(substitute).get(`/api/committees/${committeeId}/meetings`)).status).toBe(403);

      await driver.fireOnMeeting(meetingId, 'hold');
      const html = await minutesHtml(meetingId, secretary);
      expect(html).toContain(`Alle var mødt, undtagen ${absentee.name} og ${alsoAbsent.name}, der havde meldt afbud.`);
      expect(html).toContain(`Sofie Stedfortræder deltog som stedfortræder for ${absentee.name}.`);
      expect(html).not.toContain('Desuden deltog Sofie');
      const markdown = (await t.api.download(`/api/meetings/${meetingId}/minutes.md`, secretary.token)).bytes.toString('utf8');
      expect(markdown).toContain(`Sofie Stedfortræder deltog som stedfortræder for ${absentee.name}.`);
      const pdf = (await pdfPages((await t.api.download(`/api/meetings/${meetingId}/minutes.pdf`, secretary.token)).bytes)).join('\n').replace(/\s+/g, ' ');
      expect(pdf).toContain(`Sofie Stedfortræder deltog som stedfortræder for ${absentee.name}.`);
    });

    it('is withdrawn and the substitute released; an explicit one is called in and released by the secretary, and one whose member comes after all', async () => {
      const { committeeId, secretary, members, driver } = await committeeOf('standing', 'Kultur og Fritid', 2);
      const [absentee] = members;
      const first = await fixtures.person({ name: 'Første Suppleant', login: true });
      const second = await fixtures.person({ name: 'Anden Suppleant' });
      for (const personId of [first.id, second.id]) await as(secretary).post(`/api/committees/${committeeId}/members/${absentee.membershipId}/substitutes`, { personId });
      // Ahead of today: a member withdraws their own afbud only before the meeting begins.
      const meetingId = await driver.meeting({ startsAt: '2030-03-04T09:00:00+01:00' });
      await as(absentee).put(`/api/meetings/${meetingId}/attendance/${absentee.id}`, { status: 'absent' });
      expect((await as(secretary).post(`/api/meetings/${meetingId}/substitutes`, { forPersonId: absentee.id })).body.calledIn.personId).toBe(first.id);
      expect((await as(first).get(`/api/meetings/${meetingId}`)).status).toBe(200);

      expect((await as(absentee).delete(`/api/meetings/${meetingId}/attendance/${absentee.id}/absence`)).status).toBe(200);
      expect((await as(first).get(`/api/meetings/${meetingId}`)).status).toBe(403);
      const attendance = (await as(secretary).get(`/api/meetings/${meetingId}`)).body.attendance;
      expect(attendance.map((row: { personId: string }) => row.personId)).not.toContain(first.id);

      await as(absentee).put(`/api/meetings/${meetingId}/attendance/${absentee.id}`, { status: 'absent' });
      const explicit = await as(secretary).post(`/api/meetings/${meetingId}/substitutes`, { forPersonId: absentee.id, substitutePersonId: second.id });
      expect(explicit.body.calledIn).toEqual({ personId: second.id, name: 'Anden Suppleant' });
      expect((await as(secretary).delete(`/api/meetings/${meetingId}/substitutes/${second.id}`)).status).toBe(204);
      expect((await as(secretary).delete(`/api/meetings/${meetingId}/substitutes/${second.id}`)).body.code).toBe('substitute_not_called_in');
      expect((await as(secretary).get(`/api/meetings/${meetingId}/substitutes`)).body[0]).toMatchObject({ calledIn: null, offer: { personId: first.id } });

      await as(secretary).post(`/api/meetings/${meetingId}/substitutes`, { forPersonId: absentee.id });
      await driver.attendance(meetingId, absentee.id, 'present');
      expect((await as(first).get(`/api/meetings/${meetingId}`)).status).toBe(403);
    });
  });

  describe('the minutes of the meeting they sat', () => {
    it('are read and signed by the substitute, named "Stedfortræder for" on the signature page; a substitute of another meeting, one absent or released, and the secretary are refused', async () => {
      const { committeeId, secretary, chair, members, driver } = await committeeOf('standing', 'Klima og Natur', 3);
      const [absentee, releasedFor, stayedAwayFor] = members;
      const substitute = await fixtures.person({ name: 'Signe Stedfortræder', login: true });
      const elsewhere = await fixtures.person({ name: 'Erik Andetsteds', login: true });
      const released = await fixtures.person({ name: 'Rikke Frigivet', login: true });
      const stayedAway = await fixtures.person({ name: 'Ulla Udeblevet', login: true });
      const list = async (member: Seat, people: { id: string }[]) => {
        for (const { id } of people) await as(secretary).post(`/api/committees/${committeeId}/members/${member.membershipId}/substitutes`, { personId: id });
      };
      await list(absentee, [substitute, elsewhere]);
      await list(releasedFor, [released]);
      await list(stayedAwayFor, [stayedAway]);
      const { meetingId } = await driver.publishedMeeting({ startsAt: '2025-03-03T09:00:00+01:00', itemCount: 1 });
      const { meetingId: otherMeeting } = await driver.publishedMeeting({ startsAt: '2025-04-07T09:00:00+02:00', itemCount: 1 });
      const callIn = async (meeting: string, member: Seat, personId: string) => {
        await driver.attendance(meeting, member.id, 'absent');
        expect((await as(secretary).post(`/api/meetings/${meeting}/substitutes`, { forPersonId: member.id, substitutePersonId: personId })).status).toBe(201);
      };
      await callIn(meetingId, absentee, substitute.id);
      await callIn(otherMeeting, absentee, elsewhere.id);
      await callIn(meetingId, releasedFor, released.id);
      expect((await as(secretary).delete(`/api/meetings/${meetingId}/substitutes/${released.id}`)).status).toBe(204);
      await callIn(meetingId, stayedAwayFor, stayedAway.id);
      await driver.attendance(meetingId, stayedAway.id, 'absent');
      await driver.fireOnMeeting(meetingId, 'hold');
      expect((await as(secretary).post(`/api/meetings/${meetingId}/minutes`)).status).toBe(202);
      await waitForOutboxDrained(t.dataSource, 30_000);

      const minutesUrl = `/api/meetings/${meetingId}/minutes`;
      const fire = (who: LoggedIn, event: string) => as(who).post(`${minutesUrl}/transitions`, { event });
      const read = await as(substitute).get(minutesUrl);
      expect(read.status).toBe(200);
      expect(read.body.signatures.signatories.map((s: { name: string }) => s.name).sort()).toEqual([chair.name, 'Signe Stedfortræder'].sort());
      for (const format of ['html', 'md', 'pdf']) expect((await t.api.download(`${minutesUrl}.${format}`, substitute.token)).status).toBe(200);
      for (const outsider of [elsewhere, released]) {
        for (const url of [minutesUrl, `${minutesUrl}.html`, `${minutesUrl}/transitions`]) expect((await as(outsider).get(url)).status).toBe(403);
      }

      smtp.clear();
      expect((await fire(chair, 'approve')).status).toBe(200);
      await waitForOutboxDrained(t.dataSource);
      const askedToSign = (await smtp.mails()).filter((mail) => mail.subject === 'Referatet afventer din underskrift').map(recipientOf);
      expect(askedToSign.sort()).toEqual([chair.email, substitute.email].sort());

      expect((await as(substitute).get(`${minutesUrl}/transitions`)).body.map((e: { event: string }) => e.event)).toEqual(['sign']);
      for (const outsider of [elsewhere, released]) expect((await fire(outsider, 'sign')).status).toBe(403);
      expect((await as(stayedAway).get(`${minutesUrl}/transitions`)).body).toEqual([]);
      for (const nonSignatory of [secretary, stayedAway]) {
        const refused = await fire(nonSignatory, 'sign');
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('not_a_signatory');
      }

      const byChair = await fire(chair, 'sign');
      expect(byChair.body).toMatchObject({ workflowState: 'approved', seal: null, signatures: { needed: 2, given: 1 } });
      const bySubstitute = await fire(substitute, 'sign');
      expect(bySubstitute.status).toBe(200);
      expect(bySubstitute.body).toMatchObject({ workflowState: 'signed', signatures: { needed: 2, given: 2 }, seal: { verified: true } });
      expect((await fire(substitute, 'sign')).status).toBe(409);

      const signed = (await t.api.download(`${minutesUrl}.html`, substitute.token)).bytes.toString('utf8');
      expect(signed).toMatch(new RegExp(`Signe Stedfortræder, Stedfortræder for ${absentee.name}, underskrevet`));
      expect(signed).toMatch(new RegExp(`${chair.name}, Formand, underskrevet`));
      expect((await as(elsewhere).get(minutesUrl)).status).toBe(403);
    });
  });

  describe('quorum', () => {
    async function heldItem(driver: MeetingFixtures) {
      const { meetingId, itemIds } = await driver.heldMeeting({ startsAt: '2025-03-03T09:00:00+01:00', itemCount: 1 });
      await driver.updateItem(itemIds[0], { decision: 'Indstillingen blev godkendt.' });
      return { meetingId, itemId: itemIds[0] };
    }

    it('refuses decide with 409 and the figures when, of 5 members, one is absent and two are disqualified', async () => {
      const { secretary, chair, members, driver } = await committeeOf('standing', 'Sundhed og Ældre', 4);
      const { meetingId, itemId } = await heldItem(driver);
      await driver.attendance(meetingId, members[3].id, 'absent');
      const quorumOf = async () => (await as(chair).get(`/api/meetings/${meetingId}`)).body.items[0].quorum;
      expect(await quorumOf()).toEqual({ seats: 5, present: 4, disqualified: 0, required: 3, met: true });
      for (const who of [members[0], members[1]]) {
        expect((await as(secretary).post(`/api/items/${itemId}/notes`, { personId: who.id, kind: 'disqualification' })).status).toBe(201);
      }
      expect(await quorumOf()).toEqual({ seats: 5, present: 2, disqualified: 2, required: 3, met: false });
      expect((await as(chair).get(`/api/items/${itemId}`)).body.quorum).toMatchObject({ present: 2, met: false });

      const counts = await tableCounts(t.dataSource);
      const refused = await as(secretary).post(`/api/items/${itemId}/transitions`, { event: 'decide' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('quorum_not_met');
      expect(refused.body.details).toMatchObject({ quorum: { seats: 5, present: 2, disqualified: 2, required: 3, met: false } });
      expect(await tableCounts(t.dataSource)).toEqual(counts);
      expect((await as(secretary).get(`/api/items/${itemId}/transitions`)).body.map((e: { event: string }) => e.event)).not.toContain('decide');

      await driver.attendance(meetingId, members[3].id, 'present');
      expect((await as(secretary).post(`/api/items/${itemId}/transitions`, { event: 'decide' })).status).toBe(200);
    });

    it('gives an advisory § 17, stk. 4 committee the figure, not the refusal, and its referat says it was not quorate', async () => {
      const { secretary, members, driver } = await committeeOf('section-17-4', 'Udvalget for nytænkning', 2, { mandateEnd: '2025-12-31' });
      const { meetingId, itemId } = await heldItem(driver);
      await driver.attendance(meetingId, members[0].id, 'absent');
      await driver.attendance(meetingId, members[1].id, 'absent');
      const decided = await as(secretary).post(`/api/items/${itemId}/transitions`, { event: 'decide' });
      expect(decided.status).toBe(200);
      expect(decided.body.quorum).toEqual({ seats: 3, present: 1, disqualified: 0, required: 2, met: false });
      expect(await minutesHtml(meetingId, secretary)).toContain('Udvalget var ikke beslutningsdygtigt.');
    });

    it('counts a substitute called in in place of the absent member, and not once disqualified', async () => {
      const { committeeId, secretary, chair, members, driver } = await committeeOf('standing', 'Erhverv og Beskæftigelse', 2);
      const substitute = await fixtures.person({ name: 'Stedfortræder for Medlem 1' });
      await as(secretary).post(`/api/committees/${committeeId}/members/${members[0].membershipId}/substitutes`, { personId: substitute.id });
      const { meetingId } = await driver.publishedMeeting({ startsAt: '2025-03-03T09:00:00+01:00', itemCount: 1 });
      await driver.attendance(meetingId, members[0].id, 'absent');
      await driver.attendance(meetingId, members[1].id, 'absent');
      expect((await as(chair).get(`/api/meetings/${meetingId}`)).body.items[0].quorum).toMatchObject({ seats: 3, present: 1, met: false });
      await as(secretary).post(`/api/meetings/${meetingId}/substitutes`, { forPersonId: members[0].id });
      expect((await as(chair).get(`/api/meetings/${meetingId}`)).body.items[0].quorum).toMatchObject({ seats: 3, present: 2, met: true });

      await driver.fireOnMeeting(meetingId, 'hold');
      const itemId = (await as(chair).get(`/api/meetings/${meetingId}`)).body.items[0].id;
      expect((await as(secretary).post(`/api/items/${itemId}/notes`, { personId: substitute.id, kind: 'disqualification' })).status).toBe(201);
      expect((await as(chair).get(`/api/meetings/${meetingId}`)).body.items[0].quorum).toMatchObject({ seats: 3, present: 1, disqualified: 1, met: false });
    });
  });

  describe('in the council', () => {
    it('puts "Godkendelse af stedfortræderindkaldelse" on the next meeting not yet published, once however many are called in', async () => {
      const { committeeId, secretary, members, driver } = await committeeOf('council', 'Kommunalbestyrelsen', 3);
      for (const member of members.slice(0, 2)) {
        const substitute = await fixtures.person({ name: `Stedfortræder for ${member.name}` });
        await as(secretary).post(`/api/committees/${committeeId}/members/${member.membershipId}/substitutes`, { personId: substitute.id });
      }
      const { meetingId } = await driver.publishedMeeting({ startsAt: '2025-03-03T17:00:00+01:00', itemCount: 1 });
      const next = await driver.meeting({ startsAt: '2025-04-07T17:00:00+02:00' });
      const later = await driver.meeting({ startsAt: '2025-05-05T17:00:00+02:00' });
      for (const member of members.slice(0, 2)) {
        await driver.attendance(meetingId, member.id, 'absent');
        expect((await as(secretary).post(`/api/meetings/${meetingId}/substitutes`, { forPersonId: member.id })).status).toBe(201);
      }
      const titles = async (id: string) => (await as(secretary).get(`/api/meetings/${id}`)).body.items.map((item: { title: string }) => item.title);
      expect(await titles(next)).toEqual(['Godkendelse af stedfortræderindkaldelse']);
      expect(await titles(later)).toEqual([]);
      expect(await titles(meetingId)).not.toContain('Godkendelse af stedfortræderindkaldelse');

      await driver.attendance(next, members[2].id, 'absent');
      const own = await fixtures.person({ name: 'Stedfortræder for Medlem 3' });
      await as(secretary).post(`/api/committees/${committeeId}/members/${members[2].membershipId}/substitutes`, { personId: own.id });
      await as(secretary).post(`/api/meetings/${next}/substitutes`, { forPersonId: members[2].id });
      expect(await titles(next)).toEqual(['Godkendelse af stedfortræderindkaldelse']);
    });
  });
});
