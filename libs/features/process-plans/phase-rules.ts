import { DomainError, type IsoDate, PHASE_OPEN, type PhaseState, type Period, periodsOverlap, periodWithin, type Quarter, quarterSpan } from '@app/domain';

export interface PhaseQuarters {
  fromQuarter: Quarter;
  toQuarter: Quarter;
}

export interface PlannedPhase extends PhaseQuarters {
  id: string;
  title: string;
  state: PhaseState;
  startDate: IsoDate;
  endDate: IsoDate;
}

export interface MandateHolder {
  name: string;
  mandateStart: IsoDate;
  mandateEnd: IsoDate | null;
}

export interface PlanRequest {
  quarters: PhaseQuarters;
  committee: MandateHolder;
  /** The committee's phases as they are now, the one being re-planned included. */
  phases: readonly PlannedPhase[];
  /** The phase being re-planned; absent for a new one. */
  phase?: Pick<PlannedPhase, 'id' | 'state'>;
  today: IsoDate;
}

const describeSpan = (q: PhaseQuarters) => (q.fromQuarter === q.toQuarter ? q.fromQuarter : `${q.fromQuarter} to ${q.toQuarter}`);

/**
 * Places a phase on the committee's plan: its quarters give its first and last day, which must lie within the
 * mandate and clear every other phase that is not cancelled. An active phase has begun, so its start cannot move
 * past today. Answers the phase's dates; refusals name what to change.
 */
export function planPhase({ quarters, committee, phases, phase, today }: PlanRequest): { startDate: IsoDate; endDate: IsoDate } {
  const dates = quarterSpan(quarters.fromQuarter, quarters.toQuarter);
  const mandate: Period = { start: committee.mandateStart, end: committee.mandateEnd };
  if (!periodWithin({ start: dates.startDate, end: dates.endDate }, mandate)) {
    throw DomainError.invalid(
      'phase_outside_mandate',
      `The phase (${describeSpan(quarters)}: ${dates.startDate} to ${dates.endDate}) must lie within ${committee.name}'s mandate (${mandate.start} to ${mandate.end ?? 'open end'})`,
      { mandateStart: mandate.start, mandateEnd: mandate.end ?? null },
    );
  }
  if (phase?.state === 'active' && dates.startDate > today) {
    throw DomainError.conflict(
      'active_phase_start_after_today',
      `The phase is active, so it has begun; fromQuarter ${quarters.fromQuarter} would start it on ${dates.startDate}, after today (${today})`,
    );
  }
  const overlapped = phases
    // A cancelled phase keeps its quarters on the plan but frees them.
    .filter((other) => other.id !== phase?.id && other.state !== 'cancelled')
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .find((other) => periodsOverlap({ start: dates.startDate, end: dates.endDate }, { start: other.startDate, end: other.endDate }));
  if (overlapped) throw overlapError(overlapped);
  return dates;
}

function overlapError(other: PlannedPhase): DomainError {
  return DomainError.conflict(
    'phase_overlaps',
    `The phase overlaps "${other.title}" (${describeSpan(other)}, ${other.state}); the phases of a committee may not overlap, so move or cancel one of them`,
    { phaseId: other.id },
  );
}

/** Completed and cancelled phases are history: neither re-planned nor given new participants. */
export function assertPhaseOpen(phase: Pick<PlannedPhase, 'state'>, action: string): void {
  if (!PHASE_OPEN.has(phase.state)) {
    throw DomainError.conflict('phase_closed', `Cannot ${action} a ${phase.state} phase; only planned and active phases change`, { state: phase.state });
  }
}
