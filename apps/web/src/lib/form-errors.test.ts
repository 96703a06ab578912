import { describe, expect, it } from 'vitest';
import { refusalAt } from './form-errors';

const places = { byCode: { meeting_ends_before_start: 'slut' }, byProperty: { location: 'sted', startsAt: 'dato' }, otherwise: 'opret' };

describe('a refusal next to the field it concerns', () => {
  it('places a refusal by its code, in Danish', () => {
    expect(refusalAt(places, { statusCode: 400, code: 'meeting_ends_before_start', message: 'endsAt must be after startsAt' }, 400)).toEqual({
      slut: 'Mødet skal slutte efter, det begynder.',
    });
  });

  it('places a validation failure at each field it names', () => {
    const refusal = refusalAt(places, { statusCode: 400, code: 'validation_failed', message: 'location should not be empty', details: { fields: ['location', 'startsAt', 'unknown'] } }, 400);
    expect(refusal).toEqual({ sted: 'Udfyld felterne korrekt.', dato: 'Udfyld felterne korrekt.' });
  });

  it('puts anything else at the form’s own place', () => {
    expect(refusalAt(places, { statusCode: 403, code: 'forbidden' }, 403)).toEqual({ opret: 'Du har ikke adgang til at gøre dette.' });
    expect(refusalAt(places, undefined, 500)).toEqual({ opret: 'Der skete en fejl. Prøv igen om lidt.' });
  });
});
