import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import { buildMinutesDocument, type MinutesItemInput } from '@app/domain';
import { pageWhereItemStarts, pdfPages, tableOfContents } from '@app/test-kit';
import { HELD_MEETING } from '@app/domain/testing';
import { renderMinutesPdf } from '../minutes-pdf.renderer.js';

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
    const pages = await pdfPages(await renderMinutesPdf(document, new Date('2024-02-02T08:30:00Z')));
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
    expect((await renderMinutesPdf(document, at)).equals(await renderMinutesPdf(document, at))).toBe(true);
  });

  it('may read its own fonts and nothing else: no local file, no URL', async () => {
    await renderMinutesPdf(buildMinutesDocument(HELD_MEETING, { variant: 'members' }), new Date());
    // The renderer set the policies on pdfmake's shared instance; a definition naming a file or a URL is refused.
    const outside = (image: string) => pdfmake.createPdf({ content: [{ image }] }).getBuffer();
    await expect(outside(fileURLToPath(import.meta.url))).rejects.toThrow(/denied/);
    await expect(outside('http://127.0.0.1:9/logo.png')).rejects.toThrow(/denied/);
  });
});
