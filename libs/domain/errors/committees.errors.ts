import { defineErrorCatalogue } from './error-catalogue.js';

/** Bodies, committees and their seats (committee-rules.ts and the committees feature). */
export const COMMITTEE_ERRORS = defineErrorCatalogue({
  committee_of_other_body: { kind: 'invalid', meaning: 'A related committee (parent or reports-to) belongs to another body' },
  committee_refers_to_itself: { kind: 'invalid', meaning: 'A committee cannot be its own parent or report to itself' },
  committee_relation_loop: { kind: 'invalid', meaning: 'The parent or reports-to relation would form a loop' },
  mandate_end_required: { kind: 'invalid', meaning: 'A temporary committee (§ 17, stk. 4) needs a mandate end within the election term' },
  parent_required: { kind: 'invalid', meaning: 'A working group needs the committee it works under' },
  mandate_beyond_election_term: { kind: 'invalid', meaning: "A temporary committee's mandate ends within the body's election term" },
  mandate_excludes_memberships: { kind: 'conflict', meaning: 'The new mandate would leave existing seats outside it' },
  election_term_excludes_committees: { kind: 'conflict', meaning: "The new election term would leave committees' mandates outside it" },
  membership_outside_mandate: { kind: 'invalid', meaning: "The seat's period lies outside the committee's mandate" },
  role_already_held: { kind: 'conflict', meaning: 'Someone else holds this role (chair, vice-chair) in the committee in that period' },
  membership_overlaps: { kind: 'conflict', meaning: 'The person already has a seat in the committee in an overlapping period' },
  referral_source_is_itself: { kind: 'invalid', meaning: 'A committee does not receive referrals from itself' },
  referral_source_not_found: { kind: 'not-found', meaning: 'The committee does not receive referrals from that committee' },
  membership_not_found: { kind: 'not-found', meaning: 'No such seat' },
  substitute_seated: { kind: 'conflict', meaning: 'A substitute may not hold a seat in the committee during the seat they stand in for' },
  substitute_listed: { kind: 'conflict', meaning: "The person is already on the seat's list of substitutes" },
  substitute_not_listed: { kind: 'not-found', meaning: "The person is not on the seat's list of substitutes" },
  duplicate_substitute: { kind: 'invalid', meaning: 'The list of substitutes names a person twice' },
});
