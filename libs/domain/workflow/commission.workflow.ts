import { defineWorkflow } from './workflow-definition.js';

export const COMMISSION_STATES = ['draft', 'submitted', 'approved', 'awaiting-council', 'adopted', 'superseded'] as const;
export type CommissionState = (typeof COMMISSION_STATES)[number];
export type CommissionEvent = 'submit' | 'return' | 'approve' | 'adopt' | 'reject' | 'amend' | 'supersede';
/** Only a draft's content can be edited; once submitted it changes by returning it, once in force by amending it. */
export const COMMISSION_EDITABLE: ReadonlySet<CommissionState> = new Set(['draft']);
/** A version being worked on (drafted, awaiting a director or the council): a version in force has at most one such amendment. */
export const COMMISSION_OPEN: ReadonlySet<CommissionState> = new Set(['draft', 'submitted', 'awaiting-council']);
/**
 * The version in force: approved by a director where that is the committee's last step, adopted by the council
 * where the council decides (a § 17, stk. 4 committee).
 */
export const COMMISSION_IN_FORCE: ReadonlySet<CommissionState> = new Set(['approved', 'adopted']);
/** What firing an event sets off in the same transaction; each has one handler, in the record's declaration. */
export type CommissionEffect =
  | 'remind-directors-of-approval'
  | 'notify-directors'
  | 'notify-secretary'
  | 'supersede-previous-version'
  | 'open-amendment'
  | 'propose-to-council';

export interface CommissionContext {
  /** A newer version of the same kommissorium is already being drafted or awaits approval. */
  hasOpenAmendment: boolean;
  /** The person firing the event submitted this version (any of its submissions): four eyes, they may not approve it. */
  firedBySubmitter: boolean;
  /** The committee's kommissorium is adopted by the council (Byråd, Kommunalbestyrelse, Regionsråd), not by the director alone. */
  needsCouncil: boolean;
  /** The committee the council's decision is proposed to (the council, or the finance committee on the reporting line), if the body has one. */
  hasCouncilCommittee: boolean;
}

const notBySubmitter = {
  description: 'the approver did not submit it',
  code: 'commission_approver_submitted' as const,
  check: (c: CommissionContext) => (c.firedBySubmitter ? 'You submitted this version of the kommissorium; another director must approve it' : null),
};

/** Amending leaves the version in force as it is (approved or adopted) and opens a new draft beside it. */
const amend = {
  event: 'amend',
  roles: ['secretary'],
  effects: ['open-amendment'],
  guards: [{ description: 'no amendment is open', check: (c: CommissionContext) => (c.hasOpenAmendment ? 'An amendment of this kommissorium is already open' : null) }],
  description: 'Open a new draft version; this version stays in force until the new one takes effect',
} as const;

/**
 * The kommissorium: the secretary drafts and submits, a director approves or returns it with a reason. For most
 * committees the director's approval puts it in force; for a committee whose kommissorium the council adopts
 * (§ 17, stk. 4), the approval is the administration's review, and the kommissorium then waits for the council's
 * decision on an item of the council's (or the finance committee's) meeting, which adopts it or sends it back.
 * Amending a version in force opens a new draft version; the one in force stays so until the new one takes effect,
 * and is then superseded.
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
      when: { description: 'the director decides', holds: (c) => !c.needsCouncil },
      roles: ['director'],
      effects: ['supersede-previous-version', 'notify-secretary'],
      guards: [notBySubmitter],
      description: 'Approve the kommissorium, which puts it in force; an earlier version is superseded, the secretary hears of it, and whoever submitted it may not approve it',
    },
    {
      event: 'approve',
      from: ['submitted'],
      to: 'awaiting-council',
      when: { description: 'the council adopts it', holds: (c) => c.needsCouncil },
      roles: ['director'],
      effects: ['propose-to-council', 'notify-secretary'],
      guards: [
        notBySubmitter,
        {
          description: 'the body has a council or finance committee to decide it',
          code: 'commission_no_council',
          check: (c) => (c.hasCouncilCommittee ? null : 'The body has no council committee (kind council) for the kommissorium to be adopted by; create it first'),
        },
      ],
      description:
        "Approve the kommissorium as the administration's review; it goes as a proposed item to the next meeting of the council or the finance committee on the committee's reporting line, and the secretary hears of it",
    },
    {
      event: 'adopt',
      from: ['awaiting-council'],
      to: 'adopted',
      roles: ['system'],
      effects: ['supersede-previous-version', 'notify-secretary'],
      description: 'happens when the council decides its item as adopted (godkendt); the kommissorium is in force, an earlier version is superseded, and the secretary hears of it',
    },
    {
      event: 'reject',
      from: ['awaiting-council'],
      to: 'draft',
      roles: ['system'],
      requiresComment: true,
      effects: ['notify-secretary'],
      description: "happens when the council decides its item as not adopted (ikke godkendt); the kommissorium goes back to draft with the decision's text as the comment, and the secretary hears of it",
    },
    { ...amend, from: ['approved'], to: 'approved' },
    { ...amend, from: ['adopted'], to: 'adopted' },
    { event: 'supersede', from: ['approved', 'adopted'], to: 'superseded', roles: ['system'], description: 'happens when a newer version takes effect' },
  ],
});
