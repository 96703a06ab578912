import { defineWorkflow } from './workflow-definition.js';

export const MINUTES_STATES = ['draft', 'approved', 'signed', 'published'] as const;
export type MinutesState = (typeof MINUTES_STATES)[number];
export type MinutesEvent = 'approve' | 'reopen' | 'sign' | 'seal' | 'publish';
/** What firing an event sets off in the same transaction; each has one handler, in the record's declaration. */
export type MinutesEffect = 'ask-signatories-to-sign' | 'discard-signatures' | 'record-signature' | 'seal-document' | 'mail-members-the-link';

/** Only a draft is assembled (again); approved minutes are reopened first, signed ones are sealed for good. */
export const MINUTES_ASSEMBLABLE: ReadonlySet<MinutesState> = new Set(['draft']);
/** The public variant exists for the public, and documents are linked publicly, once the minutes are published. */
export const MINUTES_PUBLIC: ReadonlySet<MinutesState> = new Set(['published']);
/** The last signature has sealed the minutes: they, and everything they record about the meeting, never change again. */
export const MINUTES_SEALED: ReadonlySet<MinutesState> = new Set(['signed', 'published']);

export interface MinutesContext {
  /** The assembly job has finished and the draft's documents are there to read. */
  documentsReady: boolean;
  /** The person firing the event is among those who must sign. */
  actorMustSign: boolean;
  actorHasSigned: boolean;
}

/**
 * The minutes (referat): assembled as a draft, approved by the chair, signed by those who took part (§ 13) —
 * the last signature seals the document, which never changes again — and published by the secretary.
 */
export const minutesWorkflow = defineWorkflow<MinutesState, MinutesEvent, MinutesContext, MinutesEffect>({
  name: 'minutes',
  title: 'Referat',
  initial: 'draft',
  states: MINUTES_STATES,
  final: ['published'],
  transitions: [
    {
      event: 'approve',
      from: ['draft'],
      to: 'approved',
      roles: ['chair'],
      guards: [{ description: 'the draft is assembled', check: (c) => (c.documentsReady ? null : 'The minutes are still being assembled, or the assembly failed') }],
      effects: ['ask-signatories-to-sign'],
      description: 'Approve the draft; signing can begin, and each signatory is told the minutes await their signature',
    },
    {
      event: 'reopen',
      from: ['approved'],
      to: 'draft',
      roles: ['chair', 'secretary'],
      effects: ['discard-signatures'],
      description: 'Take the approved draft back to correct and assemble it again; signatures given so far are discarded',
    },
    {
      event: 'sign',
      from: ['approved'],
      to: 'approved',
      roles: ['chair', 'member', 'secretary'],
      guards: [
        {
          description: 'you are among those who sign and have not signed yet',
          check: (c) => (!c.actorMustSign ? 'You are not among those who sign these minutes' : c.actorHasSigned ? 'You have already signed these minutes' : null),
        },
      ],
      effects: ['record-signature'],
      description: 'Sign the minutes; the last signature seals them',
    },
    {
      event: 'seal',
      from: ['approved'],
      to: 'signed',
      roles: ['system'],
      effects: ['seal-document'],
      description: 'happens with the last signature: the document’s hash is stored and it never changes again',
    },
    {
      event: 'publish',
      from: ['signed'],
      to: 'published',
      roles: ['secretary'],
      effects: ['mail-members-the-link'],
      description: 'Make the public version available and mail the members the link',
    },
  ],
});
