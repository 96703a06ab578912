import type { IsoDate } from '../dates.js';
import { defineWorkflow } from './workflow-definition.js';

export const PHASE_STATES = ['planned', 'active', 'completed', 'cancelled'] as const;
export type PhaseState = (typeof PHASE_STATES)[number];
export type PhaseEvent = 'start' | 'complete' | 'cancel';
/** A phase in these states can still change (be re-planned, gain or lose participants); completed and cancelled ones are history. */
export const PHASE_OPEN: ReadonlySet<PhaseState> = new Set(['planned', 'active']);
/** What firing an event sets off in the same transaction; each has one handler, in the record's declaration. */
export type PhaseEffect = 'warn-before-phase-ends';

export interface PhaseContext {
  today: IsoDate;
  startDate: IsoDate;
  /** Title of another phase of the committee that is active now, if any. */
  otherActivePhase: string | null;
}

/** A phase of the process plan: planned, then active (one at a time per committee), then completed; or cancelled. */
export const phaseWorkflow = defineWorkflow<PhaseState, PhaseEvent, PhaseContext, PhaseEffect>({
  name: 'phase',
  title: 'Fase',
  initial: 'planned',
  states: PHASE_STATES,
  final: ['completed', 'cancelled'],
  transitions: [
    {
      event: 'start',
      from: ['planned'],
      to: 'active',
      roles: ['secretary'],
      guards: [
        {
          description: 'the phase has begun',
          check: (c) => (c.today < c.startDate ? `The phase begins on ${c.startDate}; it cannot start before then` : null),
        },
        {
          description: 'no other phase is active',
          check: (c) => (c.otherActivePhase ? `Phase "${c.otherActivePhase}" is active; complete or cancel it first` : null),
        },
      ],
      effects: ['warn-before-phase-ends'],
      description: 'Begin the phase; the secretary and chair are told before it ends if it is still active',
    },
    { event: 'complete', from: ['active'], to: 'completed', roles: ['secretary'], description: 'Finish the phase' },
    { event: 'cancel', from: ['planned', 'active'], to: 'cancelled', roles: ['secretary'], description: 'Drop the phase from the plan' },
  ],
});
