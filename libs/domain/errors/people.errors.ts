import { defineErrorCatalogue } from './error-catalogue.js';

export const PEOPLE_ERRORS = defineErrorCatalogue({
  email_taken: { kind: 'conflict', meaning: 'Another person has this e-mail address' },
  last_administrator: { kind: 'conflict', meaning: 'The last administrator cannot lose the role or the login' },
});
