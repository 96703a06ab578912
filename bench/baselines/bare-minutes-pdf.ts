/**
 * The bare baseline of the minutes PDF: pdfmake alone, laying out the same items' texts (a heading and the
 * paragraphs of each) with the same bundled font, without the document model, the variants, the other formats,
 * the storage or the queue.
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);
const ROBOTO: { Roboto: Record<string, string> } = require('pdfmake/fonts/Roboto.js');
const FONT_FILES: ReadonlySet<string> = new Set(Object.values(ROBOTO.Roboto));
pdfmake.addFonts(ROBOTO);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));

export interface BareMinutesItem {
  heading: string;
  paragraphs: string[];
}

export function renderBareMinutesPdf(items: readonly BareMinutesItem[]): Promise<Buffer> {
  const content: Content[] = items.flatMap((item): Content[] => [{ text: item.heading, bold: true, margin: [0, 12, 0, 6] }, ...item.paragraphs.map((text) => ({ text, margin: [0, 0, 0, 6] as [number, number, number, number] }))]);
  return pdfmake.createPdf({ content, defaultStyle: { font: 'Roboto', fontSize: 10 } }).getBuffer();
}
