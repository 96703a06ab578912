import { commissionItemTitle, commissionMarkdown, commissionNeedsCouncilByDefault, committeeDecidingCommission } from '../commission-adoption.js';
import type { CommitteeKind } from '../committee-rules.js';

const committee = (id: string, kind: CommitteeKind) => ({ id, kind });

describe('where the council decides a kommissorium', () => {
  const byraadet = committee('byraadet', 'council');

  it('needs the council by default for a § 17, stk. 4 committee only', () => {
    expect(commissionNeedsCouncilByDefault('section-17-4')).toBe(true);
    for (const kind of ['council', 'finance', 'standing', 'working-group', 'forum'] as const) expect(commissionNeedsCouncilByDefault(kind)).toBe(false);
  });

  it('goes to the committee on the reporting line when that is the finance committee or the council', () => {
    expect(committeeDecidingCommission(committee('pkoe', 'finance'), byraadet)?.id).toBe('pkoe');
    expect(committeeDecidingCommission(byraadet, byraadet)?.id).toBe('byraadet');
  });

  it("otherwise goes to the body's council, and nowhere when the body has none", () => {
    expect(committeeDecidingCommission(committee('social', 'standing'), byraadet)?.id).toBe('byraadet');
    expect(committeeDecidingCommission(null, byraadet)?.id).toBe('byraadet');
    expect(committeeDecidingCommission(committee('social', 'standing'), null)).toBeNull();
    expect(committeeDecidingCommission(committee('pkoe', 'finance'), null)?.id).toBe('pkoe');
  });
});

describe('the kommissorium as the council item’s text', () => {
  it('is titled for the committee', () => {
    expect(commissionItemTitle('Udvalg for nytænkning af socialområdet')).toBe('Godkendelse af kommissorium for Udvalg for nytænkning af socialområdet');
  });

  it('has the form’s parts in order, leaving out the empty ones', () => {
    const text = commissionMarkdown(
      { title: 'Kommissorium', version: 2, purpose: 'Nytænkning af socialområdet.', background: '  ', themes: ['Partnerskaber', 'Et sammenhængende socialområde'], composition: 'Fem medlemmer', deliverables: null },
      'Udvalget',
    );
    expect(text).toBe(
      [
        '# Kommissorium',
        '',
        'Kommissorium for Udvalget, version 2.',
        '',
        '## Formål',
        '',
        'Nytænkning af socialområdet.',
        '',
        '## Temaer',
        '',
        '- Partnerskaber',
        '- Et sammenhængende socialområde',
        '',
        '## Sammensætning',
        '',
        'Fem medlemmer',
        '',
      ].join('\n'),
    );
  });
});
