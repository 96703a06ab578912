import { clearedSessionCookie, cookieValue, sameSecret, sessionCookie } from '../session-token.js';

describe('the session cookie', () => {
  it('is Secure only when the site is served over TLS', () => {
    expect(sessionCookie('abc', 60, true)).toBe('session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure');
    expect(sessionCookie('abc', 60, false)).toBe('session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax');
    expect(clearedSessionCookie(true)).toBe('session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure');
  });

  it('is found among other cookies, and an empty one counts as none', () => {
    expect(cookieValue('theme=dark; session=a.b=c; x=1', 'session')).toBe('a.b=c');
    expect(cookieValue('sessionx=1', 'session')).toBeUndefined();
    expect(cookieValue('session=', 'session')).toBeUndefined();
    expect(cookieValue(undefined, 'session')).toBeUndefined();
  });

  it('compares CSRF tokens whole: a prefix, another length or nothing is not the token', () => {
    expect(sameSecret('token-1', 'token-1')).toBe(true);
    expect(sameSecret('token', 'token-1')).toBe(false);
    expect(sameSecret('token-2', 'token-1')).toBe(false);
    expect(sameSecret(undefined, 'token-1')).toBe(false);
  });
});
