import * as catalogues from '../index.js';
import { ERROR_CATALOGUE, NOT_FOUND_RECORDS } from '../index.js';

const areas = Object.entries(catalogues).filter(([name]) => name.endsWith('_ERRORS')) as [string, Record<string, { kind: string; meaning: string }>][];

describe('the error catalogues', () => {
  it('give every code to exactly one area', () => {
    const owners = new Map<string, string[]>();
    for (const [area, catalogue] of areas) for (const code of Object.keys(catalogue)) owners.set(code, [...(owners.get(code) ?? []), area]);
    expect([...owners].filter(([, inAreas]) => inAreas.length > 1)).toEqual([]);
    expect(Object.keys(ERROR_CATALOGUE)).toHaveLength(owners.size + NOT_FOUND_RECORDS.length);
  });

  it('name codes in snake_case and say what each means', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(entry.meaning.length).toBeGreaterThan(10);
    }
  });
});
