import { extname } from 'node:path';

/** The kinds of Bilag accepted, each with the file name extensions that go with it (the first is added when a name lacks one). */
export const ATTACHMENT_TYPES: Readonly<Record<string, { label: string; extensions: readonly string[] }>> = {
  'application/pdf': { label: 'PDF', extensions: ['.pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word (.docx)', extensions: ['.docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel (.xlsx)', extensions: ['.xlsx'] },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { label: 'PowerPoint (.pptx)', extensions: ['.pptx'] },
  'application/vnd.oasis.opendocument.text': { label: 'OpenDocument text (.odt)', extensions: ['.odt'] },
  'image/png': { label: 'PNG', extensions: ['.png'] },
  'image/jpeg': { label: 'JPEG', extensions: ['.jpg', '.jpeg'] },
  'text/plain': { label: 'plain text', extensions: ['.txt'] },
  'text/csv': { label: 'CSV', extensions: ['.csv'] },
};

/** Older or non-standard names some clients send for the accepted types. */
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
  'text/x-csv': 'text/csv',
  'application/csv': 'text/csv',
};

/** Types that say nothing about the content: the client did not know it, so the file name's extension decides. */
const UNSPECIFIC_TYPES: ReadonlySet<string> = new Set(['', 'application/octet-stream']);

export const ACCEPTED_ATTACHMENT_TYPES_TEXT = Object.values(ATTACHMENT_TYPES)
  .map((type) => type.label)
  .join(', ');

/**
 * The accepted content type of an upload, from the type the client declared (its parameters dropped), or from the
 * file name when the client sent none; null when it is not on the allow-list.
 */
export function acceptedAttachmentType(declared: string | undefined, fileName: string): string | null {
  const bare = (declared ?? '').split(';')[0].trim().toLowerCase();
  const named = TYPE_ALIASES[bare] ?? bare;
  if (ATTACHMENT_TYPES[named]) return named;
  if (!UNSPECIFIC_TYPES.has(named)) return null;
  const extension = extname(fileName).toLowerCase();
  return Object.entries(ATTACHMENT_TYPES).find(([, type]) => type.extensions.includes(extension))?.[0] ?? null;
}

const MAX_NAME_LENGTH = 200;
// C0 and C1 controls, and the bidirectional overrides (U+202A-U+202E, U+2066-U+2069) that can make a name ending in ".exe" look as if it ended in ".pdf".
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name a Bilag is stored and offered under: the client's file name without any path, control characters or
 * leading dots, in NFC (macOS sends "å" decomposed), at most 200 characters, and ending in an extension of its
 * checked content type, so a download opens as what it was accepted as.
 */
export function attachmentFileName(raw: string, contentType: string): string {
  const cleaned = (raw.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const extensions = ATTACHMENT_TYPES[contentType]?.extensions ?? [];
  const ownExtension = extname(cleaned);
  const keepsExtension = extensions.includes(ownExtension.toLowerCase());
  const extension = keepsExtension ? ownExtension : (extensions[0] ?? '');
  const stem = keepsExtension ? cleaned.slice(0, -ownExtension.length) : cleaned;
  const shortened = [...stem].slice(0, MAX_NAME_LENGTH - extension.length).join('').trim();
  return `${shortened || 'Bilag'}${extension}`;
}

const DANISH_LETTERS: Readonly<Record<string, string>> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa' };

/** RFC 5987 value-chars: what encodeURIComponent leaves alone, less the four it leaves that RFC 5987 does not allow. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** How a file is answered: `attachment` to be saved (a download), `inline` to be shown where it is opened. */
export const DISPOSITIONS = ['inline', 'attachment'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * Content-Disposition (RFC 6266), a download unless asked inline: the exact name as UTF-8 in `filename*` (RFC
 * 5987), and an ASCII spelling in `filename` for clients that read only that one ("Præsentation.pdf" -> "Praesentation.pdf").
 */
export function contentDisposition(fileName: string, disposition: Disposition = 'attachment'): string {
  const ascii = fileName
    .replace(/[æøåÆØÅ]/g, (c) => DANISH_LETTERS[c])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    // Quotes and backslashes would end or escape the quoted string; some clients decode %XX in it.
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** "25 MiB" for whole mebibytes, else the bytes. */
export function formatByteSize(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}
