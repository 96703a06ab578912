/**
 * The bare baseline of the minutes PDF: pdfkit alone, laying out the same items' texts (a heading and the
 * paragraphs of each) in one pass with the same font (IBM Plex Sans from dkfds), without the document model, the
 * table of contents, the footers, the lists, the variants, the other formats, the storage or the queue. Tagged, it
 * writes what the product must write, pdfkit's own way: PDF/A-2a and PDF/UA, /Lang da-DK, the title shown, every
 * heading an H2 and every paragraph a P of one Document, as pdfkit's text() tags them given a structure element;
 * untagged, a plain PDF of the texts. It names the font files itself so that its process loads nothing of the product.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const PLEX = join(dirname(require.resolve('dkfds')), '../fonts/IBMPlexSans/complete/ttf');
// Named by their files, as the product names them: pdfkit then finds a font it has opened by its name, for each new
// page and each change of font (the regular font registered under another name than its file, pdfkit would parse
// the file again at every change to it).
const REGULAR = join(PLEX, 'IBMPlexSans-Regular.ttf');
const BOLD = join(PLEX, 'IBMPlexSans-Bold.ttf');

export interface BareMinutesItem {
  heading: string;
  paragraphs: string[];
}

export type BarePdfKind = 'tagged' | 'untagged';

const TAGGED_OPTIONS = { pdfVersion: '1.7', subset: 'PDF/A-2a', tagged: true, lang: 'da-DK', displayTitle: true, info: { Title: 'Referat' } } as const;

export function renderBareMinutesPdf(items: readonly BareMinutesItem[], kind: BarePdfKind = 'untagged'): Promise<Buffer> {
  const tagged = kind === 'tagged';
  const doc = new PDFDocument({ size: 'A4', font: REGULAR, ...(tagged ? TAGGED_OPTIONS : {}) });
  const structure = tagged ? doc.struct('Document') : undefined;
  if (structure) doc.addStructure(structure);
  const write = (text: string, type: 'H2' | 'P') => doc.text(text, { paragraphGap: 6, ...(structure ? { structParent: structure, structType: type } : {}) });
  for (const item of items) {
    doc.font(BOLD).fontSize(10);
    write(item.heading, 'H2');
    doc.font(REGULAR);
    for (const text of item.paragraphs) write(text, 'P');
  }
  structure?.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
