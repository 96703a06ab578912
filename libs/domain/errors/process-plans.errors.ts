import { defineErrorCatalogue } from './error-catalogue.js';

/** The process plan: phases on quarters and their invited participants. */
export const PROCESS_PLAN_ERRORS = defineErrorCatalogue({
  phase_outside_mandate: { kind: 'invalid', meaning: "The phase's quarters lie outside the committee's mandate" },
  active_phase_start_after_today: { kind: 'conflict', meaning: 'An active phase cannot be re-planned to start after today' },
  phase_closed: { kind: 'conflict', meaning: 'The phase is completed or cancelled and cannot change' },
  phase_overlaps: { kind: 'conflict', meaning: 'The phase would overlap another phase of the plan' },
  participant_already_invited: { kind: 'conflict', meaning: 'The person is invited to the phase already' },
  participant_is_member: { kind: 'conflict', meaning: 'The person takes part as a member of the committee' },
  participant_not_found: { kind: 'not-found', meaning: 'The person is not invited to the phase' },
});
