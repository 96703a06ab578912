import type { Quorum } from '../quorum.js';
import type { MeetingState } from './meeting.workflow.js';
import { defineWorkflow } from './workflow-definition.js';

export const AGENDA_ITEM_STATES = ['draft', 'ready', 'on-agenda', 'decided', 'postponed', 'referred', 'withdrawn'] as const;
export type AgendaItemState = (typeof AGENDA_ITEM_STATES)[number];
export type AgendaItemEvent = 'mark-ready' | 'reopen' | 'put-on-agenda' | 'decide' | 'postpone' | 'refer' | 'withdraw';
/** What firing an event sets off in the same transaction; each has one handler, in the record's declaration. */
export type AgendaItemEffect = 'continue-case-onward' | 'announce-withdrawal' | 'settle-proposing-record';
/** Items not yet on a published agenda: a draft, or one marked ready; these may still be deleted. */
export const AGENDA_ITEM_DELETABLE: ReadonlySet<AgendaItemState> = new Set(['draft', 'ready']);

/**
 * How a decision on an item another record proposed comes out (the council's item on a kommissorium): Godkendt or
 * Ikke godkendt. Recorded with the Beslutning; the proposing record follows it when the item is decided.
 */
export const DECISION_OUTCOMES = ['approved', 'not-approved'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The item's decision (Beslutning) may be written or corrected: it is on the agenda, or decided already. */
export const AGENDA_ITEM_DECISION_OPEN: ReadonlySet<AgendaItemState> = new Set(['on-agenda', 'decided']);
/** Fields of an item that may still change once its meeting is held: only the outcome. */
export const AGENDA_ITEM_FIELDS_AFTER_MEETING: ReadonlySet<string> = new Set(['decision', 'decisionOutcome']);

export interface AgendaItemContext {
  meetingState: MeetingState;
  hasDecisionText: boolean;
  /** The meeting's minutes are sealed: what they record is frozen, and changes go in an addendum. */
  recordSealed: boolean;
  /** Another record proposed the item and follows its decision, so the decision must say how it came out. */
  proposedByRecord: boolean;
  hasDecisionOutcome: boolean;
  /** Whether the committee can decide the item now (beslutningsdygtighed). */
  quorum: Quorum;
  /** The committee is refused a decision without quorum; an advisory § 17, stk. 4 committee is not. */
  quorumBinding: boolean;
}

const meetingHeld = {
  description: 'the meeting has been held',
  check: (c: AgendaItemContext) => (c.meetingState === 'held' ? null : `The meeting is ${c.meetingState}; outcomes are recorded once it is held`),
};

const meetingAhead = {
  description: 'the meeting is published and not yet held',
  check: (c: AgendaItemContext) => (c.meetingState === 'published' ? null : `The meeting is ${c.meetingState}; an item is withdrawn from a published agenda before the meeting is held`),
};

const recordOpen = {
  description: 'the minutes are not sealed',
  check: (c: AgendaItemContext) => (c.recordSealed ? 'The minutes of the meeting are sealed, so its outcomes no longer change; add an addendum to the minutes instead' : null),
};

const quorate = {
  description: 'the committee can decide: at least half of its members with a vote take part (§ 11)',
  code: 'quorum_not_met' as const,
  check: (c: AgendaItemContext) =>
    !c.quorumBinding || c.quorum.met
      ? null
      : `Udvalget er ikke beslutningsdygtigt: ${c.quorum.present} of ${c.quorum.seats} members with a vote take part in the item (${c.quorum.disqualified} disqualified); ${c.quorum.required} are needed`,
  details: (c: AgendaItemContext) => ({ quorum: c.quorum }),
};

/**
 * An agenda item (punkt): drafted, marked ready by the secretary, put on the agenda when the meeting is
 * published, and after the meeting decided, postponed (udsat) or referred onward to another committee. Before the
 * meeting a published item may be withdrawn ("Punktet udgår"): it keeps its number, and the members are told.
 */
export const agendaItemWorkflow = defineWorkflow<AgendaItemState, AgendaItemEvent, AgendaItemContext, AgendaItemEffect>({
  name: 'agenda-item',
  title: 'Dagsordenspunkt',
  initial: 'draft',
  states: AGENDA_ITEM_STATES,
  final: ['decided', 'postponed', 'referred', 'withdrawn'],
  transitions: [
    { event: 'mark-ready', from: ['draft'], to: 'ready', roles: ['secretary'], description: 'The item is ready for the agenda' },
    { event: 'reopen', from: ['ready'], to: 'draft', roles: ['secretary'], description: 'Take the item back into drafting' },
    { event: 'put-on-agenda', from: ['ready'], to: 'on-agenda', roles: ['system'], description: 'happens when the meeting is published' },
    {
      event: 'withdraw',
      from: ['on-agenda'],
      to: 'withdrawn',
      roles: ['secretary'],
      guards: [meetingAhead],
      effects: ['announce-withdrawal'],
      description: 'Withdraw the item from the published agenda (Punktet udgår); the members get the updated agenda',
    },
    {
      event: 'decide',
      from: ['on-agenda'],
      to: 'decided',
      roles: ['secretary'],
      guards: [
        meetingHeld,
        recordOpen,
        { description: 'the decision is written', check: (c) => (c.hasDecisionText ? null : 'Write the Beslutning (decision) first') },
        {
          description: 'an item another record proposed says whether it was approved',
          code: 'decision_outcome_required',
          check: (c) => (!c.proposedByRecord || c.hasDecisionOutcome ? null : 'Record whether the proposal was approved (decisionOutcome approved or not-approved) with the Beslutning first'),
        },
        quorate,
      ],
      effects: ['settle-proposing-record'],
      description: 'Record the decision (Beslutning); an item another record proposed (a kommissorium for the council) adopts it or sends it back, as the outcome says',
    },
    { event: 'postpone', from: ['on-agenda'], to: 'postponed', roles: ['secretary'], guards: [meetingHeld, recordOpen], description: 'The item was postponed (udsat)' },
    {
      event: 'refer',
      from: ['on-agenda'],
      to: 'referred',
      roles: ['secretary'],
      guards: [meetingHeld, recordOpen],
      effects: ['continue-case-onward'],
      description: 'Send the case on to the next committee in its route',
    },
  ],
});
