import type { ParsedMail } from 'mailparser';
import { type LoggedIn, SmtpServer, startTestApp, type TestApp, waitForOutboxDrained } from '@app/test-kit';

function recipientOf(mail: ParsedMail): string {
  return (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address as string;
}

describe('notices: e-mails that tell people at once what waits for them', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let committeeId: string;
  let secretary: LoggedIn;
  let member: LoggedIn;
  let directors: LoggedIn[];

  beforeAll(async () => {
    smtp = await SmtpServer.start();
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url } });
    const fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'section-17-4', mandateStart: '2024-01-01', commissionNeedsCouncil: false });
    committeeId = committee.id;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara', email: 'sara@rm.dk' });
    member = await fixtures.member(committeeId, 'member', { name: 'Medlem Mads', email: 'mads@rm.dk' });
    directors = [
      await fixtures.person({ name: 'Direktør Dan', email: 'dan@rm.dk', roles: ['director'], bodyIds: [committee.bodyId], login: true }),
      await fixtures.person({ name: 'Direktør Dorthe', email: 'dorthe@rm.dk', roles: ['director'], bodyIds: [committee.bodyId], login: true }),
    ];
    // A director of another body hears nothing of this committee's kommissorium.
    const otherBody = await fixtures.body({ name: 'Hedensted Kommune', kind: 'municipality' });
    await fixtures.person({ name: 'Direktør Hans', email: 'hans@hedensted.dk', roles: ['director'], bodyIds: [otherBody.id], login: true });
    await waitForOutboxDrained(t.dataSource);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => smtp.clear());

  const settled = async (subject: string) => {
    await waitForOutboxDrained(t.dataSource);
    return (await smtp.mails()).filter((mail) => mail.subject === subject);
  };

  it('tells the directors of a kommissorium submitted, and the secretary of its return with the comment and of its approval', async () => {
    const commission = await t.request('POST', `/api/committees/${committeeId}/commissions`, {
      token: secretary.token,
      body: { title: 'Kommissorium for lighed i sundhed', purpose: 'Udvalget skal mindske ulighed i sundhed.' },
    });
    const fire = (who: LoggedIn, event: string, comment?: string) =>
      t.request('POST', `/api/commissions/${commission.body.id}/transitions`, { token: who.token, body: { event, ...(comment ? { comment } : {}) } });
    const page = `${t.config.PUBLIC_BASE_URL}/kommissorier/${commission.body.id}`;

    expect((await fire(secretary, 'submit')).status).toBe(200);
    const submitted = await settled('Kommissorium afventer din godkendelse');
    expect(submitted.map(recipientOf).sort()).toEqual(['dan@rm.dk', 'dorthe@rm.dk']);
    expect(submitted[0].text).toContain('Kommissoriet "Kommissorium for lighed i sundhed" (version 1) for Udvalg for lighed i sundhed er sendt til godkendelse.');
    expect(submitted[0].text).toContain(page);

    smtp.clear();
    expect((await fire(directors[0], 'return', 'Formålet skal uddybes med målbare mål.')).status).toBe(200);
    const returned = await settled('Kommissoriet er sendt tilbage: Kommissorium for lighed i sundhed');
    expect(returned.map(recipientOf)).toEqual(['sara@rm.dk']);
    expect(returned[0].text).toContain('Formålet skal uddybes med målbare mål.');
    expect(returned[0].text).toContain(page);

    smtp.clear();
    expect((await fire(secretary, 'submit')).status).toBe(200);
    // A second submission is a notice of its own.
    expect((await settled('Kommissorium afventer din godkendelse')).map(recipientOf).sort()).toEqual(['dan@rm.dk', 'dorthe@rm.dk']);
    // Each submission's two deliveries were recorded by its own transaction, before either e-mail was tried.
    const submissions = await t.dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE subject_id = $1 AND kind = 'commission-submitted' GROUP BY created_at`, [commission.body.id]);
    expect(submissions).toEqual([{ n: 2 }, { n: 2 }]);
    smtp.clear();
    expect((await fire(directors[1], 'approve')).status).toBe(200);
    const approved = await settled('Kommissoriet er godkendt: Kommissorium for lighed i sundhed');
    expect(approved.map(recipientOf)).toEqual(['sara@rm.dk']);
    const kinds = await t.dataSource.query(`SELECT kind, count(*)::int AS n FROM delivery WHERE subject_id = $1 AND status = 'sent' GROUP BY kind ORDER BY kind`, [commission.body.id]);
    expect(kinds).toEqual([
      { kind: 'commission-approved', n: 1 },
      { kind: 'commission-returned', n: 1 },
      { kind: 'commission-submitted', n: 4 },
    ]);
  });

  it('tells the secretary of a member’s afbud, listed with the meeting’s e-mails', async () => {
    const meeting = await t.request('POST', `/api/committees/${committeeId}/meetings`, {
      token: secretary.token,
      body: { startsAt: '2025-06-03T09:30:00+02:00', location: 'Regionshuset', title: 'Temamøde' },
    });
    expect(meeting.status).toBe(201);
    const afbud = await t.request('PUT', `/api/meetings/${meeting.body.id}/attendance/${member.id}`, { token: member.token, body: { status: 'absent' } });
    expect(afbud.status).toBe(200);

    const told = await settled('Afbud: Medlem Mads');
    expect(told.map(recipientOf)).toEqual(['sara@rm.dk']);
    expect(told[0].text).toContain('Medlem Mads har meldt afbud til mødet tirsdag den 3. juni 2025 kl. 9.30 (Temamøde).');
    expect(told[0].text).toContain(`${t.config.PUBLIC_BASE_URL}/moeder/${meeting.body.id}`);
    const deliveries = await t.request('GET', `/api/meetings/${meeting.body.id}/deliveries`, { token: secretary.token });
    expect(deliveries.body.items.map((d: { kind: string; status: string }) => `${d.kind} ${d.status}`)).toEqual(['afbud sent']);

    // The secretary recording someone's attendance is no afbud to tell.
    smtp.clear();
    await t.request('PUT', `/api/meetings/${meeting.body.id}/attendance/${member.id}`, { token: secretary.token, body: { status: 'absent' } });
    expect(await settled('Afbud: Medlem Mads')).toEqual([]);
  });
});
