import { defineErrorCatalogue } from './error-catalogue.js';

/** A body's strategic aims (sigtepunkter) and what is tagged with them (the strategy feature). */
export const STRATEGY_ERRORS = defineErrorCatalogue({
  aim_of_other_body: { kind: 'unprocessable', meaning: 'An aim given for a committee, phase or item belongs to another body than the one it works in' },
  aim_title_taken: { kind: 'conflict', meaning: 'The body already has an aim with that title' },
});
