import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
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

const require = createRequire(import.meta.url);
// pdfmake's bundled Roboto (with the Danish letters), named by their paths on disk.
const ROBOTO: { Roboto: Record<'normal' | 'bold' | 'italics' | 'bolditalics', string> } = require('pdfmake/fonts/Roboto.js');
const FONT_FILES: ReadonlySet<string> = new Set(Object.values(ROBOTO.Roboto));

// pdfmake is one shared instance: set once for the process. A document may name images or fonts by path or URL;
// ours never do, and the policies make sure no text from a meeting can make the renderer read a file or the network.
pdfmake.addFonts(ROBOTO);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));

/** The longest run of characters without a break opportunity that reaches pdfmake. */
export const MAX_UNBROKEN_RUN = 40;
const ZERO_WIDTH_SPACE = '\u200B';
// Forty characters with no space or break between them, followed by one more that is not a combining mark.
const LONG_RUN = new RegExp(`[^\\s\u200B]{${MAX_UNBROKEN_RUN}}(?=[^\\s\u200B\\p{M}])`, 'gu');

/**
 * Text with a zero-width break opportunity after every MAX_UNBROKEN_RUN characters of one unbroken word. pdfmake
 * lays out a word wider than the line by trying it shorter and shorter, which takes time and memory that grow
 * with the square of its length (a 100,000-character word exhausted the worker's memory); broken up, any text the
 * API accepts lays out in time and memory that grow with its length. Nothing changes where a word fits on a line.
 */
export function breakLongWords(text: string): string {
  return text.replace(LONG_RUN, `$&${ZERO_WIDTH_SPACE}`);
}

function blockContent(block: MinutesBlock): Content {
  if (block.kind === 'list') return { ul: block.items.map((text) => ({ text: breakLongWords(text) })), margin: [0, 0, 0, 6] };
  return paragraphsOf(block.text).map((text): Content => ({ text: breakLongWords(text), margin: [0, 0, 0, 6] }));
}

function itemContent(item: MinutesItem, first: boolean): Content[] {
  return [
    // The heading is the item's line in the Indholdsfortegnelse; pdfmake fills in the page it lands on.
    { text: breakLongWords(item.heading), style: 'itemHeading', tocItem: true, headlineLevel: 1, pageBreak: first ? 'before' : undefined },
    ...(item.caseNumber ? [{ text: breakLongWords(`Sagsnr.: ${item.caseNumber}`), style: 'caseNumber' }] : []),
    ...item.sections.flatMap((section): Content[] => [{ text: breakLongWords(section.heading), style: 'sectionHeading', headlineLevel: 2 }, ...section.blocks.map(blockContent)]),
  ];
}

/** Underskrifter on a page of its own, the referat's last: who signed, in what seat and when, and the seal. */
function signaturePageContent({ signatures, sealHash }: MinutesSignaturePage): Content[] {
  return [
    { text: SIGNATURE_PAGE_HEADING, style: 'itemHeading', tocItem: true, headlineLevel: 1, pageBreak: 'before' },
    { ul: signatures.map((line) => ({ text: breakLongWords(signatureSentence(line)) })), margin: [0, 0, 0, 10] },
    // The hash whole, so it can be copied and compared; it fits a line.
    { text: sealSentence(sealHash) },
  ];
}

const SUBJECTS: Record<MeetingDocumentKind, string> = { minutes: 'Referat', agenda: 'Dagsorden' };

/**
 * The pdfmake definition of a meeting document (the minutes, or the agenda as one document): front page with its
 * facts, Mødedato, Mødested and the Indholdsfortegnelse, then the items.
 */
export function meetingDocumentPdfDefinition(document: MinutesDocument, creationDate: Date): TDocumentDefinitions {
  const meta: [string, string][] = [
    ...document.facts.map(({ label, value }): [string, string] => [label, value]),
    ['Mødedato', document.meetingDate],
    ['Mødested', document.place],
    ...(document.attendance.length ? [['Mødedeltagelse', document.attendance.join(' ')] as [string, string]] : []),
  ];
  return {
    // A fixed creation date keeps the bytes a function of the meeting: assembling again gives the same file.
    info: { title: document.title, subject: SUBJECTS[document.kind], creator: 'Udvalgsarbejde', creationDate },
    // Screen readers pick the Danish voice from the document's language (PDF/UA tagging is yet to come).
    language: 'da',
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 64],
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 12] },
      note: { italics: true, color: '#444444', margin: [0, 0, 0, 8] },
      tocTitle: { fontSize: 14, bold: true, margin: [0, 18, 0, 8] },
      itemHeading: { fontSize: 13, bold: true, margin: [0, 14, 0, 4] },
      caseNumber: { color: '#444444', margin: [0, 0, 0, 6] },
      sectionHeading: { bold: true, margin: [0, 6, 0, 3] },
    },
    content: [
      { text: breakLongWords(document.title), style: 'title' },
      ...(document.variant === 'public' ? [{ text: PUBLIC_VARIANT_NOTE, style: 'note' }] : []),
      { table: { widths: ['auto', '*'], body: meta.map(([label, value]) => [{ text: label, bold: true }, breakLongWords(value)]) }, layout: 'noBorders' },
      { toc: { title: { text: 'Indholdsfortegnelse', style: 'tocTitle' }, textMargin: [0, 2, 0, 2] } },
      ...document.items.flatMap((item, index) => itemContent(item, index === 0)),
      ...(document.closing ? [{ text: document.closing, margin: [0, 14, 0, 0] as [number, number, number, number] }] : []),
      ...(document.signaturePage ? signaturePageContent(document.signaturePage) : []),
    ],
    // A heading never ends a page: it moves to the next one with the text it introduces.
    pageBreakBefore: (node, nodes) => node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().length === 0,
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: breakLongWords(document.title), fontSize: 8, color: '#666666' },
        { text: `Side ${currentPage} af ${pageCount}`, alignment: 'right', fontSize: 8, color: '#666666' },
      ],
      margin: [56, 24, 56, 0],
    }),
  };
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

/** The Tillæg as PDF; its creation date is the addition's, so the same addition always gives the same bytes. */
export function renderAddendumPdf({ title, meetingDate, entry, sha256 }: AddendumDocument, createdAt: Date): Promise<Buffer> {
  return pdfmake
    .createPdf({
      info: { title, subject: 'Tillæg til referat', creator: 'Udvalgsarbejde', creationDate: createdAt },
      language: 'da',
      pageSize: 'A4',
      pageMargins: [56, 56, 56, 64],
      defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
      content: [
        { text: breakLongWords(title), fontSize: 18, bold: true, margin: [0, 0, 0, 12] },
        { table: { widths: ['auto', '*'], body: [[{ text: 'Mødedato', bold: true }, meetingDate]] }, layout: 'noBorders', margin: [0, 0, 0, 12] },
        { text: entry.heading, fontSize: 13, bold: true, margin: [0, 0, 0, 4] },
        ...(entry.concerning ? [{ text: entry.concerning, italics: true, margin: [0, 0, 0, 6] as [number, number, number, number] }] : []),
        ...paragraphsOf(entry.text).map((text): Content => ({ text: breakLongWords(text), margin: [0, 0, 0, 6] })),
        { text: `Tillæggets kontrolsum (SHA-256, kædet til referatets segl): ${sha256}`, fontSize: 8, color: '#444444', margin: [0, 12, 0, 0] },
      ],
    })
    .getBuffer();
}

/**
 * How long a job holds on before laying a meeting document out (JobContext.holdFor): the layout is one synchronous
 * stretch, several seconds for the largest minutes the API's caps allow (bench figure 5b: 19 s for its whole
 * assembly, two variants), more on a loaded machine. A worker that dies in that stretch is replaced after this; at any
 * other point of the job after JOB_LOCK_DURATION_MS.
 */
export const DOCUMENT_LAYOUT_HOLD_MS = 60_000;

export function renderMeetingDocumentPdf(document: MinutesDocument, creationDate: Date): Promise<Buffer> {
  return pdfmake.createPdf(meetingDocumentPdfDefinition(document, creationDate)).getBuffer();
}
