import { DomainError } from '../errors.js';
import type { WorkflowDefinition, WorkflowRole, WorkflowTransition } from './workflow-definition.js';

export interface WorkflowActor {
  /** Global roles and today's roles in the record's committee together. */
  roles: readonly WorkflowRole[];
}

export interface Decision<S extends string, F extends string = string> {
  from: S;
  to: S;
  effects: readonly F[];
}

export interface AvailableEvent<E extends string> {
  event: E;
  description: string;
  requiresComment: boolean;
}

/** The application itself, firing `system` events as effects of other events. */
export const SYSTEM_ACTOR: WorkflowActor = { roles: ['system'] };

function isSystemEvent(transition: WorkflowTransition<string, string, unknown>): boolean {
  return transition.roles.includes('system');
}

function mayFire(transition: WorkflowTransition<string, string, unknown>, actor: WorkflowActor): boolean {
  if (isSystemEvent(transition)) return actor.roles.includes('system');
  return actor.roles.includes('admin') || transition.roles.some((role) => actor.roles.includes(role));
}

function applies<C>(transition: WorkflowTransition<string, string, C>, context: C): boolean {
  return !transition.when || transition.when.holds(context);
}

function transitionFrom<S extends string, E extends string, C, F extends string>(definition: WorkflowDefinition<S, E, C, F>, state: S, event: E, context: C) {
  return definition.transitions.find((t) => t.event === event && t.from.includes(state) && applies(t, context));
}

function forbiddenToFire<S extends string, E extends string, C>(
  definition: WorkflowDefinition<S, E, C>,
  transition: WorkflowDefinition<S, E, C>['transitions'][number],
  event: string,
): DomainError {
  if (isSystemEvent(transition)) return DomainError.forbidden(`${event} is not fired by hand: ${transition.description}`, 'system_event');
  return DomainError.forbidden(`Only ${transition.roles.join(' or ')} may ${event} a ${definition.title.toLowerCase()}`, 'role_may_not_fire_event');
}

/**
 * Whether deciding `event` from `state` reads the context at all: a guard checks it, or a branch picks by it. When
 * not, a caller need not build it (putting thirty items on an agenda reads nothing per item).
 */
export function eventReadsContext(definition: WorkflowDefinition<string, string, any, string>, state: string, event: string): boolean {
  return definition.transitions.some((t) => t.event === event && t.from.includes(state) && (Boolean(t.when) || (t.guards?.length ?? 0) > 0));
}

/**
 * Decides whether `actor` may fire `event` on a record in `state`: the pure half of a transition.
 * Refusals are DomainErrors: unknown event 400, role 403, not from this state 409, guard 409, missing comment 400.
 */
export function decideTransition<S extends string, E extends string, C, F extends string>(
  definition: WorkflowDefinition<S, E, C, F>,
  state: S,
  event: string,
  actor: WorkflowActor,
  context: C,
  comment?: string | null,
): Decision<S, F> {
  const known = definition.transitions.filter((t) => t.event === event);
  if (known.length === 0) {
    const events = [...new Set(definition.transitions.map((t) => t.event))].join(', ');
    throw DomainError.invalid('unknown_event', `"${event}" is not an event of the ${definition.title} workflow; its events are ${events}`);
  }
  // Whether the role may is answered before whether the state allows, so a refusal tells nobody more than that.
  if (!known.some((t) => mayFire(t, actor))) throw forbiddenToFire(definition, known[0], event);
  const transition = transitionFrom(definition, state, event as E, context);
  if (!transition) {
    const from = [...new Set(known.flatMap((t) => t.from))].join(', ');
    throw DomainError.conflict('illegal_transition', `Cannot ${event} a ${definition.title.toLowerCase()} that is ${state}; ${event} applies when it is ${from}`, {
      state,
      event,
    });
  }
  if (!mayFire(transition, actor)) throw forbiddenToFire(definition, transition, event);
  if (transition.requiresComment && !comment?.trim()) {
    throw DomainError.invalid('comment_required', `${event} needs a comment saying why`);
  }
  for (const guard of transition.guards ?? []) {
    const reason = guard.check(context);
    if (reason) throw DomainError.conflict(guard.code ?? 'transition_guard_failed', reason, { state, event, ...guard.details?.(context) });
  }
  return { from: state, to: transition.to, effects: transition.effects ?? [] };
}

/** The events `actor` may fire now: the state allows them, the role may, and every guard passes. */
export function availableEvents<S extends string, E extends string, C>(
  definition: WorkflowDefinition<S, E, C>,
  state: S,
  actor: WorkflowActor,
  context: C,
): AvailableEvent<E>[] {
  return definition.transitions
    .filter((t) => t.from.includes(state) && applies(t, context) && mayFire(t, actor) && (t.guards ?? []).every((g) => g.check(context) === null))
    .map((t) => ({ event: t.event, description: t.description, requiresComment: t.requiresComment ?? false }));
}

/**
 * Problems in a table: unknown states, an event that is ambiguous from one state, states that cannot be reached
 * from the initial one, final states with a way out, non-final states with none, and effects nobody handles.
 */
export function findWorkflowProblems(definition: WorkflowDefinition<string, string, unknown>, handledEffects?: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const states = new Set(definition.states);
  const name = definition.name;
  if (!states.has(definition.initial)) problems.push(`${name}: initial state ${definition.initial} is not among its states`);
  for (const state of definition.final) if (!states.has(state)) problems.push(`${name}: final state ${state} is not among its states`);
  const seen = new Map<string, WorkflowTransition<string, string, unknown>>();
  for (const t of definition.transitions) {
    for (const state of [...t.from, t.to]) if (!states.has(state)) problems.push(`${name}: event ${t.event} names unknown state ${state}`);
    for (const from of t.from) {
      const key = `${t.event}@${from}`;
      // Branches of one event from one state are told apart by their `when`; without one on each, the event is ambiguous.
      const earlier = seen.get(key);
      if (earlier && (!earlier.when || !t.when)) problems.push(`${name}: event ${t.event} is defined twice from ${from}`);
      seen.set(key, t);
    }
    if (t.roles.length === 0) problems.push(`${name}: nobody may fire ${t.event}`);
    for (const effect of t.effects ?? []) {
      if (handledEffects && !handledEffects.has(effect)) problems.push(`${name}: effect ${effect} of ${t.event} has no handler`);
    }
  }
  const reached = new Set([definition.initial]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of definition.transitions) {
      if (t.from.some((s) => reached.has(s)) && !reached.has(t.to)) {
        reached.add(t.to);
        grew = true;
      }
    }
  }
  for (const state of definition.states) if (!reached.has(state)) problems.push(`${name}: state ${state} cannot be reached from ${definition.initial}`);
  for (const state of definition.states) {
    const leaves = definition.transitions.some((t) => t.from.includes(state));
    const isFinal = definition.final.includes(state);
    if (isFinal && leaves) problems.push(`${name}: final state ${state} has events leaving it`);
    if (!isFinal && !leaves) problems.push(`${name}: state ${state} is a dead end but not marked final`);
  }
  return problems;
}

/** Throws at start-up when any table has a problem. */
export function assertWorkflowsValid(definitions: readonly WorkflowDefinition<string, string, any>[], handledEffects?: ReadonlySet<string>): void {
  const problems = definitions.flatMap((d) => findWorkflowProblems(d, handledEffects));
  if (problems.length) throw new Error(`Invalid workflow definitions:\n  ${problems.join('\n  ')}`);
}

/** A Mermaid stateDiagram-v2 of the table, with who may fire each event. */
export function toMermaid(definition: WorkflowDefinition<string, string, any>): string {
  const id = (state: string) => state.replace(/\W/g, '_');
  const lines = ['stateDiagram-v2'];
  for (const state of definition.states) if (id(state) !== state) lines.push(`    state "${state}" as ${id(state)}`);
  lines.push(`    [*] --> ${id(definition.initial)}`);
  for (const t of definition.transitions) {
    for (const from of t.from) lines.push(`    ${id(from)} --> ${id(t.to)}: ${t.event}${t.when ? ` when ${t.when.description}` : ''} (${t.roles.join(', ')})`);
  }
  for (const state of definition.final) lines.push(`    ${id(state)} --> [*]`);
  return lines.join('\n');
}
