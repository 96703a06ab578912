import { buildMinutesDocument, type MinutesDocument, type MinutesItemInput } from '@app/domain';
import { pageWhereItemStarts, pdfPages, pdfStructure, pdftotextPages, structureElements, tableOfContents } from '@app/test-kit';
import { HELD_MEETING } from '@app/domain/testing';
import { breakLongWords, LONGEST_LAYOUT_RUN, LONGEST_WHOLE_WORD, MAX_UNBROKEN_RUN, renderAddendumPdf, renderMeetingDocumentPdf } from '../documents/meeting-document-pdf.renderer.js';

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

const AT = new Date('2024-02-02T08:30:00Z');

describe('the minutes as PDF', () => {
  it('holds every item title, and the table of contents points at the pages where the items start', async () => {
    const document = buildMinutesDocument({ ...HELD_MEETING, items: longAgenda(14) }, { variant: 'members' });
    const pages = await pdfPages(await renderMeetingDocumentPdf(document, AT));
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

  it('numbers an Indholdsfortegnelse of several pages with the page pdftotext finds each heading on', async () => {
    const document = buildMinutesDocument({ ...HELD_MEETING, items: longAgenda(90) }, { variant: 'members' });
    const pages = await pdftotextPages(await renderMeetingDocumentPdf(document, AT));
    const toc = tableOfContents(pages);
    expect(toc.map((entry) => entry.heading)).toEqual(document.items.map((item) => item.heading));
    // pdftotext gives the column of page numbers after each line's text.
    const last = toc[toc.length - 1];
    expect(pages.findIndex((text) => text.includes(`${last.heading}\n\n${last.page}\n`)) + 1).toBeGreaterThanOrEqual(3);
    for (const entry of toc) expect({ item: entry.item, page: pageWhereItemStarts(pages, entry.heading) }).toEqual({ item: entry.item, page: entry.page });
    expect(new Set(toc.map((entry) => entry.page)).size).toBeGreaterThan(60);
  });

  it('gives the same bytes for the same meeting', async () => {
    const document = buildMinutesDocument(HELD_MEETING, { variant: 'public' });
    expect((await renderMeetingDocumentPdf(document, AT)).equals(await renderMeetingDocumentPdf(document, AT))).toBe(true);
  });
});

describe('the minutes as tagged PDF (PDF/UA-1) and PDF/A-2a, read back with qpdf', () => {
  let document: MinutesDocument;
  let pdf: Buffer;
  beforeAll(async () => {
    document = {
      ...buildMinutesDocument({ ...HELD_MEETING, committeeName: 'Teknik & Miljø <Udvalget>', items: longAgenda(6) }, { variant: 'members' }),
      signaturePage: { signatures: [{ name: 'Birgit Jakobsen', role: 'Formand', signedAt: 'fredag den 2. februar 2024 kl. 14.05' }], sealHash: 'a'.repeat(64) },
    };
    pdf = await renderMeetingDocumentPdf(document, AT);
  });

  it('tags the title as H1, each item as H2 and each section as H3, in reading order', async () => {
    const elements = structureElements((await pdfStructure(pdf)).structure);
    expect(elements[0].type).toBe('Document');
    expect(elements.filter((e) => e.type === 'H1').map((e) => e.title)).toEqual([document.title]);
    expect(elements.filter((e) => e.type === 'H2').map((e) => e.title)).toEqual(['Indholdsfortegnelse', ...document.items.map((item) => item.heading), 'Underskrifter']);
    const sections = document.items.flatMap((item) => item.sections.map((section) => section.heading));
    expect(elements.filter((e) => e.type === 'H3').map((e) => e.title)).toEqual(sections);
    expect(elements.filter((e) => e.type === 'P').length).toBeGreaterThan(document.items.length);
  });

  it('tags the contents list as TOC, one TOCI per line holding a Link with its annotation to the heading', async () => {
    const structure = await pdfStructure(pdf);
    const elements = structureElements(structure.structure);
    const [toc, ...more] = elements.filter((e) => e.type === 'TOC');
    expect(more).toEqual([]);
    // Drawn after the items, it still reads before them.
    expect(elements.indexOf(toc)).toBeLessThan(elements.findIndex((e) => e.title === document.items[0].heading));
    expect(toc.children.map((e) => e.type)).toEqual(Array(document.items.length + 1).fill('TOCI'));
    const destinations = toc.children.map((item) => {
      expect(item.children.map((e) => e.type)).toEqual(['Link']);
      const [annotation] = item.children[0].objects.map((objr) => structure.resolve(objr['/Obj']) as Record<string, unknown>);
      expect(annotation['/Subtype']).toBe('/Link');
      return structure.text((structure.resolve(annotation['/A'] as string) as Record<string, string>)['/D']);
    });
    expect(destinations).toEqual([...document.items.map((item) => item.anchor), 'underskrifter']);
  });

  it('tags the facts as a Table of rows with a row header, and lists as L of LI', async () => {
    const elements = structureElements((await pdfStructure(pdf)).structure);
    const [table] = elements.filter((e) => e.type === 'Table');
    expect(table.children.length).toBeGreaterThanOrEqual(2);
    for (const row of table.children) {
      expect(row.type).toBe('TR');
      expect(row.children.map((cell) => [cell.type, cell.scope])).toEqual([['TH', 'Row'], ['TD', undefined]]);
    }
    const lists = elements.filter((e) => e.type === 'L');
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) for (const item of list.children) expect([item.type, item.children.map((e) => e.type)]).toEqual(['LI', ['Lbl', 'LBody']]);
  });

  it('is in Danish, shows its title, names it in Info and XMP, and says PDF/A-2a and PDF/UA-1 in the XMP', async () => {
    const { catalog, info, xmp, resolve, text } = await pdfStructure(pdf);
    expect(text(catalog['/Lang'])).toBe('da-DK');
    expect((resolve(catalog['/ViewerPreferences']) as Record<string, unknown>)['/DisplayDocTitle']).toBe(true);
    expect((resolve(catalog['/MarkInfo']) as Record<string, unknown>)['/Marked']).toBe(true);
    expect(text(info['/Title'])).toBe(document.title);
    expect(document.title).toContain('Teknik & Miljø <Udvalget>');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">REFERAT Teknik &amp; Miljø &lt;Udvalget&gt;');
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>');
    expect(catalog['/OutputIntents']).toBeDefined();
  });

  it('embeds every font it uses', async () => {
    const { fonts, resolve } = await pdfStructure(pdf);
    const descendants = fonts.filter((font) => font['/Subtype'] === '/CIDFontType2');
    expect(descendants.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts) expect(String(font['/BaseFont'])).toMatch(/IBMPlexSans/);
    for (const font of descendants) expect((resolve(font['/FontDescriptor']) as Record<string, unknown>)['/FontFile2']).toBeDefined();
  });

  it('keeps headers and footers out of the structure, as pagination artifacts', async () => {
    const { catalog, resolve } = await pdfStructure(pdf);
    const pages = resolve(catalog['/Pages']) as { '/Count': number };
    const text = await pdftotextPages(pdf);
    expect(text.length).toBe(pages['/Count']);
    text.forEach((page, index) => expect(page).toContain(`Side ${index + 1} af ${text.length}`));
    const elements = structureElements((await pdfStructure(pdf)).structure);
    expect(elements.some((e) => /Side \d+ af/.test(e.title ?? ''))).toBe(false);
  });

  it('leaves every heading to pdftotext', async () => {
    const text = (await pdftotextPages(pdf)).join('\n').replace(/\s+/g, ' ');
    for (const heading of [document.title, 'Indholdsfortegnelse', ...document.items.map((item) => item.heading), 'Underskrifter']) expect(text).toContain(heading);
  });

  it('makes the Tillæg the same kind of document', async () => {
    const addendum = await renderAddendumPdf(
      { title: 'TILLÆG TIL REFERAT Udvalg for lighed i sundhed d. 02-02-2024', meetingDate: '02-02-2024', entry: { heading: 'Tilføjelse 1', concerning: null, text: 'Rettelse.' }, sha256: 'b'.repeat(64) },
      AT,
    );
    const { catalog, xmp, text } = await pdfStructure(addendum);
    expect(text(catalog['/Lang'])).toBe('da-DK');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect((await pdftotextPages(addendum)).join(' ')).toContain('Tilføjelse 1');
  });
});

describe('the minutes as PDF, with words longer than a line', () => {
  const LONG_WORD = 'a'.repeat(100_000);
  const withWord = (fields: Partial<MinutesItemInput>) =>
    buildMinutesDocument({ ...HELD_MEETING, items: [{ ...HELD_MEETING.items[0], ...fields }, ...HELD_MEETING.items.slice(1)] }, { variant: 'members' });

  it('breaks a word only where it is longer than LONGEST_WHOLE_WORD, with zero-width breaks that change no visible text', () => {
    expect(breakLongWords('Kommunestyrelsesloven § 10, stk. 1')).toBe('Kommunestyrelsesloven § 10, stk. 1');
    const hash = 'f'.repeat(64);
    expect(breakLongWords(`kontrolsummen ${hash}.`)).toBe(`kontrolsummen ${hash}.`);
    expect(breakLongWords('x'.repeat(LONGEST_WHOLE_WORD))).toBe('x'.repeat(LONGEST_WHOLE_WORD));
    const broken = breakLongWords(`kort ${'x'.repeat(100)} kort`);
    expect(broken.replace(/\u200B/g, '')).toBe(`kort ${'x'.repeat(100)} kort`);
    expect(broken.split(/\s|\u200B/).map((word) => word.length)).toEqual([4, MAX_UNBROKEN_RUN, MAX_UNBROKEN_RUN, 20, 4]);
    // A combining mark stays with its letter.
    const x = (count: number) => 'x'.repeat(count);
    expect(breakLongWords(`${x(2 * MAX_UNBROKEN_RUN - 1)}a\u030A`)).toBe(`${x(MAX_UNBROKEN_RUN)}\u200B${x(MAX_UNBROKEN_RUN - 1)}a\u030A`);
  });

  it('lays out a 100,000-character word in an item’s text within seconds', async () => {
    const document = withWord({ presentation: LONG_WORD, decision: `Godkendt ${LONG_WORD.slice(0, 20_000)}` });
    const started = Date.now();
    const pdf = await renderMeetingDocumentPdf(document, AT);
    expect(pdf.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gives the event loop back while it lays a long text out, and lays a text of many runs out whole, in order', async () => {
    const letters = 'æøåabcdefghijklmnopqrstuvwxyz';
    const word = Array.from({ length: 3 * LONGEST_LAYOUT_RUN }, (_, i) => letters[i % letters.length]).join('');
    // Long enough to take several stretches of the event loop (LONGEST_LAYOUT_STRETCH_MS) on any machine.
    const document = withWord({ presentation: `Før ${word} efter ${LONG_WORD}`, decision: `${LONG_WORD} ${LONG_WORD}` });
    let turnsMeanwhile = 0;
    const counting = setInterval(() => turnsMeanwhile++, 0);
    const pdf = await renderMeetingDocumentPdf(document, AT).finally(() => clearInterval(counting));
    expect(turnsMeanwhile).toBeGreaterThan(1);
    const footer = new RegExp(`${document.title}\\s*Side \\d+ af \\d+\\s*$`);
    const text = (await pdfPages(pdf)).map((page) => page.replace(footer, '')).join('').replace(/\s/g, '');
    expect(text).toContain(`Før${word}efter`);
  });

  it('renders the whole of a long word, every letter of it, without drawing the zero-width breaks', async () => {
    const document = withWord({ presentation: `Før ${'ø'.repeat(2_000)} efter` });
    const pdf = await renderMeetingDocumentPdf(document, AT);
    expect((await pdftotextPages(pdf)).join('')).not.toContain('\u200B');
    // Each page without its footer (the title and "Side n af m"), which the word runs across.
    const footer = new RegExp(`${document.title}\\s*Side \\d+ af \\d+\\s*$`);
    const text = (await pdfPages(pdf)).map((page) => page.replace(footer, '')).join('');
    expect(text).not.toContain('\u200B');
    expect(text.replace(/\s/g, '').includes(`Før${'ø'.repeat(2_000)}efter`)).toBe(true);
    expect(text.replace(/\s/g, '')).toContain(document.items[0].heading.replace(/\s/g, ''));
  });
});
