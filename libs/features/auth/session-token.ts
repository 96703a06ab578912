import { timingSafeEqual } from 'node:crypto';

/** The browser session cookie's name; it holds the same token an API client sends as a bearer token. */
export const SESSION_COOKIE = 'session';

/** What a token says: the person, and the server-side session it belongs to. */
export interface SessionClaims {
  sub: string;
  sid: string;
}

/** The session a request was authenticated by, for logout and the session endpoint. */
export interface RequestSession {
  id: string;
  csrfToken: string;
  /** True when the token came from the cookie, so changes need the CSRF token. */
  viaCookie: boolean;
}

/** Methods a browser sends on its own to another site's links and images: they change nothing, so need no CSRF token. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One cookie of a Cookie header, or undefined. */
export function cookieValue(header: string | string[] | undefined, name: string): string | undefined {
  for (const part of String(header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || undefined;
  }
  return undefined;
}

/** Compares in constant time, so the answer's timing tells nothing of how much of a guess was right. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Set-Cookie header of a session cookie; `Secure` when the browser reaches us over TLS only. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The Set-Cookie header that makes the browser forget the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}
