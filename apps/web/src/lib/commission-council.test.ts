import { describe, expect, it } from 'vitest';
import { councilStatus } from './commission-council';

const council = { committeeId: 'c', committeeName: 'Byrådet', itemId: 'i', itemNumber: 3, meetingId: 'm', meetingStartsAt: '2027-01-26T16:00:00.000Z', meetingTitle: null };
const step = { by: null, at: '2027-01-26T18:00:00.000Z', comment: 'Vedtaget' };

describe('what the pages say of the council’s adoption', () => {
  it('says it awaits the council, by its name', () => {
    expect(councilStatus({ state: 'awaiting-council', council, adopted: null })).toBe('Afventer Byrådets vedtagelse');
    expect(councilStatus({ state: 'awaiting-council', council: { ...council, committeeName: 'PKØ-udvalget' }, adopted: null })).toBe('Afventer PKØ-udvalgets vedtagelse');
  });

  it('says who adopted it on the meeting’s day, also once superseded', () => {
    expect(councilStatus({ state: 'adopted', council, adopted: step })).toBe('Vedtaget af Byrådet tirsdag den 26. januar 2027');
    expect(councilStatus({ state: 'superseded', council, adopted: step })).toBe('Vedtaget af Byrådet tirsdag den 26. januar 2027');
  });

  it('says nothing where the director decides, or of a draft the council sent back', () => {
    expect(councilStatus({ state: 'approved', council: null, adopted: null })).toBeNull();
    expect(councilStatus({ state: 'draft', council, adopted: null })).toBeNull();
  });
});
