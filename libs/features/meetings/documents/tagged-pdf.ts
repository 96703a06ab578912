import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EventLoopTurns } from './event-loop-turns.js';

const require = createRequire(import.meta.url);
// IBM Plex Sans (SIL Open Font License 1.1), shipped with the Danish design system the web application uses: the
// same letters on screen and on paper, and a font the archive's PDF/A may embed.
const PLEX_DIRECTORY = join(dirname(require.resolve('dkfds')), '../fonts/IBMPlexSans/complete/ttf');
export const PLEX_FONT_FILES = {
  regular: join(PLEX_DIRECTORY, 'IBMPlexSans-Regular.ttf'),
  bold: join(PLEX_DIRECTORY, 'IBMPlexSans-Bold.ttf'),
  italic: join(PLEX_DIRECTORY, 'IBMPlexSans-Italic.ttf'),
} as const;
export type FontStyle = keyof typeof PLEX_FONT_FILES;

export const ZERO_WIDTH_SPACE = '\u200B';

/** A4 with the margins of the printed referat; the footer sits in the bottom margin. */
export const PAGE_MARGINS = { top: 56, left: 56, right: 56, bottom: 64 } as const;

/**
 * PDF/UA-1 identification beside pdfkit's pdfaid, with the extension schema PDF/A-2 asks for any property outside
 * its predefined schemas (pdfuaid is one).
 */
const PDFUA_XMP = `
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas>
                <rdf:Bag>
                    <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                        <pdfaSchema:property>
                            <rdf:Seq>
                                <rdf:li rdf:parseType="Resource">
                                    <pdfaProperty:name>part</pdfaProperty:name>
                                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                                    <pdfaProperty:category>internal</pdfaProperty:category>
                                    <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
                                </rdf:li>
                            </rdf:Seq>
                        </pdfaSchema:property>
                    </rdf:li>
                </rdf:Bag>
            </pdfaExtension:schemas>
        </rdf:Description>
`;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** The parts of pdfkit 0.19 (pinned) the tagged documents hook into, which its type declarations leave out. */
interface PdfkitInternals {
  info: Record<string, string | Date>;
  _font: EmbeddedFontInternals;
  _fontSize: number;
  _fontFamilies: Record<string, EmbeddedFontInternals>;
  _fragment(text: string, x: number, y: number, options: object): void;
  _addInfo(): void;
  /** The pages not yet written out (bufferPages), first of them page `_pageBufferStart`. */
  _pageBuffer: { content: ContentStreamInternals }[];
}

/** A page's content stream as pdfkit writes it (a PDFReference). */
interface ContentStreamInternals {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  write(chunk: unknown): void;
  finalize(): void;
}

/**
 * A page's content stream written as text and made bytes once: when the page is drawn to its end (answers the
 * function that does so) and when it is written out. pdfkit makes a Buffer of every drawing operator, and the pages
 * are kept to the end here (bufferPages): a thousand of them would hold a million small Buffers, each allocated,
 * copied and collected. The same bytes; the footer and the lines of the Indholdsfortegnelse, drawn on the page
 * later, join it there.
 */
function writeContentAsText(content: ContentStreamInternals): () => void {
  let pending: string[] = [];
  const toBytes = () => {
    if (pending.length) {
      content.buffer.push(Buffer.from(pending.join(''), 'latin1'));
      pending = [];
    }
    if (content.buffer.length > 1) content.buffer = [Buffer.concat(content.buffer)];
  };
  const write = content.write;
  content.write = function (this: ContentStreamInternals, chunk: unknown) {
    if (chunk instanceof Uint8Array) {
      toBytes();
      write.call(this, chunk);
      return;
    }
    // As pdfkit writes it: a line of text, one byte per character ('binary').
    const line = `${chunk}\n`;
    pending.push(line);
    this.uncompressedLength += line.length;
    this.data.Length = (this.data.Length ?? 0) + line.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  const finalize = content.finalize;
  content.finalize = function (this: ContentStreamInternals) {
    toBytes();
    finalize.call(this);
  };
  return toBytes;
}

interface EmbeddedFontInternals {
  /** The parsed font (fontkit). */
  font: { createSubset(): unknown };
  /** The glyphs this document embeds. */
  subset: unknown;
  /** A word shaped by fontkit (its glyphs and their positions), from the document's cache of them. */
  layoutCached(word: string): ShapedWord;
  /** A word shaped by fontkit; with features, any text. */
  layoutRun(text: string, features?: unknown): ShapedWord;
  /** A text's glyphs, their positions and its width (only the width when onlyWidth), word by word. */
  layout(text: string, features?: unknown, onlyWidth?: boolean): ShapedWord | { glyphs: null; positions: null; advanceWidth: number };
}

/** A word's glyphs, their positions and its width, as pdfkit takes them from fontkit's glyph run. */
interface ShapedWord {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

/**
 * The words of a text as pdfkit's EmbeddedFont.layout shapes them, each ending after a space or a tab, until
 * `visit` answers false.
 */
function eachWord(text: string, visit: (word: string) => boolean | void): void {
  let last = 0;
  for (let index = 0; index <= text.length; index++) {
    const code = text.charCodeAt(index);
    if (index === text.length ? last < index : code === 32 || code === 9) {
      if (visit(text.slice(last, index + 1)) === false) return;
      last = index + 1;
    }
  }
}

/**
 * pdfkit's EmbeddedFont.layout, each word's glyphs appended in place where pdfkit concatenates the line's arrays
 * anew for every word (a line of fifteen words copied fifteen times).
 */
function layoutWordByWord(this: EmbeddedFontInternals, text: string, features?: unknown, onlyWidth?: boolean): ReturnType<EmbeddedFontInternals['layout']> {
  if (features) return this.layoutRun(text, features);
  const glyphs: unknown[] = [];
  const positions: unknown[] = [];
  let advanceWidth = 0;
  eachWord(text, (word) => {
    const shaped = this.layoutCached(word);
    if (!onlyWidth) {
      for (const glyph of shaped.glyphs) glyphs.push(glyph);
      for (const position of shaped.positions) positions.push(position);
    }
    advanceWidth += shaped.advanceWidth;
  });
  return onlyWidth ? { glyphs: null, positions: null, advanceWidth } : { glyphs, positions, advanceWidth };
}

/**
 * Each font parsed once for the process: parsing Plex's tables and shaping its first words cost a tenth of a second
 * per font and document. Each document still embeds a subset of its own.
 */
const PARSED_FONTS = new Map<FontStyle, EmbeddedFontInternals['font']>();

/**
 * The most characters of shaped words kept for each font: the words of the documents made lately, not those of
 * every document since the process started (a document of unbroken words, cut every 40 characters, brings its own).
 */
const MOST_SHAPED_CHARACTERS = 60_000;

/**
 * The words shaped in one font, shared by the documents of the process as the parsed font is: most words recur in
 * every referat and in both of its variants, and fontkit takes far longer to shape a word than a lookup takes. A
 * word's glyphs do not depend on the document; each document still embeds only the glyphs it draws.
 */
class ShapedWords {
  private readonly words = new Map<string, ShapedWord>();
  private characters = 0;

  /** The word shaped, its width summed once (fontkit's glyph run sums it again each time it is asked). */
  get(word: string, shape: (word: string) => ShapedWord): ShapedWord {
    let shaped = this.words.get(word);
    if (shaped === undefined) {
      if (this.characters + word.length > MOST_SHAPED_CHARACTERS) {
        this.words.clear();
        this.characters = 0;
      }
      if (word.length > 1 && NUMBER_WORD.test(word)) shaped = this.numberWord(word, shape);
      else {
        const { glyphs, positions, advanceWidth } = shape(word);
        shaped = { glyphs, positions, advanceWidth };
      }
      this.words.set(word, shaped);
      this.characters += word.length;
    }
    return shaped;
  }

  /**
   * A number's characters shaped one by one and set side by side, as fontkit sets them: a document of a thousand
   * pages and items brings thousands of numbers to shape (its page numbers, the items'), and fontkit takes longer
   * to shape one than to shape a word.
   */
  private numberWord(word: string, shape: (word: string) => ShapedWord): ShapedWord {
    const glyphs: unknown[] = [];
    const positions: unknown[] = [];
    let advanceWidth = 0;
    for (const character of word) {
      const shaped = this.get(character, shape);
      glyphs.push(...shaped.glyphs);
      positions.push(...shaped.positions);
      advanceWidth += shaped.advanceWidth;
    }
    return { glyphs, positions, advanceWidth };
  }
}

/**
 * A number as a word: digits, perhaps a stop, comma or colon after them, perhaps a space ("17: " of an item's
 * heading, "3 " of "Side 3 af 12", the page numbers of the Indholdsfortegnelse). IBM Plex neither kerns nor
 * substitutes within such a word (tagged-pdf.spec checks the numbers to 1,999 in each style), so its glyphs are
 * its characters' one after another.
 */
const NUMBER_WORD = /^\d+[.,:]? ?$/;

const SHAPED_WORDS = new Map<FontStyle, ShapedWords>();

export interface TaggedPdfInfo {
  title: string;
  subject: string;
  /** Fixed by the caller, so the same content always gives the same bytes. */
  creationDate: Date;
}

const loadPdfkit = () => import('pdfkit').then((loaded) => loaded.default);
let pdfkitLoaded: ReturnType<typeof loadPdfkit> | undefined;

/**
 * pdfkit with fontkit, loaded by the first document the process lays out rather than at its start: a worker that
 * only sends e-mail never needs their 4 MB of heap.
 */
function pdfkit(): ReturnType<typeof loadPdfkit> {
  pdfkitLoaded ??= loadPdfkit();
  return pdfkitLoaded;
}

/**
 * An A4 document that is tagged PDF/UA-1 and PDF/A-2a at once: /Lang da-DK, the title shown in the window and
 * written to the Info dictionary and the XMP, IBM Plex Sans embedded, pages kept until the end so the footers can
 * be drawn once the page count is known.
 */
export async function createTaggedPdf({ title, subject, creationDate }: TaggedPdfInfo): Promise<PDFKit.PDFDocument> {
  const PDFDocument = await pdfkit();
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: 'da-DK',
    displayTitle: true,
    bufferPages: true,
    size: 'A4',
    margins: PAGE_MARGINS,
    // The first font a document sets is embedded; naming Plex here keeps the unembedded Helvetica out. pdfkit sets
    // this font again on every page it adds: named by its file, it finds it among the fonts it has; given as bytes,
    // it would parse them again for every page.
    font: PLEX_FONT_FILES.regular,
    info: { Title: title, Subject: subject, Creator: 'Udvalgsarbejde', CreationDate: creationDate },
  });
  const internals = doc as unknown as PdfkitInternals;
  // The font opened by the constructor is the regular one: named so, or pdfkit opens and parses it again on the
  // first doc.font('regular') (it finds it by its PostScript name and returns before keeping it under the new name).
  internals._fontFamilies.regular = internals._font;
  for (const [style, file] of Object.entries(PLEX_FONT_FILES) as [FontStyle, string][]) {
    doc.registerFont(style, file);
    doc.font(style);
    const embedded = internals._font;
    const parsed = PARSED_FONTS.get(style);
    if (parsed) {
      embedded.font = parsed;
      embedded.subset = parsed.createSubset();
    } else PARSED_FONTS.set(style, embedded.font);
    const words = SHAPED_WORDS.get(style) ?? new ShapedWords();
    SHAPED_WORDS.set(style, words);
    embedded.layoutCached = (word) => words.get(word, (unshaped) => embedded.layoutRun(unshaped));
    embedded.layout = layoutWordByWord;
  }
  doc.font('regular');
  // pdfkit writes the Info values into the XMP as they are; a title like "Teknik & Miljø" must be escaped there.
  const addInfo = internals._addInfo;
  internals._addInfo = function (this: PdfkitInternals) {
    const info = this.info;
    this.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]));
    addInfo.call(this);
    this.info = info;
  };
  // The zero-width spaces that break long words are break opportunities for the line wrapper only: never drawn.
  const fragment = internals._fragment;
  internals._fragment = function (this: PdfkitInternals, text, x, y, options) {
    fragment.call(this, text.replaceAll(ZERO_WIDTH_SPACE, ''), x, y, options);
  };
  // ... and measure nothing: a word broken up fits a line exactly where it would whole.
  const widthOfString = doc.widthOfString;
  doc.widthOfString = function (this: PDFKit.PDFDocument, text, options) {
    return widthOfString.call(this, text.replaceAll(ZERO_WIDTH_SPACE, ''), options);
  };
  doc.appendXML(PDFUA_XMP);
  let pageDrawn = writeContentAsText(internals._pageBuffer[internals._pageBuffer.length - 1].content);
  doc.on('pageAdded', () => {
    pageDrawn();
    pageDrawn = writeContentAsText(internals._pageBuffer[internals._pageBuffer.length - 1].content);
  });
  return doc;
}

/**
 * The characters at which pdfkit's line wrapper breaks a line of itself or changes a line's text (a soft hyphen that
 * ends a line becomes a hyphen), and the breaks put into long words: a text holding none of them is laid out by the
 * wrapper word by word, as one line wherever its words fit.
 */
const LINE_WRAPPER_BREAKS = /[\n\r\t\v\f\u0085\u00AD\u2028\u2029\u200B]/;

/**
 * Whether pdfkit's line wrapper lays `text` out in `width` as one line, in the current font: nothing in it breaks a
 * line of itself, and it fits with a point to spare (the wrapper adds its words' widths up, each rounded). Its words
 * are measured as widthOfString measures them, up to the first that ends past the width: a paragraph of many lines
 * costs a line's measuring.
 */
export function fitsOneLine(doc: PDFKit.PDFDocument, text: string, width: number): boolean {
  if (LINE_WRAPPER_BREAKS.test(text)) return false;
  const { _font: font, _fontSize: size } = doc as unknown as PdfkitInternals;
  const scale = size / 1000;
  const room = width - 1;
  let advance = 0;
  // Past the room by more than rounding could take back, the rest is not measured.
  let past = false;
  eachWord(text, (word) => {
    advance += font.layoutCached(word).advanceWidth;
    past = advance * scale > room + 1;
    return !past;
  });
  // As doc.widthOfString computes it, without character spacing or horizontal scaling.
  return !past && ((advance * scale + 0) * 100) / 100 < room;
}

/** The height heightOfString answers for a text that fits as one line (fitsOneLine), computed as it computes it. */
export function oneLineHeight(doc: PDFKit.PDFDocument, lineGap: number): number {
  const { y } = doc;
  return y + (doc.currentLineHeight(true) + lineGap) - y;
}

/** Whether a line in the current font fits the page below the current height, as the line wrapper checks first. */
export function lineFitsPage(doc: PDFKit.PDFDocument): boolean {
  return doc.y + doc.currentLineHeight(true) + 1 < doc.page.maxY();
}

/**
 * Draws a text that fits as one line (fitsOneLine, lineFitsPage) from x at the current height, and moves below it,
 * as text() with that width would, to the same bytes; without the line wrapper, whose work for a line of a few
 * words (a heading, a label, a line of the Indholdsfortegnelse, a footer) costs more than drawing it.
 */
export function drawOneLine(doc: PDFKit.PDFDocument, text: string, x: number, options: { lineGap: number; destination?: string }): void {
  (doc as unknown as PdfkitInternals)._fragment(text, x, doc.y, options);
  doc.x = x;
  doc.y += doc.currentLineHeight(true) + options.lineGap;
}

/**
 * Every page's footer, the title and "Side n af m", as a pagination artifact outside the structure tree; a
 * document of a thousand pages gives the event loop back between them.
 */
export async function drawFooters(doc: PDFKit.PDFDocument, title: string): Promise<void> {
  const turns = new EventLoopTurns();
  const { start, count } = doc.bufferedPageRange();
  for (let index = 0; index < count; index++) {
    await turns.giveBack();
    doc.switchToPage(start + index);
    const width = doc.page.width - PAGE_MARGINS.left - PAGE_MARGINS.right;
    const y = doc.page.height - PAGE_MARGINS.bottom + 24;
    const pageText = `Side ${index + 1} af ${count}`;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('regular').fontSize(8).fillColor('#666666');
    const pageTextWidth = doc.widthOfString(pageText);
    const titleWidth = width - pageTextWidth - 12;
    // A title that fits is not cut short, and the footer's room is its own line: no page is begun for it.
    doc.y = y;
    if (fitsOneLine(doc, title, titleWidth)) drawOneLine(doc, title, PAGE_MARGINS.left, { lineGap: 0 });
    else doc.text(title, PAGE_MARGINS.left, y, { width: titleWidth, height: doc.currentLineHeight(), ellipsis: true });
    doc.text(pageText, PAGE_MARGINS.left + width - pageTextWidth, y, { lineBreak: false });
    doc.endMarkedContent();
  }
}

/**
 * Ends the document and gives its bytes. The pages are written out (compressed) one by one, in order as end() would,
 * giving the event loop back between them: all at once they take seconds for the largest documents.
 */
export async function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const internals = doc as unknown as PdfkitInternals;
  const turns = new EventLoopTurns();
  for (const page of internals._pageBuffer.splice(0)) {
    await turns.giveBack();
    internals._pageBuffer.push(page);
    doc.flushPages();
  }
  doc.end();
  return ended;
}
