import { DomainError } from '../../errors.js';
import { minutesWorkflow, type MinutesContext } from '../minutes.workflow.js';
import type { WorkflowRole } from '../workflow-definition.js';
import { decideTransition, findWorkflowProblems, SYSTEM_ACTOR } from '../workflow-engine.js';

function outcome(state: string, event: string, roles: WorkflowRole[], context: Partial<MinutesContext> = {}): string {
  const full: MinutesContext = { documentsReady: true, actorMustSign: true, actorHasSigned: false, ...context };
  try {
    return decideTransition(minutesWorkflow, state, event, { roles }, full).to;
  } catch (error) {
    if (error instanceof DomainError) return `refused:${error.code}`;
    throw error;
  }
}

describe('the minutes table', () => {
  it('has no unreachable states or dead ends', () => {
    expect(findWorkflowProblems(minutesWorkflow)).toEqual([]);
  });

  it.each<[string, string, WorkflowRole[], Partial<MinutesContext>, string]>([
    ['draft', 'approve', ['chair'], {}, 'approved'],
    ['draft', 'approve', ['chair'], { documentsReady: false }, 'refused:transition_guard_failed'],
    ['draft', 'approve', ['secretary'], {}, 'refused:role_may_not_fire_event'],
    ['draft', 'approve', ['member'], {}, 'refused:role_may_not_fire_event'],
    ['draft', 'sign', ['member'], {}, 'refused:illegal_transition'],
    ['approved', 'sign', ['member'], {}, 'approved'],
    ['approved', 'sign', ['member'], { actorMustSign: false }, 'refused:transition_guard_failed'],
    ['approved', 'sign', ['chair'], { actorHasSigned: true }, 'refused:transition_guard_failed'],
    ['approved', 'sign', ['director'], {}, 'refused:role_may_not_fire_event'],
    ['approved', 'seal', ['chair'], {}, 'refused:system_event'],
    ['approved', 'reopen', ['secretary'], {}, 'draft'],
    ['approved', 'publish', ['secretary'], {}, 'refused:illegal_transition'],
    ['signed', 'publish', ['secretary'], {}, 'published'],
    ['signed', 'publish', ['chair'], {}, 'refused:role_may_not_fire_event'],
    ['signed', 'sign', ['member'], {}, 'refused:illegal_transition'],
    ['signed', 'reopen', ['secretary'], {}, 'refused:illegal_transition'],
    ['published', 'publish', ['admin'], {}, 'refused:illegal_transition'],
  ])('%s: %s by %j %j gives %s', (state, event, roles, context, expected) => {
    expect(outcome(state, event, roles, context)).toBe(expected);
  });

  it('is sealed by the system alone, with the last signature', () => {
    expect(decideTransition(minutesWorkflow, 'approved', 'seal', SYSTEM_ACTOR, { documentsReady: true, actorMustSign: false, actorHasSigned: false })).toEqual({
      from: 'approved',
      to: 'signed',
      effects: ['seal-document'],
    });
  });
});
