import { DomainError } from '../../errors.js';
import { commissionWorkflow, type CommissionContext } from '../commission.workflow.js';
import { phaseWorkflow, type PhaseContext } from '../phase.workflow.js';
import type { WorkflowDefinition, WorkflowRole } from '../workflow-definition.js';
import { agendaItemWorkflow } from '../agenda-item.workflow.js';
import { availableEvents, decideTransition, eventReadsContext, findWorkflowProblems, SYSTEM_ACTOR, toMermaid, type WorkflowActor } from '../workflow-engine.js';

/** What firing an event should give: the state it leads to, or the error code and status kind it is refused with. */
type Expected = string | { refused: string };

function outcome<C>(definition: WorkflowDefinition<string, string, C>, state: string, event: string, actor: WorkflowActor, context: C, comment?: string): Expected {
  try {
    return decideTransition(definition, state, event, actor, context, comment).to;
  } catch (error) {
    if (error instanceof DomainError) return { refused: error.code };
    throw error;
  }
}

const as = (...roles: WorkflowRole[]): WorkflowActor => ({ roles });
const illegal = { refused: 'illegal_transition' };
const role = { refused: 'role_may_not_fire_event' };

describe('the kommissorium table', () => {
  const free: CommissionContext = { hasOpenAmendment: false, firedBySubmitter: false, needsCouncil: false, hasCouncilCommittee: true };
  const system = { refused: 'system_event' };
  // Every event from every state, fired by the role the table names for it (a director for the system events, refused as such).
  const byRightRole: Record<string, Record<string, Expected>> = {
    draft: { submit: 'submitted', return: illegal, approve: illegal, amend: illegal, adopt: system, reject: system, supersede: system },
    submitted: { submit: illegal, return: 'draft', approve: 'approved', amend: illegal, adopt: system, reject: system, supersede: system },
    approved: { submit: illegal, return: illegal, approve: illegal, amend: 'approved', adopt: system, reject: system, supersede: system },
    'awaiting-council': { submit: illegal, return: illegal, approve: illegal, amend: illegal, adopt: system, reject: system, supersede: system },
    adopted: { submit: illegal, return: illegal, approve: illegal, amend: 'adopted', adopt: system, reject: system, supersede: system },
    superseded: { submit: illegal, return: illegal, approve: illegal, amend: illegal, adopt: system, reject: system, supersede: system },
  };
  const rightRole: Record<string, WorkflowRole> = { submit: 'secretary', return: 'director', approve: 'director', amend: 'secretary', adopt: 'director', reject: 'director', supersede: 'director' };

  for (const [state, events] of Object.entries(byRightRole)) {
    for (const [event, expected] of Object.entries(events)) {
      it(`${event} from ${state} by a ${rightRole[event]} gives ${JSON.stringify(expected)}`, () => {
        expect(outcome(commissionWorkflow, state, event, as(rightRole[event]), free, 'because')).toEqual(expected);
      });
    }
  }

  it.each([
    ['member', 'submit', 'draft'],
    ['chair', 'submit', 'draft'],
    ['director', 'submit', 'draft'],
    ['secretary', 'approve', 'submitted'],
    ['member', 'approve', 'submitted'],
    ['chair', 'approve', 'submitted'],
    ['secretary', 'return', 'submitted'],
    ['director', 'amend', 'approved'],
  ] as const)('a %s may not %s (from %s)', (who, event, state) => {
    expect(outcome(commissionWorkflow, state, event, as(who), free, 'because')).toEqual(role);
  });

  it('refuses a role that may never fire the event with 403 whatever the state, before saying the state does not allow it', () => {
    expect(outcome(commissionWorkflow, 'draft', 'approve', as('member'), free, 'because')).toEqual(role);
    expect(outcome(commissionWorkflow, 'approved', 'approve', as('secretary'), free, 'because')).toEqual(role);
    expect(outcome(commissionWorkflow, 'approved', 'approve', as('director'), free, 'because')).toEqual(illegal);
  });

  it('lets an admin fire what a person may, but never a system event', () => {
    expect(outcome(commissionWorkflow, 'submitted', 'approve', as('admin'), free)).toBe('approved');
    expect(outcome(commissionWorkflow, 'approved', 'supersede', as('admin'), free)).toEqual({ refused: 'system_event' });
    expect(outcome(commissionWorkflow, 'approved', 'supersede', SYSTEM_ACTOR, free)).toBe('superseded');
  });

  it('needs a comment to return a draft', () => {
    expect(outcome(commissionWorkflow, 'submitted', 'return', as('director'), free)).toEqual({ refused: 'comment_required' });
    expect(outcome(commissionWorkflow, 'submitted', 'return', as('director'), free, '   ')).toEqual({ refused: 'comment_required' });
  });

  it('refuses a second open amendment', () => {
    expect(outcome(commissionWorkflow, 'approved', 'amend', as('secretary'), { ...free, hasOpenAmendment: true })).toEqual({ refused: 'transition_guard_failed' });
  });

  describe('for a committee whose kommissorium the council adopts', () => {
    const council: CommissionContext = { ...free, needsCouncil: true };

    it("sends the director's approval on to the council instead of putting it in force", () => {
      expect(outcome(commissionWorkflow, 'submitted', 'approve', as('director'), council)).toBe('awaiting-council');
      expect(decideTransition(commissionWorkflow, 'submitted', 'approve', as('director'), council).effects).toEqual(['propose-to-council', 'notify-secretary']);
      expect(decideTransition(commissionWorkflow, 'submitted', 'approve', as('director'), free).effects).toEqual(['supersede-previous-version', 'notify-secretary']);
    });

    it('keeps four eyes on that approval, and refuses it when the body has no council to decide it', () => {
      expect(outcome(commissionWorkflow, 'submitted', 'approve', as('director'), { ...council, firedBySubmitter: true })).toEqual({ refused: 'commission_approver_submitted' });
      expect(outcome(commissionWorkflow, 'submitted', 'approve', as('director'), { ...council, hasCouncilCommittee: false })).toEqual({ refused: 'commission_no_council' });
      expect(outcome(commissionWorkflow, 'submitted', 'approve', as('director'), { ...free, hasCouncilCommittee: false })).toBe('approved');
    });

    it("is adopted or sent back to draft by the council's decision only, and sending back needs the decision's text", () => {
      expect(outcome(commissionWorkflow, 'awaiting-council', 'adopt', SYSTEM_ACTOR, council)).toBe('adopted');
      expect(decideTransition(commissionWorkflow, 'awaiting-council', 'adopt', SYSTEM_ACTOR, council).effects).toContain('supersede-previous-version');
      expect(outcome(commissionWorkflow, 'awaiting-council', 'reject', SYSTEM_ACTOR, council, 'Byrådet ønsker en bredere sammensætning')).toBe('draft');
      expect(outcome(commissionWorkflow, 'awaiting-council', 'reject', SYSTEM_ACTOR, council)).toEqual({ refused: 'comment_required' });
      expect(outcome(commissionWorkflow, 'awaiting-council', 'adopt', as('admin'), council)).toEqual({ refused: 'system_event' });
    });

    it('offers the director one approve, the one that applies', () => {
      expect(availableEvents(commissionWorkflow, 'submitted', as('director'), council).map((e) => e.event)).toEqual(['return', 'approve']);
      expect(availableEvents(commissionWorkflow, 'submitted', as('director'), council).find((e) => e.event === 'approve')?.description).toMatch(/council/);
    });

    it('draws both approvals in the diagram, each with its condition', () => {
      const diagram = toMermaid(commissionWorkflow);
      expect(diagram).toContain('submitted --> approved: approve when the director decides (director)');
      expect(diagram).toContain('submitted --> awaiting_council: approve when the council adopts it (director)');
    });
  });

  it('finds two transitions of one event from one state ambiguous unless each says when it applies', () => {
    const branch = (to: string, when?: boolean) => ({ event: 'go', from: ['a'], to, roles: ['member'] as const, description: to, ...(when === undefined ? {} : { when: { description: to, holds: () => when } }) });
    const table = (transitions: ReturnType<typeof branch>[]) => ({ name: 't', title: 'T', initial: 'a', states: ['a', 'b', 'c'], final: ['b', 'c'], transitions });
    expect(findWorkflowProblems(table([branch('b'), branch('c')]))).toContain('t: event go is defined twice from a');
    expect(findWorkflowProblems(table([branch('b', true), branch('c', false)]))).toEqual([]);
  });

  it('refuses approval to whoever submitted the version, with its own code, and lets them return it', () => {
    expect(outcome(commissionWorkflow, 'submitted', 'approve', as('director', 'secretary'), { ...free, firedBySubmitter: true })).toEqual({ refused: 'commission_approver_submitted' });
    expect(outcome(commissionWorkflow, 'submitted', 'return', as('director', 'secretary'), { ...free, firedBySubmitter: true }, 'Mangler økonomi')).toBe('draft');
  });

  it('names an unknown event as such', () => {
    expect(outcome(commissionWorkflow, 'draft', 'publish', as('admin'), free)).toEqual({ refused: 'unknown_event' });
  });

  it('announces the effects of approving and amending', () => {
    expect(decideTransition(commissionWorkflow, 'submitted', 'approve', as('director'), free).effects).toEqual(['supersede-previous-version', 'notify-secretary']);
    expect(decideTransition(commissionWorkflow, 'approved', 'amend', as('secretary'), free).effects).toEqual(['open-amendment']);
  });
});

describe('the phase table', () => {
  const due: PhaseContext = { today: '2024-04-02', startDate: '2024-04-01', otherActivePhase: null };
  const byRightRole: Record<string, Record<string, Expected>> = {
    planned: { start: 'active', complete: illegal, cancel: 'cancelled' },
    active: { start: illegal, complete: 'completed', cancel: 'cancelled' },
    completed: { start: illegal, complete: illegal, cancel: illegal },
    cancelled: { start: illegal, complete: illegal, cancel: illegal },
  };
  for (const [state, events] of Object.entries(byRightRole)) {
    for (const [event, expected] of Object.entries(events)) {
      it(`${event} from ${state} by the secretary gives ${JSON.stringify(expected)}`, () => {
        expect(outcome(phaseWorkflow, state, event, as('secretary'), due)).toEqual(expected);
      });
    }
  }

  it.each(['member', 'chair', 'director'] as const)('a %s may not start, complete or cancel a phase', (who) => {
    expect(outcome(phaseWorkflow, 'planned', 'start', as(who), due)).toEqual(role);
    expect(outcome(phaseWorkflow, 'active', 'complete', as(who), due)).toEqual(role);
    expect(outcome(phaseWorkflow, 'planned', 'cancel', as(who), due)).toEqual(role);
  });

  it('refuses to start a phase before its first day, saying when it begins', () => {
    expect(() => decideTransition(phaseWorkflow, 'planned', 'start', as('secretary'), { ...due, today: '2024-03-31' })).toThrow('The phase begins on 2024-04-01');
  });

  it('refuses to start a second active phase, naming the active one', () => {
    expect(() => decideTransition(phaseWorkflow, 'planned', 'start', as('secretary'), { ...due, otherActivePhase: 'Konstituering' })).toThrow(
      'Phase "Konstituering" is active',
    );
  });

  it('refuses to complete a phase that has not started, saying from which state complete applies', () => {
    expect(() => decideTransition(phaseWorkflow, 'planned', 'complete', as('secretary'), due)).toThrow('complete applies when it is active');
  });
});

describe('whether an event reads its context', () => {
  it('reads it for guards and for branches, not for an event without either', () => {
    expect(eventReadsContext(agendaItemWorkflow, 'ready', 'put-on-agenda')).toBe(false);
    expect(eventReadsContext(agendaItemWorkflow, 'on-agenda', 'decide')).toBe(true);
    expect(eventReadsContext(commissionWorkflow, 'submitted', 'approve')).toBe(true);
    expect(eventReadsContext(commissionWorkflow, 'approved', 'supersede')).toBe(false);
  });

  it('asks only the transitions from the state given', () => {
    // Decide has guards from on-agenda only; from another state the table refuses it without reading anything.
    expect(eventReadsContext(agendaItemWorkflow, 'ready', 'decide')).toBe(false);
  });
});

describe('table checks', () => {
  it('finds nothing wrong with the real tables', () => {
    expect(findWorkflowProblems(commissionWorkflow)).toEqual([]);
    expect(findWorkflowProblems(phaseWorkflow)).toEqual([]);
  });

  it('finds unreachable states, dead ends, unknown states, ambiguous events and unhandled effects', () => {
    const broken: WorkflowDefinition = {
      name: 'broken',
      title: 'Broken',
      initial: 'a',
      states: ['a', 'b', 'orphan', 'stuck'],
      final: ['b'],
      transitions: [
        { event: 'go', from: ['a'], to: 'b', roles: ['secretary'], effects: ['ring-bell'], description: '' },
        { event: 'go', from: ['a'], to: 'stuck', roles: ['secretary'], description: '' },
        { event: 'leave', from: ['b'], to: 'nowhere', roles: [], description: '' },
      ],
    };
    const problems = findWorkflowProblems(broken, new Set());
    expect(problems).toEqual(
      expect.arrayContaining([
        'broken: event go is defined twice from a',
        'broken: event leave names unknown state nowhere',
        'broken: nobody may fire leave',
        'broken: effect ring-bell of go has no handler',
        'broken: state orphan cannot be reached from a',
        'broken: final state b has events leaving it',
        'broken: state stuck is a dead end but not marked final',
      ]),
    );
  });
});
