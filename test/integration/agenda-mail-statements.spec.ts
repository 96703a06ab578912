import { MeetingsModule } from '@app/meetings';
import { QueueName } from '@app/outbox';
import { type Fixtures, JobRunner, type LoggedIn, providerOf, SmtpServer, startTestApp, type TestApp } from '@app/test-kit';

describe('the SQL statements of an agenda e-mail', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let worker: JobRunner;
  let fixtures: Fixtures;
  let secretary: LoggedIn;
  let committeeId: string;

  const outboxRows = (jobName: string, meetingId: string): Promise<{ id: string }[]> =>
    t.dataSource.query(`SELECT id FROM outbox_message WHERE job_name = $1 AND payload->>'meetingId' = $2 AND processed_at IS NULL ORDER BY id`, [jobName, meetingId]);

  beforeAll(async () => {
    smtp = await SmtpServer.start();
    // The API alone, so no worker takes the jobs: the test runs them one by one through the worker's own processors.
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
    worker = await JobRunner.start(t.config);
    fixtures = await t.fixtures();
    committeeId = (await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null })).id;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara', email: 'sara@hedensted.dk' });
    await fixtures.member(committeeId, 'chair', { name: 'Birgit <Jakobsen>', email: 'birgit@hedensted.dk' });
    for (const name of ['Anders Andersen', 'Bente Bentsen', 'Carl Carlsen']) {
      const person = await fixtures.person({ name, email: `${name.split(' ')[0].toLowerCase()}@hedensted.dk` });
      await fixtures.seat(committeeId, person.id, 'member');
    }
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('are three per member, the round being rendered once by its fan-out: the read with the outbox row, the claim, the record of it sent', async () => {
    const meeting = await t.request('POST', `/api/committees/${committeeId}/meetings`, {
      token: secretary.token,
      body: { startsAt: '2027-03-02T09:30:00+01:00', endsAt: '2027-03-02T12:00:00+01:00', location: 'Rådhuset', title: 'Temamøde' },
    });
    const meetingId: string = meeting.body.id;
    const item = await t.request('POST', `/api/meetings/${meetingId}/items`, { token: secretary.token, body: { title: 'Status på partnerskaber', startTime: '09:30', endTime: '10:30' } });
    expect((await t.request('POST', `/api/items/${item.body.id}/transitions`, { token: secretary.token, body: { event: 'mark-ready' } })).status).toBe(200);
    expect((await t.request('POST', `/api/meetings/${meetingId}/transitions`, { token: secretary.token, body: { event: 'publish' } })).status).toBe(200);

    const [fanOut] = await outboxRows('fan-out-agenda-mail', meetingId);
    await worker.run(QueueName.FanOut, fanOut.id, 'fan-out-agenda-mail');
    const rounds = await t.dataSource.query(`SELECT kind, sequence FROM agenda_mail_round WHERE meeting_id = $1`, [meetingId]);
    expect(rounds).toEqual([{ kind: 'agenda', sequence: 0 }]);

    const mails = await outboxRows('send-agenda-mail', meetingId);
    expect(mails).toHaveLength(5);
    // What a job reads with its row, it reads alone the same when run some other way.
    const [{ payload }] = await t.dataSource.query(`SELECT payload FROM outbox_message WHERE id = $1`, [mails[0].id]);
    const repository = t.app.get(providerOf(MeetingsModule, 'AgendaMailRepository'), { strict: false }) as { toSend(mail: unknown): Promise<unknown> };
    expect(await repository.toSend(payload)).toMatchObject({
      meeting: { state: 'published', sequence: 0 },
      recipient: { email: expect.stringMatching(/@hedensted\.dk$/) },
      round: { kind: 'agenda', mail: { subject: expect.stringMatching(/^Dagsorden: /) }, calendar: { method: 'REQUEST' } },
    });
    const counts: number[] = [];
    for (const mail of mails) counts.push(await worker.statementsOf(QueueName.Mail, mail.id, 'send-agenda-mail'));
    expect(counts).toEqual([3, 3, 3, 3, 3]);

    await smtp.waitFor(5);
    const sent = await smtp.mails();
    expect(sent.map((mail) => mail.text?.split('\n')[0]).sort()).toEqual(['Kære Anders Andersen', 'Kære Bente Bentsen', 'Kære Birgit <Jakobsen>', 'Kære Carl Carlsen', 'Kære Sekretær Sara']);
    // The name goes into the HTML part escaped, as every text of the e-mail does.
    expect(sent.find((mail) => mail.text?.startsWith('Kære Birgit'))?.html).toContain('<p>Kære Birgit &lt;Jakobsen&gt;</p>');
    for (const mail of sent) expect(mail.attachments.find((a) => a.filename === 'invitation.ics')?.content.toString('utf8')).toContain('SEQUENCE:0');
    const deliveries = await t.dataSource.query(`SELECT status, count(*)::int AS count FROM delivery WHERE subject_id = $1 GROUP BY status`, [meetingId]);
    expect(deliveries).toEqual([{ status: 'sent', count: 5 }]);
    expect(await outboxRows('send-agenda-mail', meetingId)).toEqual([]);
  });
});
