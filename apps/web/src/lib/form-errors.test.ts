import { describe, expect, it } from 'vitest';
import { NO_CONNECTION, refusalOnFields } from './form-errors';

const places = { byApiField: { endDate: 'seat-end', personId: 'seat-person' }, byCode: { membership_outside_mandate: 'seat-start', role_already_held: 'seat-role' }, fallback: 'seat-submit' };

describe('a refusal next to the field it concerns', () => {
  it('puts a refusal on each field the API names (details.fields of a validation error, details.field of a lookup)', () => {
    expect(refusalOnFields({ statusCode: 400, code: 'validation_failed', details: { fields: ['endDate', 'unknownThing'] } }, 400, places)).toEqual({ 'seat-end': 'Udfyld felterne korrekt.' });
    expect(Object.keys(refusalOnFields({ statusCode: 404, code: 'person_not_found', details: { field: 'personId' } }, 404, places))).toEqual(['seat-person']);
  });

  it('puts a refusal that names no field on the field its code concerns, in Danish', () => {
    const messages = refusalOnFields({ statusCode: 409, code: 'role_already_held', message: 'Social Omsorg already has a chair' }, 409, places);
    expect(Object.keys(messages)).toEqual(['seat-role']);
    expect(messages['seat-role']).not.toContain('already');
  });

  it('falls back on the form’s own place for anything else', () => {
    expect(refusalOnFields({ statusCode: 403, code: 'forbidden' }, 403, places)).toEqual({ 'seat-submit': 'Du har ikke adgang til at gøre dette.' });
    expect(refusalOnFields({}, 500, places)).toEqual({ 'seat-submit': 'Der skete en fejl. Prøv igen om lidt.' });
  });

  it('says that nothing was saved, and that the text is kept, when the connection was lost', () => {
    expect(refusalOnFields(undefined, 0, places)).toEqual({ 'seat-submit': NO_CONNECTION });
  });
});
