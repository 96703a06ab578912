import { checkedJsonText, findUnsafeText, refuseMalformedQuery } from '../http/request-input.js';

const code = (run: () => unknown) => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { getResponse(): { code: string } }).getResponse().code;
  }
};

describe('the checks on request input', () => {
  it('refuses nesting past the limit without parsing, and counts no bracket inside a string', () => {
    expect(code(() => checkedJsonText(Buffer.from('[[[1]]]'), 3))).toBeUndefined();
    expect(code(() => checkedJsonText(Buffer.from('[[[[1]]]]'), 3))).toBe('json_too_deep');
    expect(code(() => checkedJsonText(Buffer.from('{"a":{"b":{"c":{}}}}'), 3))).toBe('json_too_deep');
    expect(code(() => checkedJsonText(Buffer.from('["[[[[\\"[[[["]'), 3))).toBeUndefined();
    const started = performance.now();
    expect(code(() => checkedJsonText(Buffer.from('['.repeat(1_000_000))))).toBe('json_too_deep');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses a body that is not UTF-8', () => {
    expect(code(() => checkedJsonText(Buffer.from([0x22, 0xc3, 0x22])))).toBe('invalid_utf8');
    expect(checkedJsonText(Buffer.from('"Ærø"'))).toBe('"Ærø"');
  });

  it('finds a NUL or a lone surrogate in any string or key, and lets whole pairs be', () => {
    expect(findUnsafeText({ a: ['ok', { b: 'x\u0000' }] })).toBe('a.1.b');
    expect(findUnsafeText({ 'k\ud800': 1 })).toBe('k\ud800');
    expect(findUnsafeText({ a: 'Kommune 😀', n: 1, z: null })).toBeUndefined();
  });

  it('refuses a query that is not percent-encoded UTF-8', () => {
    expect(code(() => refuseMalformedQuery('/api/people?q=%FF'))).toBe('invalid_query');
    expect(code(() => refuseMalformedQuery('/api/people?q=%C3%86r%C3%B8+x'))).toBeUndefined();
    expect(code(() => refuseMalformedQuery('/api/people/%FF'))).toBeUndefined();
  });
});
