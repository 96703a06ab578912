import { createHash, randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type MeetingFixtures, startTestApp, tableCounts, type LoggedIn, type TestApp } from '@app/test-kit';

const MAX_BYTES = 256 * 1024;
const PDF = 'application/pdf';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdfBytes = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);

describe('Bilag: attachments on agenda items over HTTP', () => {
  let t: TestApp;
  let committeeId: string;
  let secretary: LoggedIn;
  let member: LoggedIn;
  let outsider: LoggedIn;
  let driver: MeetingFixtures;
  let storeRoot: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } });
    const fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    committeeId = committee.id;
    secretary = await fixtures.member(committeeId, 'secretary');
    member = await fixtures.member(committeeId, 'member');
    const other = await fixtures.committee({ bodyId: committee.bodyId, name: 'Social Omsorg', kind: 'standing', mandateEnd: null });
    outsider = await fixtures.member(other.id, 'chair');
    driver = fixtures.meetings(committeeId, secretary.token);
    storeRoot = resolve(t.config.STORAGE_DIR, 'attachments');
  });
  afterAll(async () => {
    await t.close();
    await rm(t.config.STORAGE_DIR, { recursive: true, force: true });
  });

  /** The stored content files, by hash; temporary files of refused uploads must not linger either. */
  async function storedFiles(): Promise<string[]> {
    const shards = await readdir(storeRoot).catch(() => [] as string[]);
    const files = await Promise.all(shards.map(async (shard) => (await readdir(join(storeRoot, shard))).map((name) => (shard === 'incoming' ? `incoming/${name}` : name))));
    return files.flat().sort();
  }

  async function openItem(fields: Record<string, unknown> = {}): Promise<string> {
    const meetingId = await driver.meeting({ startsAt: '2027-05-04T09:00:00+02:00', endsAt: '2027-05-04T12:00:00+02:00' });
    return (await driver.item(meetingId, { title: 'Status på partnerskaber', ...fields })).id;
  }

  it('stores an upload under its sha256 and gives the same bytes back under the Danish name', async () => {
    const itemId = await openItem();
    const bytes = pdfBytes(50_000);
    const name = 'Præsentation fra mødet på Ærø (udkast).pdf';
    const uploaded = await t.api.upload(`/api/items/${itemId}/attachments`, { bytes, name, type: PDF }, { token: secretary.token });
    expect(uploaded.status).toBe(201);
    // The item's meeting is planned: nothing is late, so the answer carries no warning.
    const { warnings, ...attachment } = uploaded.body;
    expect(warnings).toEqual([]);
    expect(attachment).toEqual({ id: expect.any(String), name, size: 50_000, sha256: sha256(bytes), contentType: PDF, createdAt: expect.any(String), sentLateAt: null });

    const listed = await t.request('GET', `/api/items/${itemId}/attachments`, { token: member.token });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [attachment], nextCursor: null });
    const [onItem] = (await t.request('GET', `/api/items/${itemId}`, { token: member.token })).body.attachments;
    expect({ ...onItem, createdAt: new Date(onItem.createdAt) }).toEqual({ ...attachment, createdAt: new Date(attachment.createdAt) });

    const file = await t.api.download(`/api/attachments/${uploaded.body.id}/content`, member.token);
    expect(file.status).toBe(200);
    expect(sha256(file.bytes)).toBe(uploaded.body.sha256);
    expect(file.headers['content-type']).toBe(PDF);
    expect(file.headers['content-length']).toBe('50000');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const disposition = file.headers['content-disposition'];
    expect(disposition).toMatch(/^attachment; filename="Praesentation fra moedet paa Aeroe \(udkast\)\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe(name);
    expect(await storedFiles()).toEqual([uploaded.body.sha256]);
  });

  it('keeps only the name of a path, and stores the same bytes once until the last Bilag with them is removed', async () => {
    const first = await openItem();
    const second = await openItem();
    const bytes = pdfBytes(10_000);
    const a = await t.api.upload(`/api/items/${first}/attachments`, { bytes, name: '../../etc/Referat.pdf', type: PDF }, { token: secretary.token });
    const b = await t.api.upload(`/api/items/${second}/attachments`, { bytes, name: 'C:\\Users\\sara\\Referat kopi.pdf', type: PDF }, { token: secretary.token });
    expect([a.body.name, b.body.name]).toEqual(['Referat.pdf', 'Referat kopi.pdf']);
    expect(a.body.sha256).toBe(b.body.sha256);
    const hash = a.body.sha256;
    expect((await storedFiles()).filter((file) => file === hash)).toHaveLength(1);

    expect((await t.request('DELETE', `/api/attachments/${a.body.id}`, { token: member.token })).status).toBe(403);
    expect((await t.request('DELETE', `/api/attachments/${a.body.id}`, { token: secretary.token })).status).toBe(204);
    expect(await storedFiles()).toContain(hash);
    expect((await t.api.download(`/api/attachments/${b.body.id}/content`, member.token)).bytes.equals(bytes)).toBe(true);
    expect((await t.request('DELETE', `/api/attachments/${b.body.id}`, { token: secretary.token })).status).toBe(204);
    expect(await storedFiles()).not.toContain(hash);
    expect((await t.request('DELETE', `/api/attachments/${b.body.id}`, { token: secretary.token })).status).toBe(404);
    expect((await t.api.download(`/api/attachments/${b.body.id}/content`, member.token)).status).toBe(404);
  });

  it('refuses a file over the limit with 413 and a file type off the list with 415, changing nothing', async () => {
    const itemId = await openItem();
    const counts = await tableCounts(t.dataSource);
    const files = await storedFiles();

    const tooLarge = await t.api.upload(`/api/items/${itemId}/attachments`, { bytes: pdfBytes(MAX_BYTES + 1), name: 'Stor.pdf', type: PDF }, { token: secretary.token });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ statusCode: 413, code: 'attachment_too_large' });
    expect(tooLarge.body.message).toContain('larger than the 256 KiB a Bilag may be');

    const zip = await t.api.upload(`/api/items/${itemId}/attachments`, { bytes: randomBytes(100), name: 'Bilag.zip', type: 'application/zip' }, { token: secretary.token });
    expect(zip.status).toBe(415);
    expect(zip.body).toMatchObject({ statusCode: 415, code: 'attachment_type_not_accepted' });
    expect(zip.body.message).toContain('application/zip');
    const html = await t.api.upload(`/api/items/${itemId}/attachments`, { bytes: Buffer.from('<script>alert(1)</script>'), name: 'side.html', type: 'text/html' }, { token: secretary.token });
    expect(html.status).toBe(415);

    const json = await t.request('POST', `/api/items/${itemId}/attachments`, { token: secretary.token, body: { file: 'x' } });
    expect(json.status).toBe(415);
    const form = new FormData();
    form.append('other', new Blob([Buffer.from('x')], { type: 'text/plain' }), 'x.txt');
    const wrongField = await fetch(`${t.baseUrl}/api/items/${itemId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${secretary.token}` }, body: form });
    expect(wrongField.status).toBe(400);

    expect(await tableCounts(t.dataSource)).toEqual(counts);
    expect(await storedFiles()).toEqual(files);

    const atTheLimit = await t.api.upload(`/api/items/${itemId}/attachments`, { bytes: pdfBytes(MAX_BYTES), name: 'Præcis.pdf', type: PDF }, { token: secretary.token });
    expect(atTheLimit.status).toBe(201);
    const untyped = await t.api.upload(`/api/items/${itemId}/attachments`, { bytes: Buffer.from('a;b\n1;2\n'), name: 'Tal.csv', type: 'application/octet-stream' }, { token: secretary.token });
    expect(untyped.body).toMatchObject({ name: 'Tal.csv', contentType: 'text/csv' });
  });

  it('checks an upload against its content and its name: HTML sent as a PDF or a PNG, or named .pdf, is refused with 415, changing nothing', async () => {
    const itemId = await openItem();
    const counts = await tableCounts(t.dataSource);
    const files = await storedFiles();
    const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
    const attempts = [
      { bytes: html, name: 'Notat.pdf', type: PDF, code: 'attachment_content_mismatch' },
      { bytes: html, name: 'Logo.png', type: 'image/png', code: 'attachment_content_mismatch' },
      { bytes: html, name: 'Notat.pdf', type: 'application/octet-stream', code: 'attachment_content_mismatch' },
      { bytes: html, name: 'Notat.pdf', type: 'text/plain', code: 'attachment_type_mismatch' },
      { bytes: html, name: 'side.html', type: PDF, code: 'attachment_type_mismatch' },
      { bytes: html, name: 'Notat.txt', type: 'text/plain', code: 'attachment_content_mismatch' },
      { bytes: pdfBytes(1_000), name: 'Billede.png', type: PDF, code: 'attachment_type_mismatch' },
    ];
    for (const { code, ...file } of attempts) {
      const refused = await t.api.upload(`/api/items/${itemId}/attachments`, file, { token: secretary.token });
      expect({ file: file.name, type: file.type, status: refused.status, code: refused.body.code }).toEqual({ file: file.name, type: file.type, status: 415, code });
      expect(refused.body.message).toContain(file.name);
    }
    expect(await tableCounts(t.dataSource)).toEqual(counts);
    expect(await storedFiles()).toEqual(files);
  });

  it('keeps taking every allowed kind: PDF, Office and OpenDocument files, images and text', async () => {
    const itemId = await openItem();
    const zip = (name: string, content = '') => {
      const header = Buffer.alloc(30);
      header.write('PK\x03\x04', 0, 'latin1');
      header.writeUInt16LE(name.length, 26);
      return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(content, 'latin1'), randomBytes(200)]);
    };
    const accepted = [
      { bytes: pdfBytes(2_000), name: 'Notat.pdf', type: PDF },
      { bytes: zip('[Content_Types].xml'), name: 'Referat.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { bytes: zip('[Content_Types].xml'), name: 'Budget.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      { bytes: zip('[Content_Types].xml'), name: 'Oplæg.pptx', type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
      { bytes: zip('mimetype', 'application/vnd.oasis.opendocument.text'), name: 'Notat.odt', type: 'application/vnd.oasis.opendocument.text' },
      { bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(100)]), name: 'Kort.png', type: 'image/png' },
      { bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(100)]), name: 'Foto.jpg', type: 'image/jpeg' },
      { bytes: Buffer.from('Notat om Ærø.\r\nSe <b>bilag</b>.'), name: 'Notat.txt', type: 'text/plain' },
      { bytes: Buffer.from('a;b\n1;2\n'), name: 'Tal.csv', type: 'text/csv' },
    ];
    for (const file of accepted) {
      const uploaded = await t.api.upload(`/api/items/${itemId}/attachments`, file, { token: secretary.token });
      expect({ name: file.name, status: uploaded.status }).toEqual({ name: file.name, status: 201 });
      expect(uploaded.body).toMatchObject({ name: file.name, contentType: file.type, sha256: sha256(file.bytes) });
    }
  });

  it('lets members download, refuses outsiders (403) and anonymous callers (401), and only the secretary uploads', async () => {
    const itemId = await openItem({ closed: true, closedReason: 'personal-matter' });
    const bytes = pdfBytes(2_000);
    const { body } = await t.api.upload(`/api/items/${itemId}/attachments`, { bytes, name: 'Personsag.pdf', type: PDF }, { token: secretary.token });
    expect((await t.api.download(`/api/attachments/${body.id}/content`, member.token)).bytes.equals(bytes)).toBe(true);
    expect((await t.api.download(`/api/attachments/${body.id}/content`, outsider.token)).status).toBe(403);
    expect((await t.api.download(`/api/attachments/${body.id}/content`)).status).toBe(401);
    expect((await t.request('GET', `/api/items/${itemId}/attachments`, { token: outsider.token })).status).toBe(403);

    const counts = await tableCounts(t.dataSource);
    expect((await t.api.upload(`/api/items/${itemId}/attachments`, { bytes, name: 'x.pdf', type: PDF }, { token: member.token })).status).toBe(403);
    expect((await t.api.upload(`/api/items/${itemId}/attachments`, { bytes, name: 'x.pdf', type: PDF }, { token: outsider.token })).status).toBe(403);
    expect((await t.api.upload(`/api/items/${itemId}/attachments`, { bytes, name: 'x.pdf', type: PDF })).status).toBe(401);
    expect((await t.api.upload('/api/items/00000000-0000-4000-8000-000000000000/attachments', { bytes, name: 'x.pdf', type: PDF }, { token: secretary.token })).status).toBe(404);
    expect(await tableCounts(t.dataSource)).toEqual(counts);
  });

  it('sends the Bilag along with a case referred to the next committee, the same bytes for its members to download', async () => {
    const fixtures = await t.fixtures();
    const nextCommittee = await fixtures.committee({ name: 'Økonomiudvalget', kind: 'finance', mandateStart: '2024-01-01', mandateEnd: null });
    const nextMember = await fixtures.member(nextCommittee.id, 'member');
    const nextSecretary = await fixtures.member(nextCommittee.id, 'secretary');
    const nextDriver = fixtures.meetings(nextCommittee.id, nextSecretary.token);
    await t.api.expect(200, 'PUT', `/api/committees/${nextCommittee.id}/referral-sources/${committeeId}`, { token: nextSecretary.token });
    const held = await driver.meeting({ startsAt: '2025-05-05T09:00:00+02:00', endsAt: '2025-05-05T12:00:00+02:00' });
    const itemId = (await driver.item(held, { title: 'Sundhedsprofil for kommunen', caseNumber: '29.30.00-P20-3-25' })).id;
    const bytes = pdfBytes(20_000);
    const uploaded = (await t.api.upload(`/api/items/${itemId}/attachments`, { bytes, name: 'Sundhedsprofil 2025.pdf', type: PDF }, { token: secretary.token })).body;
    const next = await nextDriver.meeting({ startsAt: '2025-05-19T09:00:00+02:00', endsAt: '2025-05-19T12:00:00+02:00' });
    await driver.hold(held);
    await driver.fireOnItem(itemId, 'refer', { referToMeetingId: next });
    const { items: [proposal] } = await t.api.expect(200, 'GET', `/api/meetings/${next}/referrals`, { token: nextSecretary.token });
    await t.api.expect(200, 'POST', `/api/meetings/${next}/referrals/${proposal.id}/accept`, { token: nextSecretary.token });

    const onward = (await t.request('GET', `/api/meetings/${next}`, { token: nextMember.token })).body.items.find((i: { referredFromItemId: string }) => i.referredFromItemId === itemId);
    expect(onward.attachments).toEqual([expect.objectContaining({ name: 'Sundhedsprofil 2025.pdf', sha256: uploaded.sha256, size: 20_000 })]);
    expect(onward.attachments[0].id).not.toBe(uploaded.id);
    const file = await t.api.download(`/api/attachments/${onward.attachments[0].id}/content`, nextMember.token);
    expect(sha256(file.bytes)).toBe(uploaded.sha256);
  });

  it('takes no Bilag on a cancelled meeting', async () => {
    const meetingId = await driver.meeting({ startsAt: '2027-06-01T09:00:00+02:00' });
    const item = await driver.item(meetingId, { title: 'Aflyst' });
    await driver.fireOnMeeting(meetingId, 'cancel');
    const refused = await t.api.upload(`/api/items/${item.id}/attachments`, { bytes: pdfBytes(100), name: 'x.pdf', type: PDF }, { token: secretary.token });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('attachments_closed');
  });

  it('serves the public the Bilag of open items on a sent agenda, and answers 404 for everything else', async () => {
    const meetingId = await driver.meeting({ startsAt: '2027-09-07T09:00:00+02:00' });
    const open = await driver.item(meetingId, { title: 'Åbent punkt' });
    const closed = await driver.item(meetingId, { title: 'Lukket sag', closed: true, closedReason: 'personal-matter' });
    const openBytes = pdfBytes(3_000);
    const openFile = (await t.api.upload(`/api/items/${open.id}/attachments`, { bytes: openBytes, name: 'Åben præsentation.pdf', type: PDF }, { token: secretary.token })).body;
    const closedFile = (await t.api.upload(`/api/items/${closed.id}/attachments`, { bytes: pdfBytes(3_000), name: 'Fortroligt notat.pdf', type: PDF }, { token: secretary.token })).body;

    // Planned: the agenda is not out yet.
    expect((await t.api.download(`/api/public/attachments/${openFile.id}/content`)).status).toBe(404);
    await driver.publish(meetingId);

    const publicOpen = await t.api.download(`/api/public/attachments/${openFile.id}/content`);
    expect(publicOpen.status).toBe(200);
    expect(publicOpen.bytes.equals(openBytes)).toBe(true);
    expect(publicOpen.headers['content-type']).toBe(PDF);
    expect(publicOpen.headers['x-content-type-options']).toBe('nosniff');

    const publicClosed = await t.api.download(`/api/public/attachments/${closedFile.id}/content`);
    const unknown = await t.api.download('/api/public/attachments/00000000-0000-4000-8000-000000000000/content');
    expect(publicClosed.status).toBe(404);
    expect(JSON.parse(publicClosed.text)).toEqual({ ...JSON.parse(unknown.text), message: `No attachment with id ${closedFile.id}`, details: { id: closedFile.id } });
    expect(publicClosed.text).not.toContain('Fortroligt');

    // A Bilag added after the agenda went out is a change of the item, and of the invitation's SEQUENCE.
    const { sequence } = (await t.request('GET', `/api/meetings/${meetingId}`, { token: member.token })).body;
    await t.api.upload(`/api/items/${open.id}/attachments`, { bytes: pdfBytes(500), name: 'Rettelse.pdf', type: PDF }, { token: secretary.token });
    const history = (await t.request('GET', `/api/items/${open.id}/history`, { token: member.token })).body;
    expect(history.at(-1)).toMatchObject({ kind: 'change', changedFields: ['attachments'], previous: { attachments: ['Åben præsentation.pdf'] }, actorId: secretary.id });
    expect((await t.request('GET', `/api/meetings/${meetingId}`, { token: member.token })).body.sequence).toBe(sequence + 1);
  });
});
