import { defineErrorCatalogue } from './error-catalogue.js';

/** Who is asking and whether they may: logging in, tokens, roles. */
export const ACCESS_ERRORS = defineErrorCatalogue({
  unauthenticated: { kind: 'unauthenticated', meaning: 'No valid login: the token is missing, malformed, expired or belongs to nobody' },
  invalid_credentials: { kind: 'unauthenticated', meaning: 'The e-mail address or password is wrong' },
  too_many_login_attempts: { kind: 'rate-limited', meaning: 'Too many login attempts; wait the seconds Retry-After says' },
  rate_limited: { kind: 'rate-limited', meaning: 'Too many requests; wait and try again' },
  forbidden: { kind: 'forbidden', meaning: 'Your role does not allow this' },
  csrf_token_invalid: { kind: 'forbidden', meaning: 'A change sent with the session cookie lacks the X-CSRF-Token header of its session, or has another' },
});
