import { defineErrorCatalogue } from './error-catalogue.js';

/** Firing workflow events on any record (the engine in libs/domain/workflow). */
export const WORKFLOW_ERRORS = defineErrorCatalogue({
  unknown_event: { kind: 'invalid', meaning: 'The workflow has no such event' },
  role_may_not_fire_event: { kind: 'forbidden', meaning: 'Your role may not fire this event' },
  system_event: { kind: 'forbidden', meaning: 'The event happens by itself as an effect of another; it is not fired by hand' },
  illegal_transition: { kind: 'conflict', meaning: "The record's state does not allow this event now" },
  transition_guard_failed: { kind: 'conflict', meaning: 'A condition of the event does not hold; the message says which' },
  comment_required: { kind: 'invalid', meaning: 'The event needs a comment saying why' },
  stale_state: { kind: 'conflict', meaning: 'The record changed meanwhile; reload it and try again' },
  workflow_not_found: { kind: 'not-found', meaning: 'No workflow of that name' },
});
