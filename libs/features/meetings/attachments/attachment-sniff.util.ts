import { extname } from 'node:path';
import { ATTACHMENT_TYPES } from './attachment-file.util.js';

/** How many leading bytes the content check reads. */
export const SNIFF_BYTES = 4096;

const PDF = Buffer.from('%PDF-');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
/** A zip local file header: the container of Office Open XML and OpenDocument files. */
const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** "Binary data bytes" of the WHATWG MIME Sniffing Standard: never in a text file. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BINARY_BYTES = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]/;

/**
 * The start of markup a browser would render: the WHATWG MIME Sniffing Standard's HTML patterns, XML and SVG.
 * Tested on the text after any byte order mark and leading whitespace.
 */
const MARKUP = /^<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--|\?xml|svg)([\s>/]|$)/i;

function isZipOf(head: Buffer, contentType: string): boolean {
  if (!head.subarray(0, ZIP.length).equals(ZIP)) return false;
  // An OpenDocument file starts with an uncompressed entry "mimetype" naming its kind (ODF 1.2, part 3, § 3.3).
  if (contentType === 'application/vnd.oasis.opendocument.text' && head.toString('latin1', 30, 38) === 'mimetype') {
    return head.toString('latin1', 38, 38 + ODT_MIMETYPE.length) === ODT_MIMETYPE;
  }
  return true;
}

function isText(head: Buffer): boolean {
  if (BINARY_BYTES.test(head.toString('latin1'))) return false;
  const start = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return !MARKUP.test(start);
}

/**
 * Whether the first bytes of a file are what its accepted type says: the signature of a PDF, PNG or JPEG, a zip
 * container for Office and OpenDocument files, and for text no binary bytes and no markup a browser would render.
 */
export function contentMatchesType(head: Buffer, contentType: string): boolean {
  switch (contentType) {
    case 'application/pdf':
      return head.subarray(0, PDF.length).equals(PDF);
    case 'image/png':
      return head.subarray(0, PNG.length).equals(PNG);
    case 'image/jpeg':
      return head.subarray(0, JPEG.length).equals(JPEG);
    case 'text/plain':
    case 'text/csv':
      return isText(head);
    default:
      return ATTACHMENT_TYPES[contentType] !== undefined && contentType.startsWith('application/vnd.') && isZipOf(head, contentType);
  }
}

/** Extensions of content a browser or the system would run or render: a Bilag may not be named as one. */
const ACTIVE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.htm', '.html', '.xhtml', '.xht', '.shtml', '.svg', '.svgz', '.xml', '.xsl', '.js', '.mjs', '.hta', '.swf',
  '.exe', '.com', '.bat', '.cmd', '.scr', '.msi', '.ps1', '.vbs', '.jar', '.sh', '.php',
]);

/** Text files may carry either text extension: a CSV is plain text too. */
const TEXT_TYPES: ReadonlySet<string> = new Set(['text/plain', 'text/csv']);

/**
 * The file name's extension when it names another kind of file than the accepted type (".pdf" on a PNG, ".html" on
 * a PDF); null when it fits, or is none a type is known by (no extension, "Referat 02.02").
 */
export function conflictingExtension(fileName: string, contentType: string): string | null {
  const extension = extname(fileName.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (!extension) return null;
  const own = TEXT_TYPES.has(contentType) ? [...TEXT_TYPES].flatMap((type) => ATTACHMENT_TYPES[type].extensions) : (ATTACHMENT_TYPES[contentType]?.extensions ?? []);
  if (own.includes(extension)) return null;
  const known = ACTIVE_EXTENSIONS.has(extension) || Object.values(ATTACHMENT_TYPES).some((type) => type.extensions.includes(extension));
  return known ? extension : null;
}
