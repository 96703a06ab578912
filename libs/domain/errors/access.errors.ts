import { defineErrorCatalogue } from './error-catalogue.js';

/** Who is asking and whether they may: logging in, tokens, roles. */
export const ACCESS_ERRORS = defineErrorCatalogue({
  unauthenticated: { kind: 'unauthenticated', meaning: 'No valid login: the token is missing, malformed, expired or belongs to nobody' },
  invalid_credentials: { kind: 'unauthenticated', meaning: 'The e-mail address or password is wrong' },
  too_many_login_attempts: { kind: 'rate-limited', meaning: 'Too many login attempts; wait the seconds Retry-After says' },
  rate_limited: { kind: 'rate-limited', meaning: 'Too many requests; wait and try again' },
  forbidden: { kind: 'forbidden', meaning: 'Your role does not allow this' },
  password_too_weak: { kind: 'invalid', meaning: 'The password is shorter than 12 characters or easy to guess; the message says why, in Danish' },
  current_password_wrong: { kind: 'invalid', meaning: 'The current password given to change it is wrong (it counts as a failed login)' },
  password_token_invalid: { kind: 'invalid', meaning: 'The link to choose a password is unknown, used already or expired; ask for a new one' },
  oidc_not_configured: { kind: 'not-found', meaning: 'Single sign-on is not set up on this installation' },
  oidc_sign_in_failed: { kind: 'unauthenticated', meaning: 'Single sign-on failed: the sign-in expired, the provider refused, or nobody with a login has the e-mail' },
  csrf_token_invalid: { kind: 'forbidden', meaning: 'A change sent with the session cookie lacks the X-CSRF-Token header of its session, or has another' },
});
