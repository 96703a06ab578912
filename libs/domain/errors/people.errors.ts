import { defineErrorCatalogue } from './error-catalogue.js';

export const PEOPLE_ERRORS = defineErrorCatalogue({
  email_taken: { kind: 'conflict', meaning: 'Another person has this e-mail address' },
  last_administrator: { kind: 'conflict', meaning: 'The last administrator of the whole installation cannot lose the role, the login or the installation-wide scope' },
  outside_administered_bodies: {
    kind: 'forbidden',
    meaning: 'An administrator of some bodies manages only people of those bodies and gives people only those bodies',
  },
});
