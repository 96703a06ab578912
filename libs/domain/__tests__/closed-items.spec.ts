import { DomainError } from '../errors.js';
import { closedItemFields, closedReasonInWords, publicClosedTitle } from '../closed-items.js';
import { redactItemForPublic } from '../redaction.js';

const refusal = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
};

describe('a closed item’s reason and public title (§ 10)', () => {
  it('stores nothing of them for an open item', () => {
    expect(closedItemFields(false, { closedReason: 'personal-matter', closedReasonText: 'x', publicTitle: 'y' })).toEqual({ closedReason: null, closedReasonText: null, publicTitle: null });
  });

  it('proposes the reason’s public title when none is given, and keeps one that is', () => {
    expect(closedItemFields(true, { closedReason: 'personal-matter' })).toEqual({ closedReason: 'personal-matter', closedReasonText: null, publicTitle: 'Personalesag' });
    expect(closedItemFields(true, { closedReason: 'real-estate', publicTitle: ' Salg af ejendom ' }).publicTitle).toBe('Salg af ejendom');
    expect(closedItemFields(true, { closedReason: 'estimates-and-tenders' }).publicTitle).toBe('Overslag og licitation');
    expect(closedItemFields(true, { closedReason: 'negotiations-with-authorities' }).publicTitle).toBe('Forhandlinger med andre myndigheder');
  });

  it('refuses a closed item without a reason, and "andet" without its text or a public title', () => {
    expect(refusal(() => closedItemFields(true, {}))).toBe('closed_reason_required');
    expect(refusal(() => closedItemFields(true, { closedReason: 'other', publicTitle: 'Sag om tilskud' }))).toBe('closed_reason_text_required');
    expect(refusal(() => closedItemFields(true, { closedReason: 'other', closedReasonText: '  ' }))).toBe('closed_reason_text_required');
    expect(refusal(() => closedItemFields(true, { closedReason: 'other', closedReasonText: 'Tavshedspligt' }))).toBe('public_title_required');
    expect(closedItemFields(true, { closedReason: 'other', closedReasonText: 'Tavshedspligt', publicTitle: 'Sag om tilskud' })).toEqual({
      closedReason: 'other',
      closedReasonText: 'Tavshedspligt',
      publicTitle: 'Sag om tilskud',
    });
  });

  it('shows the public "Lukket punkt: <public title>", and "Lukket punkt" alone for an item closed before public titles', () => {
    expect(publicClosedTitle('Personalesag')).toBe('Lukket punkt: Personalesag');
    expect(publicClosedTitle(null)).toBe('Lukket punkt');
    const redacted = redactItemForPublic({ number: 2, closed: true, title: 'Personsag om Jens Hansen', closedReason: 'personal-matter', closedReasonText: 'Jens Hansen', publicTitle: 'Personalesag' });
    expect(redacted).toEqual({ number: 2, closed: true, title: 'Lukket punkt: Personalesag', closedReason: null, closedReasonText: null, publicTitle: 'Personalesag', startTime: null, endTime: null });
  });

  it('names the reason in words for members', () => {
    expect(closedReasonInWords({ closedReason: 'personal-matter' })).toBe('personsag');
    expect(closedReasonInWords({ closedReason: 'other', closedReasonText: 'Tavshedspligt' })).toBe('Tavshedspligt');
    expect(closedReasonInWords({ closedReason: 'real-estate', closedReasonText: 'Grunden ved havnen' })).toBe('køb eller salg af fast ejendom: Grunden ved havnen');
  });
});
