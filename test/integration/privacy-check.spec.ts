import { type Fixtures, type LoggedIn, type MeetingFixtures, startTestApp, type TestApp, waitForOutboxDrained } from '@app/test-kit';
import { AgendaItem, Attendance, Meeting } from '@app/meetings';

const CPR = '120385-4578';
const EMAIL = 'jens.hansen@example.dk';
const PHONE = '23 45 67 89';

interface Finding {
  kind: string;
  masked: string;
  fingerprint: string;
  where: { itemId: string | null; itemNumber: number | null; itemTitle: string | null; field: string; offset: number };
}

describe('the privacy check before an agenda or minutes are published', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let committeeId: string;
  let secretary: LoggedIn;
  let chair: LoggedIn;
  let member: LoggedIn;
  let meetings: MeetingFixtures;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    fixtures = await t.fixtures();
    committeeId = (await fixtures.committee({ name: 'Social- og sundhedsudvalget', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null })).id;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara' });
    chair = await fixtures.member(committeeId, 'chair', { name: 'Birgit Jakobsen' });
    member = await fixtures.member(committeeId, 'member', { name: 'Erik Eriksen' });
    meetings = fixtures.meetings(committeeId, secretary.token);
    await waitForOutboxDrained(t.dataSource);
  });
  afterAll(() => t.close());

  const post = (who: LoggedIn, url: string, body: unknown) => t.request('POST', url, { token: who.token, body });
  const confirmationsAudited = (meetingId: string): Promise<{ details: Record<string, unknown> }[]> =>
    t.dataSource.query(`SELECT details FROM audit_entry WHERE action = 'privacy.confirmed-public' AND entity_id = $1 ORDER BY at, (details->'where'->>'offset')::int`, [meetingId]);

  it('refuses to publish an agenda whose public text holds personal data, listing each finding, and publishes nothing', async () => {
    const meetingId = await meetings.meeting({ startsAt: '2030-05-06T09:00:00+02:00', endsAt: '2030-05-06T12:00:00+02:00', title: 'Ordinært møde' });
    const open = await meetings.item(meetingId, {
      title: 'Klage over afgørelse',
      caseNumber: '27.00.00-P20-1-24',
      startTime: '09:00',
      endTime: '10:00',
      summary: `Borgeren (cpr. ${CPR}) klager. Budgettet er 23456789 kr.`,
      presentation: `Henvendelser til ${EMAIL} eller tlf. ${PHONE}.`,
    });
    // A closed item's texts never become public, so they are not the public's concern.
    await meetings.item(meetingId, { title: 'Personsag', closed: true, closedReason: 'personal-matter', startTime: '10:00', endTime: '11:00', summary: `CPR ${CPR}, tlf. ${PHONE}` });
    for (const item of (await t.api.expect(200, 'GET', `/api/meetings/${meetingId}`, { token: secretary.token })).items) await meetings.fireOnItem(item.id, 'mark-ready');

    const refused = await post(secretary, `/api/meetings/${meetingId}/transitions`, { event: 'publish' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('personal_data_found');
    const findings: Finding[] = refused.body.details.findings;
    expect(findings.map(({ kind, masked, where }) => ({ kind, masked, itemId: where.itemId, field: where.field }))).toEqual([
      { kind: 'cpr', masked: '12****-**78', itemId: open.id, field: 'summary' },
      { kind: 'email', masked: 'j***@example.dk', itemId: open.id, field: 'presentation' },
      { kind: 'phone', masked: '******89', itemId: open.id, field: 'presentation' },
    ]);
    expect(findings[0].where).toMatchObject({ itemNumber: 1, itemTitle: 'Klage over afgørelse', offset: 'Borgeren (cpr. '.length });
    expect(JSON.stringify(refused.body)).not.toMatch(/120385|4578|jens\.hansen|23 45 67/);

    const unpublished = await t.api.expect(200, 'GET', `/api/meetings/${meetingId}`, { token: secretary.token });
    expect(unpublished).toMatchObject({ state: 'planned', publishedAt: null });
    expect(unpublished.items.map((i: { state: string }) => i.state)).toEqual(['ready', 'ready']);
    expect((await t.request('GET', `/api/public/meetings/${meetingId}`)).status).toBe(404);
    expect(await confirmationsAudited(meetingId)).toEqual([]);
  });

  it('publishes once each finding is redacted or confirmed, and audits each confirmation without the value', async () => {
    const meetingId = await meetings.meeting({ startsAt: '2030-05-07T09:00:00+02:00', endsAt: '2030-05-07T12:00:00+02:00', location: `Rådhuset, kontakt ${EMAIL}` });
    const item = await meetings.item(meetingId, { title: 'Orientering', startTime: '09:00', endTime: '10:00', summary: `Borgeren (cpr. ${CPR}) og tlf. ${PHONE}.` });
    await meetings.fireOnItem(item.id, 'mark-ready');
    const publish = (confirmPublic?: string[]) => post(secretary, `/api/meetings/${meetingId}/transitions`, { event: 'publish', ...(confirmPublic ? { confirmPublic } : {}) });

    const first: Finding[] = (await publish()).body.details.findings;
    expect(first.map((f) => `${f.kind}:${f.where.itemId === null ? 'meeting' : 'item'}.${f.where.field}`)).toEqual(['email:meeting.location', 'cpr:item.summary', 'phone:item.summary']);
    const [email, cpr, phone] = first;

    // A confirmation covers only what it names; a chair may not publish even with them.
    const partly = await publish([email.fingerprint]);
    expect(partly.status).toBe(409);
    expect(partly.body.details.findings.map((f: Finding) => f.kind)).toEqual(['cpr', 'phone']);
    expect((await post(member, `/api/meetings/${meetingId}/transitions`, { event: 'publish', confirmPublic: [email.fingerprint, cpr.fingerprint, phone.fingerprint] })).status).toBe(403);

    expect((await publish(['not a fingerprint'])).status).toBe(400);
    expect((await publish([email.fingerprint, 'x'.repeat(23)])).status).toBe(400);

    // The CPR number redacted, the phone number confirmed together with the e-mail address.
    await meetings.updateItem(item.id, { summary: `Borgeren (cpr. ******-****) og tlf. ${PHONE}.` });
    const published = await publish([email.fingerprint, phone.fingerprint]);
    expect(published.status).toBe(200);
    expect(published.body.state).toBe('published');
    expect((await t.request('GET', `/api/public/meetings/${meetingId}`)).body.items[0].summary).toContain(PHONE);

    const audited = await confirmationsAudited(meetingId);
    expect(audited.map(({ details }) => details)).toEqual([
      { publication: 'agenda', kind: 'email', masked: 'j***@example.dk', fingerprint: email.fingerprint, where: { itemId: null, itemNumber: null, field: 'location', offset: 'Rådhuset, kontakt '.length } },
      { publication: 'agenda', kind: 'phone', masked: '******89', fingerprint: phone.fingerprint, where: { itemId: item.id, itemNumber: 1, field: 'summary', offset: expect.any(Number) } },
    ]);
    expect(JSON.stringify(audited)).not.toMatch(/jens\.hansen|23 45 67|23456789/);
  });

  describe('minutes', () => {
    /** A held meeting written to the database, its open item's decision and a dissent holding personal data. */
    async function heldMeeting(): Promise<{ meetingId: string; itemId: string }> {
      const db = t.dataSource;
      const meeting = await db.getRepository(Meeting).save({
        committeeId,
        title: 'Ordinært møde',
        startsAt: new Date('2025-02-03T09:00:00+01:00'),
        endsAt: new Date('2025-02-03T12:00:00+01:00'),
        publishedAt: new Date('2025-01-27T09:00:00+01:00'),
        location: 'Rådhuset',
        state: 'held',
      });
      const item = await db.getRepository(AgendaItem).save({
        meetingId: meeting.id,
        number: 1,
        title: 'Klage',
        state: 'decided',
        closed: false,
        attachmentNames: [],
        startTime: '09:00',
        endTime: '10:00',
        decision: `Udvalget besluttede at svare borgeren på ${EMAIL}.`,
      });
      await db.getRepository(AgendaItem).save({
        meetingId: meeting.id,
        number: 2,
        title: 'Personsag',
        state: 'decided',
        closed: true,
        closedReason: 'personal-matter',
        publicTitle: 'Personalesag',
        attachmentNames: [],
        decision: `CPR ${CPR}`,
      });
      await db.getRepository(Attendance).save([
        { meetingId: meeting.id, personId: chair.id, status: 'present', until: null },
        { meetingId: meeting.id, personId: member.id, status: 'present', until: null },
      ]);
      const queued = await post(secretary, `/api/meetings/${meeting.id}/minutes`, {});
      expect(queued.status).toBe(202);
      await waitForOutboxDrained(t.dataSource, 30_000);
      return { meetingId: meeting.id, itemId: item.id };
    }

    it('are checked at approval, while the texts can still be corrected, and again when published', async () => {
      const { meetingId, itemId } = await heldMeeting();
      const fire = (who: LoggedIn, event: string, confirmPublic?: string[]) =>
        post(who, `/api/meetings/${meetingId}/minutes/transitions`, { event, ...(confirmPublic ? { confirmPublic } : {}) });

      const refused = await fire(chair, 'approve');
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'personal_data_found', details: { publication: 'minutes-approval' } });
      const [email] = refused.body.details.findings as Finding[];
      expect(refused.body.details.findings).toHaveLength(1);
      expect(email).toMatchObject({ kind: 'email', masked: 'j***@example.dk', where: { itemId, field: 'decision' } });
      expect((await t.api.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`, { token: chair.token })).workflowState).toBe('draft');

      expect((await fire(chair, 'approve', [email.fingerprint])).status).toBe(200);
      for (const who of [chair, member, secretary]) await fire(who, 'sign');
      expect((await t.api.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`, { token: chair.token })).workflowState).toBe('signed');

      // Sealed, the text can only be confirmed: publishing asks again, for this publication.
      const unconfirmed = await fire(secretary, 'publish');
      expect(unconfirmed.status).toBe(409);
      expect(unconfirmed.body.details).toMatchObject({ publication: 'minutes', findings: [{ fingerprint: email.fingerprint }] });
      expect((await t.request('GET', `/api/public/meetings/${meetingId}/minutes.md`)).status).toBe(404);

      expect((await fire(secretary, 'publish', [email.fingerprint])).status).toBe(200);
      expect((await t.request('GET', `/api/public/meetings/${meetingId}/minutes.md`)).status).toBe(200);
      expect((await confirmationsAudited(meetingId)).map(({ details }) => details.publication)).toEqual(['minutes-approval', 'minutes']);
    });

    it('pass approval once the secretary has corrected the decision', async () => {
      const { meetingId, itemId } = await heldMeeting();
      expect((await post(chair, `/api/meetings/${meetingId}/minutes/transitions`, { event: 'approve' })).status).toBe(409);
      await meetings.updateItem(itemId, { decision: 'Udvalget besluttede at svare borgeren.' });
      expect((await post(secretary, `/api/meetings/${meetingId}/minutes`, {})).status).toBe(202);
      await waitForOutboxDrained(t.dataSource, 30_000);
      expect((await post(chair, `/api/meetings/${meetingId}/minutes/transitions`, { event: 'approve' })).status).toBe(200);
      expect(await confirmationsAudited(meetingId)).toEqual([]);
    });
  });
});
