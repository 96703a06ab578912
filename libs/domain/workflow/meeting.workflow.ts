import { defineWorkflow } from './workflow-definition.js';

export const MEETING_STATES = ['planned', 'published', 'held', 'closed', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export type MeetingEvent = 'publish' | 'hold' | 'close' | 'cancel';
/** What firing an event sets off in the same transaction; each has one handler, in the record's declaration. */
export type MeetingEffect = 'put-items-on-agenda' | 'send-agenda' | 'remind-of-unsigned-minutes' | 'send-cancellation' | 'record-end';

/** The meeting lies ahead: its time, place and agenda may still change, and members send their own notice of absence. */
export const MEETING_UPCOMING: ReadonlySet<MeetingState> = new Set(['planned', 'published']);
/** Bilag change while the meeting is being prepared or held; once it is closed, its papers stay as they were. */
export const MEETING_ATTACHABLE: ReadonlySet<MeetingState> = new Set(['planned', 'published', 'held']);
/** The meeting has taken place: its minutes may be assembled. */
export const MEETING_TOOK_PLACE: ReadonlySet<MeetingState> = new Set(['held', 'closed']);
/** A meeting is public from the moment its agenda is sent; a planned agenda is a draft and a cancelled meeting is off. */
export const PUBLIC_MEETING_STATES = ['published', 'held', 'closed'] as const satisfies readonly MeetingState[];
export const MEETING_PUBLIC: ReadonlySet<MeetingState> = new Set(PUBLIC_MEETING_STATES);

export interface MeetingContext {
  itemCount: number;
  /** Items still in draft: the secretary has not marked them ready. */
  draftItemTitles: string[];
  /** Whether the meeting has begun (its start is not in the future). */
  hasStarted: boolean;
  /** Items of a held meeting that have neither a decision nor a postponement or referral. */
  undecidedItemNumbers: number[];
}

/**
 * A meeting: planned while the agenda is built; published when the chair or secretary sends the agenda;
 * held once it has taken place; closed when every item is decided. A planned or published meeting may be cancelled.
 */
export const meetingWorkflow = defineWorkflow<MeetingState, MeetingEvent, MeetingContext, MeetingEffect>({
  name: 'meeting',
  title: 'Møde',
  initial: 'planned',
  states: MEETING_STATES,
  final: ['closed', 'cancelled'],
  transitions: [
    {
      event: 'publish',
      from: ['planned'],
      to: 'published',
      roles: ['chair', 'secretary'],
      guards: [
        { description: 'the agenda has items', check: (c) => (c.itemCount === 0 ? 'The agenda has no items yet' : null) },
        {
          description: 'every item is ready',
          check: (c) => (c.draftItemTitles.length ? `These items are still drafts: ${c.draftItemTitles.join(', ')}; mark them ready first` : null),
        },
      ],
      effects: ['put-items-on-agenda', 'send-agenda'],
      description: 'Approve the agenda and send it to the members with a calendar invitation',
    },
    {
      event: 'hold',
      from: ['published'],
      to: 'held',
      roles: ['secretary'],
      guards: [{ description: 'the meeting has begun', check: (c) => (c.hasStarted ? null : 'The meeting has not begun yet') }],
      effects: ['remind-of-unsigned-minutes'],
      description: 'Record that the meeting took place; decisions can now be written',
    },
    {
      event: 'close',
      from: ['held'],
      to: 'closed',
      roles: ['secretary'],
      guards: [
        {
          description: 'every item is decided, postponed or referred',
          check: (c) => (c.undecidedItemNumbers.length ? `Items ${c.undecidedItemNumbers.join(', ')} have no decision yet` : null),
        },
      ],
      effects: ['record-end'],
      description: 'Close the meeting once every item has its outcome; the minutes record when it ended ("Mødet hævet kl. 12.30")',
    },
    {
      event: 'cancel',
      from: ['planned', 'published'],
      to: 'cancelled',
      roles: ['chair', 'secretary'],
      effects: ['send-cancellation'],
      description: 'Call the meeting off; members who had the invitation get its cancellation',
    },
  ],
});
