import { extractText, getDocumentProxy } from 'unpdf';

/** The text of each page of a PDF, as a reader's copy-and-paste would give it. */
export async function pdfPages(pdf: Buffer | Uint8Array): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: false });
  return text;
}

export interface TocEntry {
  /** "Punkt 3" */
  item: string;
  /** The whole line's heading, e.g. "Punkt 3: Eventuelt (kl. 11.00-11.30)". */
  heading: string;
  page: number;
}

// The page number on the line (as unpdf reads it) or after it, a column of its own (as pdftotext does).
const TOC_LINE = /^((Punkt \d+): .+?)\s+(\d+)$/gm;
const HOLDS_TOC_LINE = new RegExp(TOC_LINE.source, 'm');

/** How many pages the Indholdsfortegnelse takes: the leading pages that hold its lines, "Punkt N: title <page>". */
function tableOfContentsPageCount(pages: readonly string[]): number {
  const count = pages.findIndex((text) => !HOLDS_TOC_LINE.test(text));
  return count === -1 ? pages.length : Math.max(count, 1);
}

/**
 * The Indholdsfortegnelse's lines, "Punkt N: title (kl. ...) <page>", read off the pages it takes, from the first, as
 * pdfPages or pdftotextPages give them.
 */
export function tableOfContents(pages: readonly string[]): TocEntry[] {
  return pages
    .slice(0, tableOfContentsPageCount(pages))
    .flatMap((text) => [...text.matchAll(TOC_LINE)])
    .map(([, heading, item, page]) => ({ item, heading, page: Number(page) }));
}

/** The page (1-based) where an item's heading first appears after the table of contents. */
export function pageWhereItemStarts(pages: readonly string[], heading: string): number {
  const after = tableOfContentsPageCount(pages);
  return pages.findIndex((text, index) => index >= after && text.replace(/\s+/g, ' ').includes(heading)) + 1;
}
