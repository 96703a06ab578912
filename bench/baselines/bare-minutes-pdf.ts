/**
 * The bare baseline of the minutes PDF: pdfkit alone, laying out the same items' texts (a heading and the
 * paragraphs of each) in one pass with the same font (IBM Plex Sans from dkfds), without the document model, the
 * tagging, PDF/A, the table of contents, the variants, the other formats, the storage or the queue. It names the
 * font files itself so that its process loads nothing of the product.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const PLEX = join(dirname(require.resolve('dkfds')), '../fonts/IBMPlexSans/complete/ttf');
const REGULAR = readFileSync(join(PLEX, 'IBMPlexSans-Regular.ttf'));
const BOLD = readFileSync(join(PLEX, 'IBMPlexSans-Bold.ttf'));

export interface BareMinutesItem {
  heading: string;
  paragraphs: string[];
}

export function renderBareMinutesPdf(items: readonly BareMinutesItem[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', font: REGULAR as unknown as string });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  for (const item of items) {
    doc.font('bold').fontSize(10).text(item.heading, { paragraphGap: 6 });
    for (const text of item.paragraphs) doc.font('regular').text(text, { paragraphGap: 6 });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
