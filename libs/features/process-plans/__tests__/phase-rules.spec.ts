import { DomainError } from '@app/domain';
import { assertPhaseOpen, planPhase, type PlannedPhase } from '../phase-rules.js';

const committee = { name: '§ 17, stk. 4-udvalget for nytænkning af socialområdet', mandateStart: '2024-01-01', mandateEnd: '2025-12-31' };
const partnership: PlannedPhase = {
  id: 'p2',
  title: 'Forpligtende fællesskaber – partnerskaber og inddragelse af civilsamfundet',
  fromQuarter: '2024-Q2',
  toQuarter: '2024-Q4',
  startDate: '2024-04-01',
  endDate: '2024-12-31',
  state: 'planned',
};
const today = '2024-06-01';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('planPhase', () => {
  it('gives a phase the first day of its first quarter and the last day of its last', () => {
    expect(planPhase({ quarters: { fromQuarter: '2025-Q1', toQuarter: '2025-Q2' }, committee, phases: [partnership], today })).toEqual({
      startDate: '2025-01-01',
      endDate: '2025-06-30',
    });
  });

  it.each([
    { case: 'before the mandate', fromQuarter: '2023-Q4', toQuarter: '2024-Q1' },
    { case: 'after the mandate', fromQuarter: '2025-Q4', toQuarter: '2026-Q1' },
  ])('refuses a phase $case, giving the mandate', ({ fromQuarter, toQuarter }) => {
    const error = refusal(() => planPhase({ quarters: { fromQuarter, toQuarter }, committee, phases: [], today }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'phase_outside_mandate' });
    expect(error.message).toContain("mandate (2024-01-01 to 2025-12-31)");
  });

  it('fits a phase of any length into an open-ended mandate once it has begun', () => {
    expect(planPhase({ quarters: { fromQuarter: '2030-Q1', toQuarter: '2030-Q4' }, committee: { ...committee, mandateEnd: null }, phases: [], today })).toEqual({
      startDate: '2030-01-01',
      endDate: '2030-12-31',
    });
  });

  it('refuses toQuarter before fromQuarter', () => {
    expect(refusal(() => planPhase({ quarters: { fromQuarter: '2025-Q2', toQuarter: '2025-Q1' }, committee, phases: [], today }))).toMatchObject({ code: 'quarter_span_reversed' });
  });

  it.each(['planned', 'active', 'completed'] as const)('refuses an overlap with a %s phase, naming it', (state) => {
    const error = refusal(() => planPhase({ quarters: { fromQuarter: '2024-Q4', toQuarter: '2025-Q1' }, committee, phases: [{ ...partnership, state }], today }));
    expect(error).toMatchObject({ kind: 'conflict', code: 'phase_overlaps', details: { phaseId: 'p2' } });
    expect(error.message).toContain(`"${partnership.title}" (2024-Q2 to 2024-Q4, ${state})`);
  });

  it('lets a phase take the quarters of a cancelled one, and a re-planned phase keep its own', () => {
    const cancelled = { ...partnership, state: 'cancelled' as const };
    expect(() => planPhase({ quarters: { fromQuarter: '2024-Q3', toQuarter: '2024-Q3' }, committee, phases: [cancelled], today })).not.toThrow();
    expect(() => planPhase({ quarters: { fromQuarter: '2024-Q2', toQuarter: '2025-Q1' }, committee, phases: [partnership], phase: partnership, today })).not.toThrow();
  });

  it('keeps an active phase from starting after today', () => {
    const active = { ...partnership, state: 'active' as const };
    const error = refusal(() => planPhase({ quarters: { fromQuarter: '2024-Q3', toQuarter: '2024-Q4' }, committee, phases: [active], phase: active, today }));
    expect(error).toMatchObject({ kind: 'conflict', code: 'active_phase_start_after_today' });
    expect(planPhase({ quarters: { fromQuarter: '2024-Q2', toQuarter: '2025-Q1' }, committee, phases: [active], phase: active, today }).endDate).toBe('2025-03-31');
  });
});

describe('assertPhaseOpen', () => {
  it.each([
    ['planned', false],
    ['active', false],
    ['completed', true],
    ['cancelled', true],
  ] as const)('a %s phase is closed: %s', (state, closed) => {
    const check = () => assertPhaseOpen({ state }, 're-plan');
    if (closed) expect(check).toThrow(`Cannot re-plan a ${state} phase`);
    else expect(check).not.toThrow();
  });
});
