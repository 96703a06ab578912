import {
  type MeetingDocumentKind,
  type MinutesAddendumEntry,
  type MinutesBlock,
  type MinutesDocument,
  type MinutesItem,
  type MinutesSignaturePage,
  paragraphsOf,
  PUBLIC_VARIANT_NOTE,
  SIGNATURE_PAGE_HEADING,
  sealSentence,
  signatureSentence,
} from '@app/domain';
import { EventLoopTurns } from './event-loop-turns.js';
import { withHeapGrowingFreely } from './heap-growth.js';
import { createTaggedPdf, drawFooters, drawOneLine, fitsOneLine, type FontStyle, lineFitsPage, oneLineHeight, PAGE_MARGINS, pdfBytes, ZERO_WIDTH_SPACE } from './tagged-pdf.js';

/** The longest run of characters without a break opportunity that reaches the line wrapper from a long word. */
export const MAX_UNBROKEN_RUN = 40;
/** Words up to this long are left whole (a sha256 in hex, 64 characters, among them): they fit a line. */
export const LONGEST_WHOLE_WORD = 2 * MAX_UNBROKEN_RUN;
const LONG_WORD = new RegExp(`[^\\s\u200B]{${LONGEST_WHOLE_WORD + 1},}`, 'gu');
// Forty characters with no space or break between them, followed by one more that is not a combining mark.
const LONG_RUN = new RegExp(`[^\\s\u200B]{${MAX_UNBROKEN_RUN}}(?=[^\\s\u200B\\p{M}])`, 'gu');

/**
 * Text with a zero-width break opportunity after every MAX_UNBROKEN_RUN characters of each word longer than
 * LONGEST_WHOLE_WORD. pdfkit splits a word wider than the line by measuring what is left of it after every line,
 * which takes time that grows with the square of its length; broken up, any text the API accepts lays out in time
 * that grows with its length. The breaks are neither drawn nor measured (see createTaggedPdf); a word whole on its
 * line stays whole wherever the wrapper needs no break in it.
 */
export function breakLongWords(text: string): string {
  return mayHoldLongWord(text) ? text.replace(LONG_WORD, (word) => word.replace(LONG_RUN, `$&${ZERO_WIDTH_SPACE}`)) : text;
}

/**
 * Whether text may hold a word longer than LONGEST_WHOLE_WORD: a run of more code units than that between spaces,
 * tabs, line breaks and breaks. One look at each character, where the expression looks again from every one; never
 * false for a text that holds such a word (a character outside that class of spaces, or a surrogate pair, only makes
 * a run longer).
 */
function mayHoldLongWord(text: string): boolean {
  if (text.length <= LONGEST_WHOLE_WORD) return false;
  let run = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 10 || code === 9 || code === 13 || code === 0x200b) run = 0;
    else if (++run > LONGEST_WHOLE_WORD) return true;
  }
  return false;
}

/**
 * The most characters of one paragraph laid out without giving the event loop back: a few tens of milliseconds of
 * work. A Sagsfremstilling of 100,000 characters is laid out in runs of about this length (see TaggedLayout.paragraph).
 */
export const LONGEST_LAYOUT_RUN = 5_000;
const RUN_END = /[ \u200B]/gu;

/** The text in runs of at least LONGEST_LAYOUT_RUN characters, each but the last ending just after a space or break. */
function layoutRuns(text: string): string[] {
  const runs: string[] = [];
  let start = 0;
  while (text.length - start > LONGEST_LAYOUT_RUN) {
    RUN_END.lastIndex = start + LONGEST_LAYOUT_RUN;
    if (!RUN_END.exec(text)) break;
    runs.push(text.slice(start, RUN_END.lastIndex));
    start = RUN_END.lastIndex;
  }
  runs.push(text.slice(start));
  return runs;
}

const BODY_SIZE = 10.5;
/** The longest text whose fitting one line is remembered (TaggedLayout.fitsOneLine): a heading's, a label's. */
const LONGEST_REMEMBERED_LINE = 120;
const LINE_GAP = 2;
const TOC_PAGE_WIDTH = 30;

interface TextStyle {
  font: FontStyle;
  size: number;
  color?: string;
  /** Points above and below. */
  before?: number;
  after?: number;
}

const STYLES = {
  title: { font: 'bold', size: 18, after: 12 },
  note: { font: 'italic', size: BODY_SIZE, color: '#444444', after: 8 },
  factLabel: { font: 'bold', size: BODY_SIZE },
  factValue: { font: 'regular', size: BODY_SIZE },
  tocTitle: { font: 'bold', size: 14, before: 18, after: 8 },
  tocEntry: { font: 'regular', size: BODY_SIZE, before: 2, after: 2 },
  itemHeading: { font: 'bold', size: 13, before: 14, after: 4 },
  caseNumber: { font: 'regular', size: BODY_SIZE, color: '#444444', after: 6 },
  sectionHeading: { font: 'bold', size: BODY_SIZE, before: 6, after: 3 },
  paragraph: { font: 'regular', size: BODY_SIZE, after: 6 },
  signatures: { font: 'regular', size: BODY_SIZE, after: 10 },
  closing: { font: 'regular', size: BODY_SIZE, before: 14 },
  checksum: { font: 'regular', size: 8, color: '#444444', before: 12 },
} satisfies Record<string, TextStyle>;

/** A line of the Indholdsfortegnelse: the heading it names and links to. */
interface TocEntry {
  heading: string;
  anchor: string;
}

/** A line of the Indholdsfortegnelse given its place: the page (1-based) and the top it is drawn at. */
interface TocLine extends TocEntry {
  /** The heading with its long words broken (breakLongWords), as measured. */
  text: string;
  page: number;
  top: number;
}

interface ReservedTableOfContents {
  toc: PDFKit.PDFStructureElement;
  /** The width of a line's text, beside the column of page numbers. */
  width: number;
  lines: TocLine[];
}

/**
 * Draws a tagged document from the top down: every block is drawn inside the structure element it belongs to, so
 * the structure tree reads in the order of the page. Only the Indholdsfortegnelse is drawn afterwards, into the room
 * kept for it (reserveTableOfContents); otherwise the current page is the last one.
 */
class TaggedLayout {
  readonly root: PDFKit.PDFStructureElement;
  readonly width: number;

  /** A long layout gives the event loop back between blocks (see EventLoopTurns). */
  readonly turns = new EventLoopTurns();

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    this.width = doc.page.width - PAGE_MARGINS.left - PAGE_MARGINS.right;
  }

  get page(): number {
    return this.doc.bufferedPageRange().count;
  }

  /** The style set last (use): the font text is measured and drawn in. */
  private style: TextStyle = STYLES.paragraph;

  /**
   * Whether the short texts measured so far fit one line, by font, size and width: every item repeats its sections'
   * headings (Resume, Indstilling, ...), and a heading is measured before it is drawn.
   */
  private readonly oneLiners = new Map<string, boolean>();

  /** Whether text fits one line of `width` in the current style (fitsOneLine). */
  private fitsOneLine(text: string, width: number): boolean {
    if (text.length > LONGEST_REMEMBERED_LINE) return fitsOneLine(this.doc, text, width);
    const key = `${this.style.font} ${this.style.size} ${width} ${text}`;
    let fits = this.oneLiners.get(key);
    if (fits === undefined) {
      fits = fitsOneLine(this.doc, text, width);
      this.oneLiners.set(key, fits);
    }
    return fits;
  }

  /** The height of text laid out in `width` in the current style. */
  private heightOf(text: string, width: number): number {
    return this.fitsOneLine(text, width) ? oneLineHeight(this.doc, LINE_GAP) : this.doc.heightOfString(text, { width, lineGap: LINE_GAP });
  }

  /** Text laid out in `width` from x at the current height: a line that fits drawn as one (drawOneLine). */
  private draw(text: string, x: number, width: number, options: { destination?: string } = {}): void {
    if (this.fitsOneLine(text, width) && lineFitsPage(this.doc)) drawOneLine(this.doc, text, x, { lineGap: LINE_GAP, ...options });
    else this.doc.text(text, x, undefined, { width, lineGap: LINE_GAP, ...options });
  }

  use(style: TextStyle): this {
    this.measureIn(style);
    this.doc.fillColor(style.color ?? '#000000');
    return this;
  }

  /** The font and size of a style, for measuring: a colour would be written to the page though nothing is drawn. */
  private measureIn(style: TextStyle): void {
    this.doc.font(style.font).fontSize(style.size);
    this.style = style;
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** A heading never ends a page: it moves to the next one when it and a line of the text after it do not fit. */
  keepWithNext(text: string, style: TextStyle, width = this.width): void {
    this.measureIn(style);
    const height = this.heightOf(text, width) + (style.after ?? 0);
    this.measureIn(STYLES.paragraph);
    const next = this.doc.currentLineHeight(true) + LINE_GAP;
    if (this.doc.y + (style.before ?? 0) + height + next > this.doc.page.maxY()) this.newPage();
  }

  /** One block of text as a structure element of `type`, its spacing around it. */
  text(parent: PDFKit.PDFStructureElement, type: string, text: string, style: TextStyle, options: { destination?: string } = {}, title?: string): void {
    this.doc.y += style.before ?? 0;
    this.use(style);
    parent.add(this.doc.struct(type, title ? { title } : {}, () => this.draw(breakLongWords(text), PAGE_MARGINS.left, this.width, options)));
    this.doc.y += style.after ?? 0;
  }

  /**
   * A paragraph as a P, its text laid out in runs (layoutRuns) that continue one another on the line, the event loop
   * given back between them: one run is one call of the text; more are one marked-content sequence, as the text's.
   */
  async paragraph(parent: PDFKit.PDFStructureElement, text: string, style: TextStyle): Promise<void> {
    const runs = layoutRuns(breakLongWords(text));
    if (runs.length === 1) return this.text(parent, 'P', text, style);
    this.doc.y += style.before ?? 0;
    this.use(style);
    const paragraph = this.doc.struct('P');
    parent.add(paragraph);
    const content = this.doc.markStructureContent('P');
    for (const [index, run] of runs.entries()) {
      if (index > 0) await this.turns.giveBack();
      const options = { width: this.width, lineGap: LINE_GAP, continued: index < runs.length - 1 };
      if (index === 0) this.doc.text(run, PAGE_MARGINS.left, undefined, options);
      else this.doc.text(run, options);
    }
    this.doc.endMarkedContent();
    paragraph.add(content);
    paragraph.end();
    this.doc.y += style.after ?? 0;
  }

  /** Answers the page the heading landed on. */
  heading(parent: PDFKit.PDFStructureElement, type: 'H1' | 'H2' | 'H3', text: string, style: TextStyle, destination?: string): number {
    this.keepWithNext(breakLongWords(text), style);
    const page = this.page;
    this.text(parent, type, text, style, destination ? { destination } : {}, text);
    return page;
  }

  /** Each item laid out on its own (as pdfkit does within one list), so the event loop can be given back between them. */
  async list(parent: PDFKit.PDFStructureElement, items: readonly string[], style: TextStyle): Promise<void> {
    const list = this.doc.struct('L');
    parent.add(list);
    this.use(style);
    for (const item of items) {
      await this.turns.giveBack();
      this.doc.list([breakLongWords(item)], PAGE_MARGINS.left, undefined, { width: this.width, lineGap: LINE_GAP, structParent: list, bulletRadius: 1.8, textIndent: 12 });
    }
    list.end();
    this.doc.y += style.after ?? 0;
  }

  /** Label and value side by side, the label a row header (TH, scope Row). */
  table(parent: PDFKit.PDFStructureElement, rows: readonly [string, string][]): void {
    const table = this.doc.struct('Table');
    parent.add(table);
    this.measureIn(STYLES.factLabel);
    const labelWidth = Math.min(Math.max(...rows.map(([label]) => this.doc.widthOfString(label))) + 12, this.width * 0.4);
    for (const [label, value] of rows) {
      const row = this.doc.struct('TR');
      table.add(row);
      const top = this.doc.y;
      const page = this.page;
      this.use(STYLES.factLabel);
      row.add(this.doc.struct('TH', { scope: 'Row' } as PDFKit.Mixins.StructureElementOptions, () => this.draw(breakLongWords(label), PAGE_MARGINS.left, labelWidth - 12)));
      const labelBottom = this.doc.y;
      this.use(STYLES.factValue);
      this.doc.y = top;
      row.add(this.doc.struct('TD', {}, () => this.draw(breakLongWords(value), PAGE_MARGINS.left + labelWidth, this.width - labelWidth)));
      // A value that ran onto the next page ends below its label there.
      if (this.page === page) this.doc.y = Math.max(labelBottom, this.doc.y);
      row.end();
    }
    table.end();
  }

  /**
   * Makes room for the Indholdsfortegnelse where it stands, its lines measured (the page numbers take a column of
   * their own, so a line's height does not depend on its number), and adds its TOC to the structure here, in reading
   * order; the lines are drawn into that room once the headings' pages are known (drawTableOfContents).
   */
  async reserveTableOfContents(parent: PDFKit.PDFStructureElement, entries: readonly TocEntry[]): Promise<ReservedTableOfContents> {
    const toc = this.doc.struct('TOC');
    parent.add(toc);
    const width = this.width - TOC_PAGE_WIDTH - 8;
    const lines: TocLine[] = [];
    this.measureIn(STYLES.tocEntry);
    for (const entry of entries) {
      await this.turns.giveBack();
      const text = breakLongWords(entry.heading);
      const height = this.heightOf(text, width);
      this.doc.y += STYLES.tocEntry.before;
      if (this.doc.y + height > this.doc.page.maxY()) this.newPage();
      lines.push({ ...entry, text, page: this.page, top: this.doc.y });
      this.doc.y += height + STYLES.tocEntry.after;
    }
    return { toc, width, lines };
  }

  /** A page number of the Indholdsfortegnelse, at the right of its column, where text() aligned right puts it. */
  private drawPageNumber(pageNumber: string): void {
    const column = PAGE_MARGINS.left + this.width - TOC_PAGE_WIDTH;
    if (this.fitsOneLine(pageNumber, TOC_PAGE_WIDTH) && lineFitsPage(this.doc)) drawOneLine(this.doc, pageNumber, column + (TOC_PAGE_WIDTH - this.doc.widthOfString(pageNumber)), { lineGap: LINE_GAP });
    else this.doc.text(pageNumber, column, undefined, { width: TOC_PAGE_WIDTH, align: 'right', lineGap: LINE_GAP });
  }

  /**
   * The Indholdsfortegnelse drawn into its room: each line a TOCI holding a Link (its text and the page of its
   * heading, and the link annotation to the heading's destination). Leaves the document on its last page.
   */
  async drawTableOfContents({ toc, width, lines }: ReservedTableOfContents, headingPages: readonly number[]): Promise<void> {
    const lastPage = this.page;
    this.use(STYLES.tocEntry);
    for (const [index, { heading, anchor, text, page, top }] of lines.entries()) {
      await this.turns.giveBack();
      this.doc.switchToPage(page - 1);
      const item = this.doc.struct('TOCI');
      toc.add(item);
      const link = this.doc.struct('Link');
      item.add(link);
      link.add(() => {
        this.doc.y = top;
        this.draw(text, PAGE_MARGINS.left, width);
        const bottom = this.doc.y;
        this.doc.y = top;
        this.drawPageNumber(String(headingPages[index]));
        this.doc.y = bottom;
      });
      this.doc.goTo(PAGE_MARGINS.left, top, this.width, this.doc.y - top, anchor, { structParent: link, Contents: new String(heading) } as unknown as PDFKit.Mixins.AnnotationOption);
      link.end();
      item.end();
    }
    toc.end();
    this.doc.switchToPage(lastPage - 1);
  }
}

async function drawBlock(layout: TaggedLayout, block: MinutesBlock): Promise<void> {
  if (block.kind === 'list') return layout.list(layout.root, block.items, STYLES.paragraph);
  for (const text of paragraphsOf(block.text)) {
    await layout.turns.giveBack();
    await layout.paragraph(layout.root, text, STYLES.paragraph);
  }
}

/**
 * An item: its heading (H2, the target of its line in the Indholdsfortegnelse), then each section under an H3.
 * Answers the page of its heading.
 */
async function drawItem(layout: TaggedLayout, item: MinutesItem): Promise<number> {
  const page = layout.heading(layout.root, 'H2', item.heading, STYLES.itemHeading, item.anchor);
  if (item.caseNumber) layout.text(layout.root, 'P', `Sagsnr.: ${item.caseNumber}`, STYLES.caseNumber);
  for (const section of item.sections) {
    await layout.turns.giveBack();
    layout.heading(layout.root, 'H3', section.heading, STYLES.sectionHeading);
    for (const block of section.blocks) await drawBlock(layout, block);
  }
  return page;
}

const SIGNATURE_ANCHOR = 'underskrifter';

/** Underskrifter on a page of its own, the referat's last: who signed, in what seat and when, and the seal. */
async function drawSignaturePage(layout: TaggedLayout, { signatures, sealHash }: MinutesSignaturePage): Promise<number> {
  layout.newPage();
  const page = layout.heading(layout.root, 'H2', SIGNATURE_PAGE_HEADING, STYLES.itemHeading, SIGNATURE_ANCHOR);
  await layout.list(layout.root, signatures.map(signatureSentence), STYLES.signatures);
  // The hash whole, so it can be copied and compared; it fits a line.
  layout.text(layout.root, 'P', sealSentence(sealHash), STYLES.paragraph);
  return page;
}

const SUBJECTS: Record<MeetingDocumentKind, string> = { minutes: 'Referat', agenda: 'Dagsorden' };

function tocEntries(document: MinutesDocument): TocEntry[] {
  return [
    ...document.items.map(({ heading, anchor }) => ({ heading, anchor })),
    ...(document.signaturePage ? [{ heading: SIGNATURE_PAGE_HEADING, anchor: SIGNATURE_ANCHOR }] : []),
  ];
}

/**
 * The meeting document (the minutes, or the agenda as one document) as tagged PDF (PDF/UA-1, PDF/A-2a): front page
 * with its facts, Mødedato, Mødested and the Indholdsfortegnelse, then the items. Laid out once: the
 * Indholdsfortegnelse's room is measured first, the items laid out after it learn the page of each heading, and its
 * lines are then drawn into that room with those pages.
 */
export function renderMeetingDocumentPdf(document: MinutesDocument, creationDate: Date): Promise<Buffer> {
  return withHeapGrowingFreely(() => layOutMeetingDocument(document, creationDate));
}

async function layOutMeetingDocument(document: MinutesDocument, creationDate: Date): Promise<Buffer> {
  const doc = await createTaggedPdf({ title: document.title, subject: SUBJECTS[document.kind], creationDate });
  const layout = new TaggedLayout(doc);
  const { root } = layout;
  const facts: [string, string][] = [
    ...document.facts.map(({ label, value }): [string, string] => [label, value]),
    ['Mødedato', document.meetingDate],
    ['Mødested', document.place],
    ...(document.attendance.length ? [['Mødedeltagelse', document.attendance.join(' ')] as [string, string]] : []),
  ];
  layout.text(root, 'H1', document.title, STYLES.title, {}, document.title);
  if (document.variant === 'public') layout.text(root, 'P', PUBLIC_VARIANT_NOTE, STYLES.note);
  layout.table(root, facts);
  layout.heading(root, 'H2', 'Indholdsfortegnelse', STYLES.tocTitle);
  const tableOfContents = await layout.reserveTableOfContents(root, tocEntries(document));
  const headingPages: number[] = [];
  for (const [index, item] of document.items.entries()) {
    if (index === 0) layout.newPage();
    headingPages.push(await drawItem(layout, item));
  }
  if (document.closing) layout.text(root, 'P', document.closing, STYLES.closing);
  if (document.signaturePage) headingPages.push(await drawSignaturePage(layout, document.signaturePage));
  await layout.drawTableOfContents(tableOfContents, headingPages);
  root.end();
  await drawFooters(doc, breakLongWords(document.title));
  return pdfBytes(doc);
}

/** A dated addition to sealed minutes as a document of its own ("Tillæg til referatet"), beside the sealed PDF. */
export interface AddendumDocument {
  /** "TILLÆG TIL REFERAT Udvalg for lighed i sundhed d. 02-02-2024" */
  title: string;
  meetingDate: string;
  entry: MinutesAddendumEntry;
  /** sha256 of the addition, chained to the seal: what a reader checks it against. */
  sha256: string;
}

/** The Tillæg as tagged PDF; its creation date is the addition's, so the same addition always gives the same bytes. */
export function renderAddendumPdf(addendum: AddendumDocument, createdAt: Date): Promise<Buffer> {
  return withHeapGrowingFreely(() => layOutAddendum(addendum, createdAt));
}

async function layOutAddendum({ title, meetingDate, entry, sha256 }: AddendumDocument, createdAt: Date): Promise<Buffer> {
  const doc = await createTaggedPdf({ title, subject: 'Tillæg til referat', creationDate: createdAt });
  const layout = new TaggedLayout(doc);
  const { root } = layout;
  layout.text(root, 'H1', title, STYLES.title, {}, title);
  layout.table(root, [['Mødedato', meetingDate]]);
  doc.y += 12;
  layout.heading(root, 'H2', entry.heading, STYLES.itemHeading);
  if (entry.concerning) layout.text(root, 'P', entry.concerning, { ...STYLES.note, color: undefined, after: 6 });
  for (const text of paragraphsOf(entry.text)) layout.text(root, 'P', text, STYLES.paragraph);
  layout.text(root, 'P', `Tillæggets kontrolsum (SHA-256, kædet til referatets segl): ${sha256}`, STYLES.checksum);
  root.end();
  await drawFooters(doc, breakLongWords(title));
  return pdfBytes(doc);
}
