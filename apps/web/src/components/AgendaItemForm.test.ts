import { describe, expect, it } from 'vitest';
import { EMPTY_ITEM, itemBody, itemProblems, withReason } from './AgendaItemForm';

describe('a closed item on Forberedelse', () => {
  const closed = { ...EMPTY_ITEM, titel: 'Personsag om Jens Hansen', lukket: true };

  it('fills in Offentlig titel from the Begrundelse, and keeps a title the secretary wrote', () => {
    const personal = withReason(closed, 'personal-matter');
    expect(personal.offentligTitel).toBe('Personalesag');
    expect(withReason(personal, 'real-estate').offentligTitel).toBe('Køb af ejendom');
    expect(withReason(withReason(personal, 'other'), 'estimates-and-tenders').offentligTitel).toBe('Overslag og licitation');
    expect(withReason({ ...personal, offentligTitel: 'Sag om ansættelse' }, 'real-estate').offentligTitel).toBe('Sag om ansættelse');
  });

  it('asks for a Begrundelse, and for Andet an Uddybning and an Offentlig titel, before it asks the API', () => {
    expect(Object.keys(itemProblems(closed, 'ny-'))).toEqual(['ny-begrundelse']);
    expect(Object.keys(itemProblems(withReason(closed, 'other'), 'ny-'))).toEqual(['ny-uddybning', 'ny-offentlig-titel']);
    expect(itemProblems(withReason(closed, 'personal-matter'), 'ny-')).toEqual({});
  });

  it('sends the reason, its text and the public title only for a closed item', () => {
    const values = { ...withReason(closed, 'other'), uddybning: 'Tavshedspligt', offentligTitel: 'Sag om tilskud' };
    expect(itemBody(values, 'absent')).toMatchObject({ closed: true, closedReason: 'other', closedReasonText: 'Tavshedspligt', publicTitle: 'Sag om tilskud' });
    expect(itemBody({ ...values, lukket: false }, 'null')).toMatchObject({ closed: false, closedReason: null, closedReasonText: null, publicTitle: null });
    expect(itemBody({ ...values, lukket: false }, 'absent')).not.toHaveProperty('closedReason');
  });
});
