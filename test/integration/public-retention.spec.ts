import { type Fixtures, type LoggedIn, startTestApp, type TestApp } from '@app/test-kit';
import { AgendaItem, Meeting } from '@app/meetings';
import { Minutes } from '@app/minutes';

const DAY_MS = 24 * 3_600_000;

describe('PUBLIC_RETENTION_YEARS: older meetings leave the public record without being deleted', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let bodyId: string;
  let committeeId: string;
  let secretary: LoggedIn;
  let oldMeeting: { id: string; startsAt: Date; itemId: string };
  let justPastMeeting: { id: string; startsAt: Date; itemId: string };
  let recentMeeting: { id: string; startsAt: Date; itemId: string };

  /** A closed meeting `daysAgo` days back, its agenda sent and its minutes published, with one open item. */
  async function closedMeeting(daysAgo: number, title: string) {
    const db = t.dataSource;
    const startsAt = new Date(Date.now() - daysAgo * DAY_MS);
    const meeting = await db.getRepository(Meeting).save({
      committeeId,
      title,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      location: 'Rådhuset',
      state: 'closed',
      publishedAt: new Date(startsAt.getTime() - 7 * DAY_MS),
      minutesPublishedAt: new Date(startsAt.getTime() + 7 * DAY_MS),
    });
    const item = await db.getRepository(AgendaItem).save({ meetingId: meeting.id, number: 1, title: `Punkt på ${title}`, state: 'decided', closed: false, attachmentNames: [], decision: 'Godkendt' });
    await db.getRepository(Minutes).save({ meetingId: meeting.id, state: 'published', assembly: 'ready', publishedAt: meeting.minutesPublishedAt });
    return { id: meeting.id, startsAt, itemId: item.id };
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_RETENTION_YEARS: '1' } });
    fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Teknik- og miljøudvalget', kind: 'standing', mandateStart: '2020-01-01', mandateEnd: null });
    committeeId = committee.id;
    bodyId = committee.bodyId;
    secretary = await fixtures.member(committeeId, 'secretary');
    oldMeeting = await closedMeeting(800, 'Møde for to år siden');
    // Past the one year, yet within the 366 days a calendar feed looks back.
    justPastMeeting = await closedMeeting(365.6, 'Møde for et år siden');
    recentMeeting = await closedMeeting(30, 'Møde i sidste måned');
  });
  afterAll(() => t.close());

  const oparl = (path: string) => t.request('GET', `/oparl/v1.1/${path}`);

  it('takes them off the public portal: the lists, the agenda and the minutes', async () => {
    const listed = await t.request('GET', `/api/public/meetings?committeeId=${committeeId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((m: { id: string }) => m.id)).toEqual([recentMeeting.id]);
    for (const gone of [oldMeeting, justPastMeeting]) {
      expect((await t.request('GET', `/api/public/meetings/${gone.id}`)).status).toBe(404);
      expect((await t.request('GET', `/api/public/meetings/${gone.id}/minutes.md`)).body.code).toBe('minutes_not_found');
      expect((await t.request('GET', `/api/public/meetings/${gone.id}/minutes/addenda`)).status).toBe(404);
    }
    expect((await t.request('GET', `/api/public/meetings/${recentMeeting.id}`)).body.items[0].title).toBe('Punkt på Møde i sidste måned');
    expect((await t.request('GET', `/api/public/meetings/${recentMeeting.id}/minutes/addenda`)).status).toBe(200);
  });

  it('leaves them out of the committee’s public calendar feed', async () => {
    const feed = await t.request('GET', `/api/public/committees/${committeeId}/calendar.ics`);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(recentMeeting.id);
    expect(feed.text).not.toContain(justPastMeeting.id);
  });

  it('answers them in OParl as depublished, modified when the retention ended, and lists them only to modified_since', async () => {
    const old = await oparl(`meeting/${oldMeeting.id}`);
    expect(old.status).toBe(200);
    expect(Object.keys(old.body).sort()).toEqual(['created', 'deleted', 'id', 'modified', 'type']);
    expect(old.body.deleted).toBe(true);
    const retentionEnd = new Date(oldMeeting.startsAt);
    retentionEnd.setUTCFullYear(retentionEnd.getUTCFullYear() + 1);
    expect(new Date(old.body.modified).getTime()).toBeGreaterThanOrEqual(retentionEnd.getTime() - 1000);
    expect((await oparl(`agendaItem/${oldMeeting.itemId}`)).body.deleted).toBe(true);
    expect((await oparl(`meeting/${recentMeeting.id}`)).body.deleted).toBeUndefined();

    const list = await oparl(`body/${bodyId}/meeting`);
    expect(list.body.data.map((m: { id: string }) => m.id.split('/').pop())).toEqual([recentMeeting.id]);
    const changes = await oparl(`body/${bodyId}/meeting?modified_since=${encodeURIComponent('2020-01-01T00:00:00Z')}`);
    const deletedIds = changes.body.data.filter((m: { deleted?: boolean }) => m.deleted).map((m: { id: string }) => m.id.split('/').pop());
    expect(deletedIds.sort()).toEqual([oldMeeting.id, justPastMeeting.id].sort());
  });

  it('keeps them for the members, who still read everything', async () => {
    const read = await t.request('GET', `/api/meetings/${oldMeeting.id}`, { token: secretary.token });
    expect(read.status).toBe(200);
    expect(read.body.items[0].title).toBe('Punkt på Møde for to år siden');
  });
});
