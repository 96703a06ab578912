import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

type PdfValue = string | number | boolean | null | PdfValue[] | { [key: string]: PdfValue };
type PdfDictionary = { [key: string]: PdfValue };

/** A structure element as qpdf reads it back: its type (/S), its title (/T) if any, its child elements. */
export interface StructureElement {
  type: string;
  title?: string;
  /** /A's /Scope, for table headers. */
  scope?: string;
  /** Object references among its children (/OBJR), e.g. a Link's annotation. */
  objects: PdfDictionary[];
  children: StructureElement[];
}

/** What a reader of a tagged PDF relies on, read back by qpdf from the file itself. */
export interface PdfStructure {
  catalog: PdfDictionary;
  info: PdfDictionary;
  /** The XMP metadata, as text. */
  xmp: string;
  /** The children of the StructTreeRoot. */
  structure: StructureElement[];
  /** Every font dictionary of the file (Type0 fonts and their descendants). */
  fonts: PdfDictionary[];
  resolve(value: PdfValue): PdfValue;
  /** The text of a PDF string as qpdf writes it ("u:…" or "b:…"). */
  text(value: PdfValue): string;
}

/** Runs `qpdf --json` over the PDF, with the streams decoded and inlined. */
export async function pdfStructure(pdf: Buffer): Promise<PdfStructure> {
  const directory = await mkdtemp(join(tmpdir(), 'pdf-structure-'));
  try {
    const file = join(directory, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('qpdf', ['--json=2', '--json-stream-data=inline', '--decode-level=generalized', file], { maxBuffer: 1 << 30 });
    return structureOf(JSON.parse(stdout));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function structureOf(json: { qpdf: [unknown, Record<string, { value?: PdfValue; stream?: { dict: PdfDictionary; data?: string } }>] }): PdfStructure {
  const objects = json.qpdf[1];
  const objectOf = (reference: string) => objects[`obj:${reference}`];
  const resolve = (value: PdfValue): PdfValue => {
    if (typeof value === 'string' && /^\d+ \d+ R$/.test(value)) {
      const object = objectOf(value);
      return object?.value ?? object?.stream?.dict ?? null;
    }
    return value;
  };
  const dictionary = (value: PdfValue) => resolve(value) as PdfDictionary;
  const text = (value: PdfValue) => {
    const raw = String(resolve(value));
    return raw.startsWith('u:') ? raw.slice(2) : raw.startsWith('b:') ? Buffer.from(raw.slice(2), 'hex').toString('latin1') : raw;
  };
  const trailer = objects.trailer.value as PdfDictionary;
  const catalog = dictionary(trailer['/Root']);
  const metadata = objectOf(String(catalog['/Metadata']))?.stream?.data ?? '';

  const element = (value: PdfValue): StructureElement | null => {
    const node = dictionary(value);
    if (!node || typeof node !== 'object' || Array.isArray(node) || node['/Type'] === '/MCR' || !node['/S']) return null;
    const kids = node['/K'] === undefined ? [] : Array.isArray(node['/K']) ? node['/K'] : [node['/K']];
    const attributes = node['/A'] ? dictionary(node['/A']) : undefined;
    return {
      type: String(node['/S']).slice(1),
      ...(node['/T'] !== undefined ? { title: text(node['/T']) } : {}),
      ...(attributes?.['/Scope'] ? { scope: String(attributes['/Scope']).slice(1) } : {}),
      objects: kids.map((kid) => dictionary(kid)).filter((kid): kid is PdfDictionary => !!kid && typeof kid === 'object' && (kid as PdfDictionary)['/Type'] === '/OBJR'),
      children: kids.map(element).filter((child): child is StructureElement => child !== null),
    };
  };
  const root = dictionary(catalog['/StructTreeRoot']);
  const rootKids = root?.['/K'] === undefined ? [] : Array.isArray(root['/K']) ? root['/K'] : [root['/K']];
  const fonts = Object.values(objects)
    .map((object) => object.value ?? object.stream?.dict)
    .filter((value): value is PdfDictionary => !!value && typeof value === 'object' && !Array.isArray(value) && value['/Type'] === '/Font');
  return {
    catalog,
    info: dictionary(trailer['/Info']),
    xmp: Buffer.from(metadata, 'base64').toString('utf8'),
    structure: rootKids.map(element).filter((child): child is StructureElement => child !== null),
    fonts,
    resolve,
    text,
  };
}

/** Every element of the tree, depth first, in reading order. */
export function structureElements(elements: readonly StructureElement[]): StructureElement[] {
  return elements.flatMap((element) => [element, ...structureElements(element.children)]);
}

/** The text of each page as poppler's pdftotext reads it, pages split at form feeds. */
export async function pdftotextPages(pdf: Buffer): Promise<string[]> {
  const directory = await mkdtemp(join(tmpdir(), 'pdftotext-'));
  try {
    const file = join(directory, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 1 << 30 });
    return stdout.split('\f').slice(0, -1);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
