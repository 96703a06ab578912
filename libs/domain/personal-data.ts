import { createHmac } from 'node:crypto';

/**
 * Personal data that Datatilsynet says does not belong in a public web archive: CPR numbers, e-mail addresses and
 * Danish phone numbers. The detector finds them in the text about to be published; a finding names its kind, where
 * it is, the value masked and a keyed fingerprint, never the value itself.
 */
export const PERSONAL_DATA_KINDS = ['cpr', 'email', 'phone'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** One public text and where it is shown: on the meeting itself (no item) or on one of its items. */
export interface PublicTextField {
  itemId: string | null;
  itemNumber: number | null;
  /** The item's title as the public sees it (a closed item's public title), so the secretary can find the item. */
  itemTitle: string | null;
  /** e.g. `title`, `location`, `summary`, `decision`, `dissents[0]`. */
  field: string;
  text: string | null | undefined;
}

export interface PersonalDataLocation {
  itemId: string | null;
  itemNumber: number | null;
  itemTitle: string | null;
  field: string;
  /** Where in the field's text the finding begins (in UTF-16 code units, as JavaScript counts). */
  offset: number;
}

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  masked: string;
  where: PersonalDataLocation;
  /** Keyed hash of the kind and the normalised value: the same value gives the same fingerprint wherever it is written. */
  fingerprint: string;
}

/** Hashes a normalised value; keyed, so a fingerprint cannot be reversed by hashing every possible CPR number. */
export type PersonalDataFingerprinter = (kind: PersonalDataKind, normalised: string) => string;

export function personalDataFingerprinter(key: string): PersonalDataFingerprinter {
  const derived = createHmac('sha256', key).update('personal-data-fingerprint').digest();
  return (kind, normalised) => createHmac('sha256', derived).update(`${kind}:${normalised}`).digest('base64url').slice(0, 22);
}

interface RawMatch {
  kind: PersonalDataKind;
  offset: number;
  length: number;
  normalised: string;
  masked: string;
}

const DIGIT_LIKE_BEFORE = String.raw`(?<![\p{L}\p{N}])(?<!\p{N}[.,/-])`;
const DIGIT_LIKE_AFTER = String.raw`(?![\p{L}\p{N}])(?![.,/-]\p{N})`;

/** DDMMYY-XXXX or DDMMYYXXXX (a hyphen or a dash between), not inside a longer number, case number or amount. */
const CPR = new RegExp(String.raw`${DIGIT_LIKE_BEFORE}(\d{2})(\d{2})(\d{2})[-\u2010\u2011\u2013]?(\d{4})${DIGIT_LIKE_AFTER}`, 'gu');

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}][\p{L}\p{N}._%+-]*@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}(?![\p{L}\p{N}-])/gu;

/**
 * Eight digits as Danes write a phone number: 12345678, 1234 5678 or 12 34 56 78, optionally after +45 or 0045.
 * Danish subscriber numbers begin with 2–9, which keeps most amounts and serial numbers out.
 */
const PHONE = new RegExp(
  String.raw`(?:(?<prefix>(?<![\p{L}\p{N}+])(?:\+45|0045)[ \u00a0]?)|${DIGIT_LIKE_BEFORE})(?<number>[2-9]\d{7}|[2-9]\d{3}[ \u00a0]\d{4}|[2-9]\d(?:[ \u00a0]\d{2}){3})${DIGIT_LIKE_AFTER}`,
  'gu',
);

/** An amount: the number written right after "kr." / "DKK" or right before "kr", "DKK", "mio", ",-". */
const AMOUNT_BEFORE = /(?:kr\.?|dkk)[ \u00a0]?$/i;
const AMOUNT_AFTER = /^(?:[ \u00a0]?(?:kr\b|kr\.|dkk\b|mio\b|mia\b|,-))/i;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A calendar date, the century unknown: 29 February counts in every year divisible by four. */
function isDayOfMonth(day: number, month: number, twoDigitYear: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return twoDigitYear % 4 === 0;
  return day <= DAYS_IN_MONTH[month - 1];
}

/** Eight digits that read as a date YYYYMMDD of the 20th or 21st century (a date stamp, not a phone number). */
function isCompactDate(digits: string): boolean {
  const year = Number(digits.slice(0, 4));
  if (year < 1900 || year > 2099) return false;
  return isDayOfMonth(Number(digits.slice(6, 8)), Number(digits.slice(4, 6)), year % 100);
}

function looksLikeAmount(text: string, start: number, end: number): boolean {
  return AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 5), start)) || AMOUNT_AFTER.test(text.slice(end, end + 5));
}

function cprMatches(text: string): RawMatch[] {
  return [...text.matchAll(CPR)].flatMap((match) => {
    const [whole, day, month, year, serial] = match;
    if (!isDayOfMonth(Number(day), Number(month), Number(year))) return [];
    if (looksLikeAmount(text, match.index, match.index + whole.length)) return [];
    const digits = `${day}${month}${year}${serial}`;
    return [{ kind: 'cpr' as const, offset: match.index, length: whole.length, normalised: digits, masked: `${day}****-**${serial.slice(2)}` }];
  });
}

function emailMatches(text: string): RawMatch[] {
  return [...text.matchAll(EMAIL)].map((match) => {
    const address = match[0];
    const at = address.indexOf('@');
    return { kind: 'email' as const, offset: match.index, length: address.length, normalised: address.toLowerCase(), masked: `${address[0]}***${address.slice(at)}` };
  });
}

function phoneMatches(text: string): RawMatch[] {
  return [...text.matchAll(PHONE)].flatMap((match) => {
    const digits = match.groups!.number.replace(/\D/g, '');
    const end = match.index + match[0].length;
    const prefixed = match.groups!.prefix !== undefined;
    if (!prefixed && (isCompactDate(digits) || looksLikeAmount(text, match.index, end))) return [];
    return [{ kind: 'phone' as const, offset: match.index, length: match[0].length, normalised: digits, masked: `${prefixed ? '+45 ' : ''}******${digits.slice(6)}` }];
  });
}

/** The findings of one text, in reading order; an e-mail address or CPR number is never read again as a phone number. */
function matchesIn(text: string): RawMatch[] {
  const taken: RawMatch[] = [];
  const overlaps = (candidate: RawMatch) => taken.some((m) => candidate.offset < m.offset + m.length && m.offset < candidate.offset + candidate.length);
  for (const candidate of [...emailMatches(text), ...cprMatches(text), ...phoneMatches(text)]) {
    if (!overlaps(candidate)) taken.push(candidate);
  }
  return taken.sort((a, b) => a.offset - b.offset);
}

/** Every CPR number, e-mail address and Danish phone number in the fields, field by field in the order given. */
export function findPersonalData(fields: readonly PublicTextField[], fingerprint: PersonalDataFingerprinter): PersonalDataFinding[] {
  return fields.flatMap(({ text, ...where }) =>
    text
      ? matchesIn(text).map(({ kind, offset, normalised, masked }) => ({ kind, masked, where: { ...where, offset }, fingerprint: fingerprint(kind, normalised) }))
      : [],
  );
}

/** The findings nobody has confirmed as meant to be public. */
export function unconfirmedFindings(findings: readonly PersonalDataFinding[], confirmed: readonly string[]): PersonalDataFinding[] {
  const confirmedSet = new Set(confirmed);
  return findings.filter((finding) => !confirmedSet.has(finding.fingerprint));
}
