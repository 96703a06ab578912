import { defineErrorCatalogue } from './error-catalogue.js';

/** The minutes (referat): assembly, documents, signing, seal and additions. */
export const MINUTES_ERRORS = defineErrorCatalogue({
  addendum_item_not_on_agenda: { kind: 'invalid', meaning: 'An addendum concerns an item of the meeting whose minutes it adds to' },
  meeting_not_held: { kind: 'conflict', meaning: 'Minutes are assembled once the meeting has been held' },
  minutes_not_found: { kind: 'not-found', meaning: 'The meeting has no minutes yet (or none published)' },
  minutes_not_ready: { kind: 'not-found', meaning: 'The minutes are not assembled yet' },
  minutes_not_draft: { kind: 'conflict', meaning: 'Approved minutes are reopened before they are assembled again' },
  minutes_sealed: { kind: 'conflict', meaning: 'Signed minutes are sealed and never assembled again; append an addition instead' },
  minutes_not_sealed: { kind: 'conflict', meaning: 'Additions are appended once the last signature has sealed the minutes' },
  not_a_signatory: { kind: 'forbidden', meaning: 'Only those who took part sign the minutes (or chair and secretary, where the committee is set so)' },
});
