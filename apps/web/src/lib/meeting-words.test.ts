import { describe, expect, it } from 'vitest';
import { attendeeRole, quorumText } from './meeting-words';

describe('the meeting room’s words', () => {
  it('names a substitute by the member they stand in for, anyone else by their roles', () => {
    expect(attendeeRole({ roles: [], substituteFor: { name: 'Anders Andersen' } })).toBe('Som stedfortræder for Anders Andersen');
    expect(attendeeRole({ roles: ['chair'], substituteFor: null })).toBe('Formand');
  });

  it('says whether the committee can decide, with the figures', () => {
    expect(quorumText({ seats: 7, present: 4, required: 4, met: true })).toBe('Beslutningsdygtigt: 4 af 7');
    expect(quorumText({ seats: 5, present: 2, required: 3, met: false })).toBe('Ikke beslutningsdygtigt: 2 af 5 (mindst 3)');
  });
});
