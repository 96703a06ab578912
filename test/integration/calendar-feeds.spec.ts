import ICAL from 'ical.js';
import { type Fixtures, type LoggedIn, type MeetingFixtures, SmtpServer, startTestApp, type TestApp, waitForOutboxDrained } from '@app/test-kit';
import { Phase, PhaseParticipant } from '@app/process-plans';

/** Text of a closed item that no feed may carry. */
const CLOSED_TITLE = 'Personsag FEED-HEMMELIG-5521';
const OPEN_TITLE = 'Status på partnerskaber FEED-PUNKT';

interface FeedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  location: string;
  url: string | null;
  start: Date;
  end: Date;
}

function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events: FeedEvent[] = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue('status')),
      summary: event.summary,
      location: event.location,
      url: (component.getFirstPropertyValue('url') as string | null) ?? null,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
    };
  });
  return { calendar, events, byUid: (uid: string) => events.find((event) => event.uid === uid) };
}

function invitationOf(text: string) {
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
  return { uid: event.uid, sequence: event.sequence };
}

describe('calendar feeds over HTTP', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let fixtures: Fixtures;
  let committeeId: string;
  let otherCommitteeId: string;
  let secretary: LoggedIn;
  let member: LoggedIn;
  let otherMember: LoggedIn;
  let driver: MeetingFixtures;
  let otherDriver: MeetingFixtures;
  let publishedId: string;
  let cancelledId: string;
  let plannedId: string;
  let otherPublishedId: string;
  const logLines: string[] = [];

  /** The UID every calendar file gives the meeting (checked against invite.ics for the meetings the secretary reads). */
  const uidOf = (meetingId: string) => `meeting-${meetingId}@${new URL(t.config.PUBLIC_BASE_URL).hostname}`;
  const invite = async (meetingId: string) => invitationOf((await t.request('GET', `/api/meetings/${meetingId}/invite.ics`, { token: secretary.token })).text);
  const publicFeed = (id: string, headers?: Record<string, string>) => t.request('GET', `/api/public/committees/${id}/calendar.ics`, { headers });
  const createFeed = async (who: LoggedIn): Promise<string> => {
    const response = await t.request('POST', '/api/me/calendar-feed', { token: who.token });
    expect(response.status).toBe(201);
    return response.body.url;
  };
  /** A meeting whose agenda (one open item) has been sent. */
  const sentMeeting = async (meetings: MeetingFixtures, fields: Record<string, unknown>): Promise<string> => {
    const meetingId = await meetings.meeting(fields);
    await meetings.item(meetingId, { title: 'Gensidig orientering' });
    await meetings.publish(meetingId);
    return meetingId;
  };
  /** The feed at its full address, as a calendar application fetches it: no login. */
  const fetchFeed = (url: string) => t.request('GET', new URL(url).pathname);

  beforeAll(async () => {
    smtp = await SmtpServer.start();
    t = await startTestApp({
      worker: true,
      env: { SMTP_URL: smtp.url, AGENDA_UPDATE_COALESCE_MS: '300', OUTBOX_POLL_INTERVAL_MS: '200' },
      log: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } },
    });
    fixtures = await t.fixtures();
    committeeId = (await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null })).id;
    otherCommitteeId = (await fixtures.committee({ name: 'Social Omsorg', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null })).id;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara' });
    member = await fixtures.member(committeeId, 'member', { name: 'Åse Ørsted' });
    const otherSecretary = await fixtures.member(otherCommitteeId, 'secretary', { name: 'Sekretær Sofie' });
    otherMember = await fixtures.member(otherCommitteeId, 'member', { name: 'Kirsten Kold' });
    driver = fixtures.meetings(committeeId, secretary.token);
    otherDriver = fixtures.meetings(otherCommitteeId, otherSecretary.token);

    publishedId = await driver.meeting({ startsAt: '2027-02-02T09:30:00+01:00', location: 'Rådhuset, Mødelokale 1', title: 'Ordinært møde' });
    await driver.item(publishedId, { title: OPEN_TITLE, startTime: '09:30', endTime: '10:30' });
    await driver.item(publishedId, { title: CLOSED_TITLE, closed: true, closedReason: 'personal-matter', startTime: '10:30', endTime: '11:15', summary: 'FEED-HEMMELIG-RESUME' });
    await driver.publish(publishedId);

    cancelledId = await sentMeeting(driver, { startsAt: '2027-03-02T09:30:00+01:00', endsAt: '2027-03-02T11:00:00+01:00', title: 'Temamøde' });
    await driver.fireOnMeeting(cancelledId, 'cancel');

    plannedId = await driver.meeting({ startsAt: '2027-04-06T09:30:00+02:00', title: 'Planlagt møde' });
    otherPublishedId = await sentMeeting(otherDriver, { startsAt: '2027-02-09T13:00:00+01:00', endsAt: '2027-02-09T15:00:00+01:00', title: 'Social Omsorg, februar' });
    await waitForOutboxDrained(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  describe('a committee’s public feed', () => {
    it('lists the meetings whose agenda was sent, with the invitation’s UID and SEQUENCE, and no item at all', async () => {
      const response = await publicFeed(committeeId);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(response.headers['cache-control']).toBe('public, max-age=300');
      const { calendar, events, byUid } = parseFeed(response.text);
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Udvalg for lighed i sundhed: møder');
      expect(calendar.getFirstProperty('refresh-interval')?.toICALString()).toBe('REFRESH-INTERVAL;VALUE=DURATION:PT60M');
      expect(calendar.getFirstPropertyValue('x-published-ttl')?.toString()).toBe('PT60M');
      expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen');

      const published = byUid((await invite(publishedId)).uid)!;
      expect(published).toBeDefined();
      expect(published.sequence).toBe((await invite(publishedId)).sequence);
      expect(published.status).toBe('CONFIRMED');
      expect(published.summary).toBe('Ordinært møde');
      expect(published.location).toBe('Rådhuset, Mødelokale 1');
      expect(published.url).toBe(`${t.config.PUBLIC_BASE_URL}/offentlig/moeder/${publishedId}`);
      expect(published.start).toEqual(new Date('2027-02-02T08:30:00Z'));
      // Without an end of its own, the meeting ends with its last timed item, as in the invitation.
      expect(published.end).toEqual(new Date('2027-02-02T10:15:00Z'));

      const cancelled = byUid((await invite(cancelledId)).uid)!;
      expect(cancelled.status).toBe('CANCELLED');
      expect(cancelled.sequence).toBe((await invite(cancelledId)).sequence);
      expect(cancelled.url).toBeNull();

      // The planned meeting invited nobody yet; the other committee's meetings are in its own feed.
      expect(events).toHaveLength(2);
      expect(byUid((await invite(plannedId)).uid)).toBeUndefined();
      const unfolded = response.text.replace(/\r\n /g, '');
      expect(unfolded).not.toContain('FEED-HEMMELIG');
      expect(unfolded).not.toContain('FEED-PUNKT');
      expect(unfolded).not.toContain('Social Omsorg');
    });

    it('raises the SEQUENCE with each change, as the e-mailed invitation does', async () => {
      const before = parseFeed((await publicFeed(committeeId)).text).byUid((await invite(publishedId)).uid)!;
      const moved = await t.request('PATCH', `/api/meetings/${publishedId}`, { token: secretary.token, body: { location: 'Rådhuset, Byrådssalen' } });
      expect(moved.status).toBe(200);
      const after = parseFeed((await publicFeed(committeeId)).text).byUid(before.uid)!;
      expect(after.sequence).toBeGreaterThan(before.sequence);
      expect(after.sequence).toBe((await invite(publishedId)).sequence);
      expect(after.location).toBe('Rådhuset, Byrådssalen');
    });

    it('answers 304 to the copy it has, and 404 for an unknown committee', async () => {
      const first = await publicFeed(committeeId);
      const etag = first.headers['etag'] as string;
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      const again = await publicFeed(committeeId, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      const unknown = await publicFeed('00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('committee_not_found');
      expect((await publicFeed('not-a-uuid')).status).toBe(400);
    });
  });

  describe('a person’s own feed at its secret address', () => {
    it('is made, seen, renewed and ended by the person; a renewed or ended address answers 404 at once', async () => {
      expect((await t.request('GET', '/api/me/calendar-feed', { token: member.token })).body).toEqual({ active: false, createdAt: null });
      const url = await createFeed(member);
      expect(url).toMatch(new RegExp(`^${t.config.PUBLIC_BASE_URL}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
      const status = await t.request('GET', '/api/me/calendar-feed', { token: member.token });
      expect(status.body.active).toBe(true);
      expect(status.headers['cache-control']).toBe('no-store');

      const response = await fetchFeed(url);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');

      // Only the token's hash is kept.
      const token = /\/api\/calendar\/(.+)\.ics$/.exec(url)![1];
      const stored = await t.dataSource.query(`SELECT token_hash FROM calendar_feed`);
      expect(JSON.stringify(stored)).not.toContain(token);

      const renewed = await createFeed(member);
      expect(renewed).not.toBe(url);
      const old = await fetchFeed(url);
      expect(old.status).toBe(404);
      expect(old.body.code).toBe('calendar_feed_not_found');
      expect(old.headers['cache-control']).toBe('no-store');
      expect(JSON.stringify(old.body)).not.toContain(token);
      expect((await fetchFeed(renewed)).status).toBe(200);

      // The request lines name the address without its token.
      expect(logLines.some((line) => line.includes('/api/calendar/[hidden]'))).toBe(true);
      expect(logLines.filter((line) => line.includes(token))).toEqual([]);

      expect((await t.request('DELETE', '/api/me/calendar-feed', { token: member.token })).status).toBe(204);
      expect((await fetchFeed(renewed)).status).toBe(404);
      expect((await t.request('GET', '/api/me/calendar-feed', { token: member.token })).body.active).toBe(false);
      expect((await t.request('GET', '/api/audit?entityType=person&entityId=' + member.id, { token: await t.adminToken() })).body.items.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['calendar-feed.created', 'calendar-feed.renewed', 'calendar-feed.ended']),
      );
    });

    it('shows a person only the meetings they are called to, cancelled ones as CANCELLED, no item named', async () => {
      const mine = parseFeed((await fetchFeed(await createFeed(member))).text);
      expect(mine.calendar.getFirstPropertyValue('x-wr-calname')).toBe('Mine udvalgsmøder');
      const published = mine.byUid((await invite(publishedId)).uid)!;
      expect(published.status).toBe('CONFIRMED');
      expect(published.sequence).toBe((await invite(publishedId)).sequence);
      expect(published.url).toBe(`${t.config.PUBLIC_BASE_URL}/moeder/${publishedId}`);
      expect(mine.byUid((await invite(cancelledId)).uid)!.status).toBe('CANCELLED');
      expect(mine.events.map((event) => event.uid).sort()).toEqual([(await invite(publishedId)).uid, (await invite(cancelledId)).uid].sort());

      const theirs = parseFeed((await fetchFeed(await createFeed(otherMember))).text);
      expect(theirs.events.map((event) => event.uid)).toEqual([uidOf(otherPublishedId)]);

      const text = (await fetchFeed(await createFeed(member))).text.replace(/\r\n /g, '');
      expect(text).not.toContain('FEED-HEMMELIG');
      expect(text).not.toContain('FEED-PUNKT');
    });

    it('follows the seats over time and the invitations: a guest of the running phase, not a member whose seat ended', async () => {
      const guest = await fixtures.person({ name: 'Lokalrådet ved Lone', login: true });
      const former = await fixtures.person({ name: 'Tidligere Medlem', login: true });
      await fixtures.seat(otherCommitteeId, former.id, 'member', { startDate: '2024-01-01', endDate: '2027-03-31' });
      const phase = await t.dataSource.getRepository(Phase).save({
        committeeId: otherCommitteeId,
        title: 'Partnerskaber',
        fromQuarter: '2026-Q1',
        toQuarter: '2027-Q4',
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        state: 'active',
      });
      await t.dataSource.getRepository(PhaseParticipant).save({ phaseId: phase.id, personId: guest.id });
      const meetingId = await sentMeeting(otherDriver, { startsAt: '2027-05-04T13:00:00+02:00', endsAt: '2027-05-04T15:00:00+02:00', title: 'Partnerskabsmøde' });
      await waitForOutboxDrained(t.dataSource);

      const guestFeed = parseFeed((await fetchFeed(await createFeed(guest))).text);
      expect(guestFeed.events.map((event) => event.uid)).toEqual([uidOf(meetingId)]);
      const formerFeed = parseFeed((await fetchFeed(await createFeed(former))).text);
      // Seated at February's meeting, gone by May's.
      expect(formerFeed.events.map((event) => event.uid)).toEqual([uidOf(otherPublishedId)]);
    });

    it('stops working when the person loses their login', async () => {
      const leaving = await fixtures.member(committeeId, 'member', { name: 'Lars Løber' });
      const url = await createFeed(leaving);
      expect((await fetchFeed(url)).status).toBe(200);
      expect((await t.request('DELETE', `/api/people/${leaving.id}/login`, { token: await t.adminToken() })).status).toBe(204);
      expect((await fetchFeed(url)).status).toBe(404);
    });

    it('is limited per address, refuses a malformed one, and needs a login to be made', async () => {
      const url = await createFeed(secretary);
      for (let fetch = 0; fetch < 10; fetch++) expect((await fetchFeed(url)).status).toBe(200);
      const limited = await fetchFeed(url);
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('rate_limited');
      expect(limited.headers['retry-after']).toBe('60');

      expect((await t.request('GET', '/api/calendar/not-a-token.ics')).status).toBe(404);
      expect((await t.request('GET', `/api/calendar/${'A'.repeat(43)}.ics`)).body.code).toBe('calendar_feed_not_found');
      expect((await t.request('GET', '/api/me/calendar-feed')).status).toBe(401);
      expect((await t.request('POST', '/api/me/calendar-feed')).status).toBe(401);
      expect((await t.request('DELETE', '/api/me/calendar-feed')).status).toBe(401);
    });
  });
});
