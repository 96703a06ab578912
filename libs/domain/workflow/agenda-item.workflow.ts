import type { Quorum } from '../quorum.js';
import type { MeetingState } from './meeting.workflow.js';
import { defineWorkflow } from './workflow-definition.js';

export const AGENDA_ITEM_STATES = ['draft', 'ready', 'on-agenda', 'decided', 'postponed', 'referred'] as const;
export type AgendaItemState = (typeof AGENDA_ITEM_STATES)[number];
export type AgendaItemEvent = 'mark-ready' | 'reopen' | 'put-on-agenda' | 'decide' | 'postpone' | 'refer';
/** What firing an event sets off in the same transaction; each has one handler, in the record's declaration. */
export type AgendaItemEffect = 'continue-case-onward';

/** The item's decision (Beslutning) may be written or corrected: it is on the agenda, or decided already. */
export const AGENDA_ITEM_DECISION_OPEN: ReadonlySet<AgendaItemState> = new Set(['on-agenda', 'decided']);
/** Fields of an item that may still change once its meeting is held: only the outcome. */
export const AGENDA_ITEM_FIELDS_AFTER_MEETING: ReadonlySet<string> = new Set(['decision']);

export interface AgendaItemContext {
  meetingState: MeetingState;
  hasDecisionText: boolean;
  /** The meeting's minutes are sealed: what they record is frozen, and changes go in an addendum. */
  recordSealed: boolean;
  /** Whether the committee can decide the item now (beslutningsdygtighed). */
  quorum: Quorum;
  /** The committee is refused a decision without quorum; an advisory § 17, stk. 4 committee is not. */
  quorumBinding: boolean;
}

const meetingHeld = {
  description: 'the meeting has been held',
  check: (c: AgendaItemContext) => (c.meetingState === 'held' ? null : `The meeting is ${c.meetingState}; outcomes are recorded once it is held`),
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
 * published, and after the meeting decided, postponed (udsat) or referred onward to another committee.
 */
export const agendaItemWorkflow = defineWorkflow<AgendaItemState, AgendaItemEvent, AgendaItemContext, AgendaItemEffect>({
  name: 'agenda-item',
  title: 'Dagsordenspunkt',
  initial: 'draft',
  states: AGENDA_ITEM_STATES,
  final: ['decided', 'postponed', 'referred'],
  transitions: [
    { event: 'mark-ready', from: ['draft'], to: 'ready', roles: ['secretary'], description: 'The item is ready for the agenda' },
    { event: 'reopen', from: ['ready'], to: 'draft', roles: ['secretary'], description: 'Take the item back into drafting' },
    { event: 'put-on-agenda', from: ['ready'], to: 'on-agenda', roles: ['system'], description: 'happens when the meeting is published' },
    {
      event: 'decide',
      from: ['on-agenda'],
      to: 'decided',
      roles: ['secretary'],
      guards: [
        meetingHeld,
        recordOpen,
        { description: 'the decision is written', check: (c) => (c.hasDecisionText ? null : 'Write the Beslutning (decision) first') },
        quorate,
      ],
      description: 'Record the decision (Beslutning)',
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
