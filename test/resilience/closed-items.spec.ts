import { pdfPages, sleep, waitForOutboxDrained } from '@app/test-kit';
import { buildCommitteeWorld, type CommitteeWorld, fillPath } from './support/committee-world.js';
import { loadOperations } from './support/openapi.js';
import { type ResilienceCluster, startResilienceCluster } from './support/resilience-cluster.js';
import { TIMEOUT_MS } from './support/resilience-scale.js';

/** The readable text of a document: a PDF's pages, anything else as it is. */
async function readable(content: Buffer, contentType: string): Promise<string> {
  return contentType.includes('pdf') ? (await pdfPages(content)).join('\n') : content.toString('utf8');
}

describe('no closed-item text in any public answer, public document, e-mail or calendar file', () => {
  let rc: ResilienceCluster;
  let world: CommitteeWorld;

  beforeAll(async () => {
    rc = await startResilienceCluster('closed', { apis: 1, workers: 1 });
    const api = rc.cluster.client();
    world = await buildCommitteeWorld(api, await rc.cluster.admin());
    // The held meeting's minutes through to publication: approved by the chair, signed by everyone asked to, published.
    const path = `/api/meetings/${world.ids.heldMeeting}/minutes`;
    const { secretary, chair, members } = world.committee;
    const people = [secretary, chair, ...members];
    for (let minutes = await api.expect(200, 'GET', path, { token: secretary.token }); minutes.state !== 'ready'; minutes = await api.expect(200, 'GET', path, { token: secretary.token })) {
      if (minutes.state === 'failed') throw new Error(`The minutes failed to assemble: ${minutes.error}`);
      await sleep(200);
    }
    await api.expect(200, 'POST', `${path}/transitions`, { token: chair.token, body: { event: 'approve' } });
    const { signatures } = await api.expect(200, 'GET', path, { token: secretary.token });
    for (const signatory of signatures.signatories) {
      const person = people.find((p) => p.id === signatory.personId);
      if (!person) throw new Error(`${signatory.name} must sign but has no login in the world`);
      await api.expect(200, 'POST', `${path}/transitions`, { token: person.token, body: { event: 'sign' } });
    }
    // The last signature seals the document.
    for (let waited = 0; (await api.expect(200, 'GET', path, { token: secretary.token })).state !== 'signed'; waited += 200) {
      if (waited > 60_000) throw new Error(`The minutes were not sealed: ${JSON.stringify(await api.expect(200, 'GET', path, { token: secretary.token }))}`);
      await sleep(200);
    }
    await api.expect(200, 'POST', `${path}/transitions`, { token: secretary.token, body: { event: 'publish' } });
    await waitForOutboxDrained(rc.db, 120_000);
  }, TIMEOUT_MS);
  afterAll(() => rc?.close(), TIMEOUT_MS);

  it('lets the members read the closed items, so the marker is there to leak', async () => {
    const member = world.committee.members[0].token;
    const agenda = await rc.cluster.client().expect(200, 'GET', `/api/meetings/${world.ids.publishedMeeting}`, { token: member });
    expect(JSON.stringify(agenda)).toContain(world.closedMarker);
  });

  it('keeps it out of every public endpoint, the public minutes, every e-mail and every calendar file', async () => {
    const api = rc.cluster.client();
    const member = world.committee.members[0].token;
    const seen: { where: string; leaks: boolean }[] = [];
    const look = (where: string, text: string) => seen.push({ where, leaks: text.includes(world.closedMarker) });

    const operations = await loadOperations(api);
    const publicReads = operations.filter((operation) => operation.method === 'GET' && operation.path.startsWith('/api/public/'));
    // Each public read, for the meeting with published minutes and for the published agenda; and the closed Bilag.
    const paths = [
      ...publicReads.map((operation) => fillPath(operation.path, world)),
      ...publicReads.filter((o) => o.path.includes('/meetings/{')).map((o) => o.path.replace(/\{\w+\}/, world.ids.publishedMeeting)),
      `/api/public/attachments/${world.ids.closedAttachment}/content`,
    ];
    for (const path of paths) {
      const response = await api.download(path);
      look(`GET ${path} (${response.status})`, await readable(response.bytes, response.headers['content-type'] ?? ''));
    }
    for (const meeting of [world.ids.publishedMeeting, world.ids.heldMeeting]) {
      const response = await api.download(`/api/meetings/${meeting}/invite.ics`, member);
      expect(response.status).toBe(200);
      look(`invite.ics of ${meeting}`, response.text);
    }
    expect(rc.smtp.count).toBeGreaterThan(0);
    for (const mail of await rc.smtp.mails()) {
      look(`e-mail "${mail.subject}" to ${mail.to && 'text' in mail.to ? mail.to.text : ''}`, [mail.subject, mail.text, mail.html || ''].join('\n'));
      for (const attachment of mail.attachments) look(`${attachment.filename ?? attachment.contentType} in "${mail.subject}"`, await readable(attachment.content, attachment.contentType));
    }
    console.log(`Looked for the closed items' text in ${seen.length} public answers, documents, e-mails and calendar files; found it in ${seen.filter((s) => s.leaks).length}`);
    expect(seen.filter((s) => s.leaks)).toEqual([]);
    expect(seen.some((s) => s.where.includes('minutes.pdf (200)'))).toBe(true);
    expect(seen.some((s) => s.where.includes('agenda.pdf (200)'))).toBe(true);
  }, TIMEOUT_MS);
});
