import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { buildMinutesDocument, type MinutesItemInput } from '@app/domain';
import { pageWhereItemStarts, pdfPages, tableOfContents } from '@app/test-kit';
import { HELD_MEETING } from '@app/domain/testing';
import { breakLongWords, MAX_UNBROKEN_RUN, meetingDocumentPdfDefinition, renderMeetingDocumentPdf } from '../documents/meeting-document-pdf.renderer.js';

/** Items of uneven length, so they start at different places on different pages. */
function longAgenda(count: number): MinutesItemInput[] {
  return Array.from({ length: count }, (_, i) => ({
    ...HELD_MEETING.items[0],
    number: i + 1,
    title: `Sag nummer ${i + 1} om æbler, øer og ål`,
    startTime: null,
    endTime: null,
    presentation: Array.from({ length: 2 + ((i * 7) % 11) }, (_, p) => `Afsnit ${p + 1}. ${'Udvalget drøftede sagen grundigt og med stor omhu. '.repeat(8)}`).join('\n\n'),
  }));
}

describe('the minutes as PDF', () => {
  it('holds every item title, and the table of contents points at the pages where the items start', async () => {
    const document = buildMinutesDocument({ ...HELD_MEETING, items: longAgenda(14) }, { variant: 'members' });
    const pages = await pdfPages(await renderMeetingDocumentPdf(document, new Date('2024-02-02T08:30:00Z')));
    expect(pages.length).toBeGreaterThan(8);
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('REFERAT Udvalg for lighed i sundhed d. 02-02-2024');
    expect(text).toContain('Fredag d. 02. februar 2024 kl. 09:30');
    expect(text).toContain('Indholdsfortegnelse');
    for (const item of document.items) expect(text).toContain(item.heading);

    const toc = tableOfContents(pages);
    expect(toc.map((entry) => entry.heading)).toEqual(document.items.map((item) => item.heading));
    for (const entry of toc) expect({ item: entry.item, page: pageWhereItemStarts(pages, entry.heading) }).toEqual({ item: entry.item, page: entry.page });
  });

  it('gives the same bytes for the same meeting', async () => {
    const document = buildMinutesDocument(HELD_MEETING, { variant: 'public' });
    const at = new Date('2024-02-02T08:30:00Z');
    expect((await renderMeetingDocumentPdf(document, at)).equals(await renderMeetingDocumentPdf(document, at))).toBe(true);
  });

  it('may read its own fonts and nothing else: no local file, no URL', async () => {
    await renderMeetingDocumentPdf(buildMinutesDocument(HELD_MEETING, { variant: 'members' }), new Date());
    // The renderer set the policies on pdfmake's shared instance; a definition naming a file or a URL is refused.
    const outside = (image: string) => pdfmake.createPdf({ content: [{ image }] }).getBuffer();
    await expect(outside(fileURLToPath(import.meta.url))).rejects.toThrow(/denied/);
    await expect(outside('http://127.0.0.1:9/logo.png')).rejects.toThrow(/denied/);
  });
});

/**
 * pdfmake in a worker thread with a small heap, laying out a definition the renderer made (its two callbacks left
 * out, as they cannot cross to a thread): running out of memory there ends the thread, not the test run.
 */
function layOutInSmallHeap(definition: TDocumentDefinitions, maxHeapMb: number): Promise<{ ms: number; bytes: number }> {
  const { footer: _footer, pageBreakBefore: _pageBreakBefore, ...rest } = definition;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const pdfmake = require('pdfmake');
    pdfmake.addFonts(require('pdfmake/fonts/Roboto.js'));
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => true);
    const started = Date.now();
    pdfmake.createPdf(workerData).getBuffer().then((buffer) => parentPort.postMessage({ ms: Date.now() - started, bytes: buffer.length }));
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: rest, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    worker.once('message', (result) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('the minutes as PDF, with words longer than a line', () => {
  const LONG_WORD = 'a'.repeat(100_000);
  const withWord = (fields: Partial<MinutesItemInput>) =>
    buildMinutesDocument({ ...HELD_MEETING, items: [{ ...HELD_MEETING.items[0], ...fields }, ...HELD_MEETING.items.slice(1)] }, { variant: 'members' });

  it('breaks a word only where it is longer than MAX_UNBROKEN_RUN, with zero-width breaks that change no visible text', () => {
    expect(breakLongWords('Kommunestyrelsesloven § 10, stk. 1')).toBe('Kommunestyrelsesloven § 10, stk. 1');
    const broken = breakLongWords(`kort ${'x'.repeat(100)} kort`);
    expect(broken.replace(/\u200B/g, '')).toBe(`kort ${'x'.repeat(100)} kort`);
    expect(broken.split(/\s|\u200B/).map((word) => word.length)).toEqual([4, MAX_UNBROKEN_RUN, MAX_UNBROKEN_RUN, 20, 4]);
    // A combining mark stays with its letter.
    expect(breakLongWords(`${'x'.repeat(MAX_UNBROKEN_RUN)}a\u030A`)).toBe(`${'x'.repeat(MAX_UNBROKEN_RUN)}\u200Ba\u030A`);
  });

  it('lays out a 100,000-character word in an item’s text within seconds and a 256 MB heap', async () => {
    const document = withWord({ presentation: LONG_WORD, decision: `Godkendt ${LONG_WORD.slice(0, 20_000)}` });
    const { ms, bytes } = await layOutInSmallHeap(meetingDocumentPdfDefinition(document, new Date('2024-02-02T08:30:00Z')), 256);
    expect(bytes).toBeGreaterThan(0);
    expect(ms).toBeLessThan(5_000);
  });

  it('renders the whole of a long word, every letter of it, and the item as usual', async () => {
    const document = withWord({ presentation: `Før ${'ø'.repeat(2_000)} efter` });
    const started = Date.now();
    const pages = await pdfPages(await renderMeetingDocumentPdf(document, new Date('2024-02-02T08:30:00Z')));
    expect(Date.now() - started).toBeLessThan(5_000);
    const text = pages.join('').replace(/[\s\u200B]/g, '');
    expect(text.includes(`Før${'ø'.repeat(2_000)}efter`)).toBe(true);
    expect(text).toContain(document.items[0].heading.replace(/\s/g, ''));
  });
});
