import { defineErrorCatalogue } from './error-catalogue.js';

/** The kommissorium. */
export const COMMISSION_ERRORS = defineErrorCatalogue({
  commission_exists: { kind: 'conflict', meaning: 'The committee has a kommissorium already; edit its draft or amend the approved version' },
  commission_not_draft: { kind: 'conflict', meaning: 'Only a draft kommissorium can be edited' },
  commission_no_council: { kind: 'conflict', meaning: "The committee's kommissorium is adopted by the council, but its body has no council committee (kind council) to decide it" },
  commission_not_waiting: { kind: 'conflict', meaning: "The kommissorium does not wait for a meeting of the council: it is not awaiting the council, or is on a meeting's agenda already" },
  commission_approver_submitted: { kind: 'conflict', meaning: 'Whoever submitted a kommissorium version may not approve it; another director must' },
});
