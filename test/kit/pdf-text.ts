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

/** The Indholdsfortegnelse's lines, "Punkt N: title (kl. ...) <page>", read off the first page. */
export function tableOfContents(pages: readonly string[]): TocEntry[] {
  return [...pages[0].matchAll(/^((Punkt \d+): .+?) (\d+)$/gm)].map(([, heading, item, page]) => ({ item, heading, page: Number(page) }));
}

/** The page (1-based) where an item's heading first appears after the table of contents. */
export function pageWhereItemStarts(pages: readonly string[], heading: string): number {
  return pages.findIndex((text, index) => index > 0 && text.replace(/\s+/g, ' ').includes(heading)) + 1;
}
