import { createTaggedPdf, drawOneLine, fitsOneLine, lineFitsPage, oneLineHeight, PAGE_MARGINS, pdfBytes, ZERO_WIDTH_SPACE } from '../documents/tagged-pdf.js';

const AT = new Date('2024-02-02T08:30:00Z');
const LINE_GAP = 2;

/** A fresh document in the bold heading style at `top`, as the renderer sets one. */
async function documentAt(top: number): Promise<PDFKit.PDFDocument> {
  const doc = await createTaggedPdf({ title: 'Prøve', subject: 'Referat', creationDate: AT });
  doc.font('bold').fontSize(13);
  doc.y = top;
  return doc;
}

/** The bytes and the place after one text drawn by pdfkit's text() with the line wrapper, or by drawOneLine. */
async function drawn(text: string, width: number, how: 'wrapper' | 'one line', destination?: string) {
  const doc = await documentAt(200.37);
  if (how === 'wrapper') doc.text(text, PAGE_MARGINS.left, undefined, { width, lineGap: LINE_GAP, ...(destination ? { destination } : {}) });
  else drawOneLine(doc, text, PAGE_MARGINS.left, { lineGap: LINE_GAP, ...(destination ? { destination } : {}) });
  const place = { x: doc.x, y: doc.y, pages: doc.bufferedPageRange().count };
  return { place, bytes: await pdfBytes(doc) };
}

const WIDTH = 300;

describe('a text of one line drawn without the line wrapper', () => {
  it.each([
    ['a heading', 'Beslutning', undefined],
    ['a heading with Danish letters', 'Sag nummer 17 om æbler, øer og ål', undefined],
    ['a text with a trailing space', 'Indstilling ', undefined],
    ['a heading that is the target of a link', 'Punkt 3: Budget', 'punkt-3'],
  ])('gives the bytes and the place text() gives: %s', async (_, text, destination) => {
    expect(fitsOneLine(await documentAt(200), text, WIDTH)).toBe(true);
    const wrapped = await drawn(text, WIDTH, 'wrapper', destination);
    const oneLine = await drawn(text, WIDTH, 'one line', destination);
    expect(oneLine.place).toEqual(wrapped.place);
    expect(oneLine.bytes.equals(wrapped.bytes)).toBe(true);
  });

  it('measures the height heightOfString measures', async () => {
    const doc = await documentAt(200.37);
    expect(oneLineHeight(doc, LINE_GAP)).toBe(doc.heightOfString('Beslutning', { width: WIDTH, lineGap: LINE_GAP }));
  });

  it('is not taken for a text that needs a second line, breaks a line of itself, or holds a break of a long word', async () => {
    const doc = await documentAt(200);
    const words = 'Udvalget drøftede sagen grundigt.';
    expect(fitsOneLine(doc, words, WIDTH)).toBe(true);
    expect(fitsOneLine(doc, `${words} ${words}`, WIDTH)).toBe(false);
    expect(fitsOneLine(doc, words, doc.widthOfString(words))).toBe(false);
    for (const breaking of ['\n', '\r', '\t', '\u2028', '\u00AD', ZERO_WIDTH_SPACE]) expect(fitsOneLine(doc, `Beslut${breaking}ning`, WIDTH)).toBe(false);
  });

  it('agrees with the line wrapper at every width around a text’s own', async () => {
    const doc = await documentAt(200);
    const text = 'Sag nummer 17 om æbler, øer og ål';
    const own = doc.widthOfString(text);
    for (let width = Math.floor(own) - 3; width <= Math.ceil(own) + 3; width += 0.25) {
      if (fitsOneLine(doc, text, width)) expect(doc.heightOfString(text, { width, lineGap: LINE_GAP })).toBe(oneLineHeight(doc, LINE_GAP));
    }
  });

  it('is left to the wrapper at the foot of a page, where it would go on to a new one', async () => {
    const doc = await documentAt(200);
    expect(lineFitsPage(doc)).toBe(true);
    doc.y = doc.page.maxY() - doc.currentLineHeight(true) / 2;
    expect(lineFitsPage(doc)).toBe(false);
  });
});

describe('the words of a document shaped once for the process', () => {
  /** The font of `style` as pdfkit holds it, with the process's shaped words. */
  async function fontOf(style: 'regular' | 'bold' | 'italic') {
    const doc = await createTaggedPdf({ title: 'Prøve', subject: 'Referat', creationDate: AT });
    doc.font(style);
    return (doc as unknown as { _font: { layoutCached(word: string): ShapedRun; layoutRun(word: string): ShapedRun } })._font;
  }
  interface ShapedRun {
    glyphs: { id: number }[];
    positions: object[];
    advanceWidth: number;
  }
  const shapeOf = ({ glyphs, positions, advanceWidth }: ShapedRun) => ({ glyphs: glyphs.map((glyph) => glyph.id), positions, advanceWidth });

  it.each(['regular', 'bold', 'italic'] as const)('gives a number the glyphs and places fontkit shapes for it: %s', async (style) => {
    const font = await fontOf(style);
    for (let number = 0; number < 2_000; number++) {
      for (const after of ['', ' ', ':', ': ', '.', '. ', ',', ', ']) {
        const word = `${number}${after}`;
        expect({ word, shape: shapeOf(font.layoutCached(word)) }).toEqual({ word, shape: shapeOf(font.layoutRun(word)) });
      }
    }
  });

  it('gives any other word the glyphs fontkit shapes for it', async () => {
    const font = await fontOf('regular');
    for (const word of ['Beslutning ', 'æbler, ', 'ﬁn ', '1-00-14-22 ', '02-02-2024', 'Side ', '3½ ']) {
      expect({ word, shape: shapeOf(font.layoutCached(word)) }).toEqual({ word, shape: shapeOf(font.layoutRun(word)) });
    }
  });
});
