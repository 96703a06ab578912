import { defineWorkflow } from './workflow-definition.js';

export const COMMISSION_STATES = ['draft', 'submitted', 'approved', 'superseded'] as const;
export type CommissionState = (typeof COMMISSION_STATES)[number];
export type CommissionEvent = 'submit' | 'return' | 'approve' | 'amend' | 'supersede';
/** Only a draft's content can be edited; once submitted it changes by returning it, once approved by amending it. */
export const COMMISSION_EDITABLE: ReadonlySet<CommissionState> = new Set(['draft']);
/** A version being worked on (drafted, or awaiting approval): an approved version has at most one such amendment. */
export const COMMISSION_OPEN: ReadonlySet<CommissionState> = new Set(['draft', 'submitted']);
/** What firing an event sets off in the same transaction; each has one handler, in the record's declaration. */
export type CommissionEffect = 'remind-directors-of-approval' | 'notify-directors' | 'notify-secretary' | 'supersede-previous-version' | 'open-amendment';

export interface CommissionContext {
  /** A newer version of the same kommissorium is already being drafted or awaits approval. */
  hasOpenAmendment: boolean;
  /** The person firing the event submitted this version (any of its submissions): four eyes, they may not approve it. */
  firedBySubmitter: boolean;
}

/**
 * The kommissorium: the secretary drafts and submits, a director approves or returns it with a reason.
 * Amending an approved version opens a new draft version; the approved one stays in force until the new one
 * is approved, and is then superseded.
 */
export const commissionWorkflow = defineWorkflow<CommissionState, CommissionEvent, CommissionContext, CommissionEffect>({
  name: 'commission',
  title: 'Kommissorium',
  initial: 'draft',
  states: COMMISSION_STATES,
  final: ['superseded'],
  transitions: [
    {
      event: 'submit',
      from: ['draft'],
      to: 'submitted',
      roles: ['secretary'],
      effects: ['notify-directors', 'remind-directors-of-approval'],
      description: 'Send the draft to the directors for approval; they hear of it at once, and are reminded on its deadline if it still waits',
    },
    {
      event: 'return',
      from: ['submitted'],
      to: 'draft',
      roles: ['director'],
      requiresComment: true,
      effects: ['notify-secretary'],
      description: 'Send the draft back to the secretary for revision, saying why; the secretary hears of it with the comment',
    },
    {
      event: 'approve',
      from: ['submitted'],
      to: 'approved',
      roles: ['director'],
      effects: ['supersede-previous-version', 'notify-secretary'],
      guards: [
        {
          description: 'the approver did not submit it',
          code: 'commission_approver_submitted',
          check: (c) => (c.firedBySubmitter ? 'You submitted this version of the kommissorium; another director must approve it' : null),
        },
      ],
      description: 'Approve the kommissorium; an earlier approved version is superseded, the secretary hears of it, and whoever submitted it may not approve it',
    },
    {
      event: 'amend',
      from: ['approved'],
      to: 'approved',
      roles: ['secretary'],
      effects: ['open-amendment'],
      guards: [{ description: 'no amendment is open', check: (c) => (c.hasOpenAmendment ? 'An amendment of this kommissorium is already open' : null) }],
      description: 'Open a new draft version; this version stays in force until the new one is approved',
    },
    { event: 'supersede', from: ['approved'], to: 'superseded', roles: ['system'], description: 'happens when a newer version is approved' },
  ],
});
