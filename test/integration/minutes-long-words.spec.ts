import { type LoggedIn, startTestApp, type TestApp, waitForOutboxDrained } from '@app/test-kit';
import { AgendaItem, Meeting } from '@app/meetings';

/** Issue 12, point 1: the longest text the API takes, as one unbroken word, must not take the worker down. */
describe('minutes of the worst text the API accepts', () => {
  let t: TestApp;
  let committeeId: string;
  let secretary: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    const fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    committeeId = committee.id;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara' });
    await waitForOutboxDrained(t.dataSource);
  });
  afterAll(() => t.close());

  it('says in the OpenAPI document how long each of an item’s texts may be', async () => {
    const { CreateAgendaItemDto, UpdateAgendaItemDto } = (await t.request('GET', '/api/docs-json')).body.components.schemas;
    for (const schema of [CreateAgendaItemDto, UpdateAgendaItemDto]) {
      expect(schema.properties).toMatchObject({
        title: { maxLength: 500 },
        caseNumber: { maxLength: 100 },
        closedReasonText: { maxLength: 500 },
        publicTitle: { maxLength: 200 },
        summary: { maxLength: 20_000 },
        recommendation: { maxLength: 20_000 },
        presentation: { maxLength: 100_000 },
        attachmentNames: { maxItems: 50, items: { type: 'string', maxLength: 300 } },
      });
    }
    expect(UpdateAgendaItemDto.properties.decision).toMatchObject({ maxLength: 20_000 });
  });

  it('assembles a held meeting whose item holds a 100,000-character word within seconds and bounded memory', async () => {
    const longest = (length: number) => 'x'.repeat(length);
    // Taken by the API as it stands: each field at its limit, one word.
    const accepted = await t.request('POST', `/api/meetings/${await draftMeeting()}/items`, {
      token: secretary.token,
      body: { title: longest(500), summary: longest(20_000), recommendation: longest(20_000), presentation: longest(100_000) },
    });
    expect(accepted.status).toBe(201);

    const meeting = await t.dataSource.getRepository(Meeting).save({
      committeeId,
      title: 'Udvalg for lighed i sundhed',
      startsAt: new Date('2024-02-02T09:30:00+01:00'),
      endsAt: new Date('2024-02-02T12:00:00+01:00'),
      location: 'Rådhuset',
      state: 'held',
    });
    await t.dataSource.getRepository(AgendaItem).save({
      meetingId: meeting.id,
      number: 1,
      state: 'decided',
      closed: false,
      title: longest(500),
      caseNumber: longest(100),
      summary: longest(20_000),
      recommendation: longest(20_000),
      presentation: longest(100_000),
      decision: longest(20_000),
      attachmentNames: Array.from({ length: 50 }, () => longest(300)),
    });

    const peakBefore = process.resourceUsage().maxRSS;
    const started = Date.now();
    expect((await t.request('POST', `/api/meetings/${meeting.id}/minutes`, { token: secretary.token, body: {} })).status).toBe(202);
    await waitForOutboxDrained(t.dataSource, 60_000);
    const seconds = (Date.now() - started) / 1000;
    const peakGrowthMb = (process.resourceUsage().maxRSS - peakBefore) / 1024;

    const status = await t.request('GET', `/api/meetings/${meeting.id}/minutes`, { token: secretary.token });
    expect(status.body).toMatchObject({ state: 'ready', progress: 100, error: null });
    expect(status.body.documents).toHaveLength(6);
    expect(seconds).toBeLessThan(15);
    expect(peakGrowthMb).toBeLessThan(500);
  }, 90_000);

  async function draftMeeting(): Promise<string> {
    const res = await t.request('POST', `/api/committees/${committeeId}/meetings`, { token: secretary.token, body: { startsAt: '2027-02-02T09:30:00+01:00', location: 'Rådhuset' } });
    expect(res.status).toBe(201);
    return res.body.id;
  }
});
