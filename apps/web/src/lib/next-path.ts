/**
 * Where to go after logging in: the `naeste` parameter when it is a path on this site, else the home page. Anything
 * that could leave the site is refused: another origin (`https://...`), a protocol-relative `//host`, a backslash
 * (which browsers read as a slash, so `/\host` is `//host`), control characters, and a path into the API.
 */
export function safeNextPath(naeste: string | null | undefined): string {
  if (!naeste || !naeste.startsWith('/') || naeste.startsWith('//')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(naeste)) return '/';
  if (naeste === '/api' || naeste.startsWith('/api/') || naeste.startsWith('/log-ind')) return '/';
  return naeste;
}

/** The login page's address that brings the reader back to `path` afterwards. */
export function loginPath(path: string): string {
  return path === '/' ? '/log-ind' : `/log-ind?naeste=${encodeURIComponent(path)}`;
}
