/**
 * The bare baseline of the minutes PDF: pdfkit alone, laying out the same items' texts (a heading and the
 * paragraphs of each) in one pass with the same font (IBM Plex Sans from dkfds), without the document model, the
 * tagging, PDF/A, the table of contents, the variants, the other formats, the storage or the queue. It names the
 * font files itself so that its process loads nothing of the product.
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

export function renderBareMinutesPdf(items: readonly BareMinutesItem[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', font: REGULAR });
  for (const item of items) {
    doc.font(BOLD).fontSize(10).text(item.heading, { paragraphGap: 6 });
    for (const text of item.paragraphs) doc.font(REGULAR).text(text, { paragraphGap: 6 });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
