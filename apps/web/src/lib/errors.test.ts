import { describe, expect, it } from 'vitest';
import { danishMessage } from './errors';

describe('API refusals in Danish', () => {
  it('translates the codes the pages meet', () => {
    expect(danishMessage({ statusCode: 401, code: 'invalid_credentials' })).toBe('E-mail eller adgangskode er forkert.');
    expect(danishMessage({ statusCode: 400, code: 'password_too_weak' })).toMatch(/^Adgangskoden er for svag/);
    expect(danishMessage({ statusCode: 400, code: 'password_token_invalid' })).toMatch(/Bed om et nyt/);
    expect(danishMessage({ statusCode: 409, code: 'commission_approver_submitted' })).toMatch(/En anden direktør skal godkende/);
    expect(danishMessage({ statusCode: 403, code: 'csrf_token_invalid' })).toMatch(/Genindlæs siden/);
  });

  it('falls back on the status for a code it does not know, and never shows the English message', () => {
    const message = danishMessage({ statusCode: 409, code: 'something_new', message: 'An English explanation' }, 409);
    expect(message).toBe('Det kan ikke lade sig gøre lige nu. Genindlæs siden, og prøv igen.');
    expect(danishMessage(undefined, 429)).toBe('For mange forsøg. Vent et minut, og prøv igen.');
  });

  it('shows the API\'s own Danish advice on a weak password', () => {
    expect(danishMessage({ statusCode: 400, code: 'password_too_weak', message: 'Adgangskoden er let at gætte: undgå ord fra ordbogen.' })).toBe(
      'Adgangskoden er let at gætte: undgå ord fra ordbogen.',
    );
  });

  it('says something when there is no answer at all', () => {
    expect(danishMessage(undefined)).toBe('Der skete en fejl. Prøv igen om lidt.');
  });
});
