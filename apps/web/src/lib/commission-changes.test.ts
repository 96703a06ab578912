import { describe, expect, it } from 'vitest';
import { commissionChanges } from './commission-changes';

const version1 = { title: 'Kommissorium', purpose: 'Nytænkning af socialområdet', background: null, themes: ['Partnerskaber'], composition: 'Fem medlemmer', deliverables: null };

describe('what changed since the previous kommissorium', () => {
  it('names each part that changed, with the text before and now', () => {
    const version2 = { ...version1, themes: ['Partnerskaber', 'Et sammenhængende socialområde'], deliverables: 'Anbefalinger i 4. kvt. 2025' };
    expect(commissionChanges(version1, version2)).toEqual([
      { part: 'Temaer', before: 'Partnerskaber', after: 'Partnerskaber\nEt sammenhængende socialområde' },
      { part: 'Leverancer', before: '', after: 'Anbefalinger i 4. kvt. 2025' },
    ]);
  });

  it('sees no change where only surrounding spaces differ', () => {
    expect(commissionChanges(version1, { ...version1, purpose: ' Nytænkning af socialområdet ' })).toEqual([]);
  });
});
