import { BadRequestException } from '@nestjs/common';

/** The deepest nesting of arrays and objects a JSON body may have; no request of the API needs more than a few. */
export const MAX_JSON_DEPTH = 32;

const refused = (code: string, message: string) => new BadRequestException({ message, code });

/** NUL, or a surrogate standing alone (in the u mode a whole pair is one code point, not matched). */
// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const UNSAFE_TEXT = /[\u0000\p{Cs}]/u;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text, refused (400) unless it is valid UTF-8 and nests arrays and objects at most `maxDepth` deep.
 * One pass over the characters, before anything parses it, so a deeply nested body costs no more than its length.
 */
export function checkedJsonText(body: Buffer, maxDepth = MAX_JSON_DEPTH): string {
  let text: string;
  try {
    text = fatalUtf8.decode(body);
  } catch {
    throw refused('invalid_utf8', 'The request body is not valid UTF-8');
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > maxDepth) throw refused('json_too_deep', `The request body nests arrays and objects deeper than ${maxDepth} levels`);
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return text;
}

/**
 * Refuses (400) a URL whose query is not valid percent-encoded UTF-8 (such as `%FF`), which the query parser would
 * otherwise pass on as some other text. An invalid path is refused by the router itself.
 */
export function refuseMalformedQuery(url: string): void {
  const start = url.indexOf('?');
  if (start < 0) return;
  try {
    decodeURIComponent(url.slice(start + 1).replace(/\+/g, ' '));
  } catch {
    throw refused('invalid_query', 'The query is not valid percent-encoded UTF-8');
  }
}

/** Whether a text holds something no stored text may: a NUL character or half of a UTF-16 surrogate pair. */
export function isUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/**
 * The first place in a parsed value (a JSON body, path parameters, a query) whose text — a string or an object's
 * key — is unsafe, as a path such as `items.2.title`; undefined if there is none. The value's depth is bounded by
 * `checkedJsonText` (bodies) or by the query parser (queries).
 */
export function findUnsafeText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isUnsafeText(value) ? path || 'value' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (isUnsafeText(key)) return at;
    const found = findUnsafeText(inner, at);
    if (found) return found;
  }
  return undefined;
}

/** Refuses (400) a value holding unsafe text, naming where; `where` says which part of the request it is. */
export function refuseUnsafeText(value: unknown, where: string): void {
  const found = findUnsafeText(value);
  if (found) throw refused('invalid_text', `${where} ${found} holds a NUL character or invalid Unicode, which no text here may hold`);
}
