import { describe, expect, it } from 'vitest';
import { loginPath, safeNextPath } from './next-path';

describe('naeste: where the login sends the reader', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNextPath('/moeder/7f1c0e1e-2f1d-4c55-9d38-8d1f2b9f3a11')).toBe('/moeder/7f1c0e1e-2f1d-4c55-9d38-8d1f2b9f3a11');
    expect(safeNextPath('/offentlig?udvalg=x&side=2')).toBe('/offentlig?udvalg=x&side=2');
  });

  it.each([
    ['https://evil.example/', 'another origin'],
    ['//evil.example/', 'a protocol-relative address'],
    ['/\\evil.example/', 'a backslash, which browsers read as a slash'],
    ['javascript:alert(1)', 'a script address'],
    ['/moeder\n/x', 'a control character'],
    ['/api/auth/logout', 'a path into the API'],
    ['/log-ind?naeste=/', 'the login page itself'],
    ['', 'nothing'],
  ])('refuses %j (%s) and goes home instead', (naeste) => {
    expect(safeNextPath(naeste)).toBe('/');
  });

  it('writes the login address that leads back', () => {
    expect(loginPath('/moeder/1?x=2')).toBe('/log-ind?naeste=%2Fmoeder%2F1%3Fx%3D2');
    expect(loginPath('/')).toBe('/log-ind');
  });
});
