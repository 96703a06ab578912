/** What went wrong, in terms a client can act on; the HTTP layer maps each kind to a status code. */
export type DomainErrorKind = 'invalid' | 'unprocessable' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'rate-limited' | 'unavailable';

/** One refusal a client may get: its kind (which HTTP status) and what it means, for clients that explain it in their own words. */
export interface ErrorCodeEntry<K extends DomainErrorKind = DomainErrorKind> {
  kind: K;
  meaning: string;
}

export type ErrorCatalogue = Record<string, ErrorCodeEntry>;

/** Declares a domain area's error codes, keeping their literal names and kinds for the types below. */
export function defineErrorCatalogue<const C extends ErrorCatalogue>(catalogue: C): C {
  return catalogue;
}

/** The codes of a catalogue that are of one kind. */
export type CodesOfKind<C extends ErrorCatalogue, K extends DomainErrorKind> = { [Code in keyof C]: C[Code]['kind'] extends K ? Code : never }[keyof C] & string;
