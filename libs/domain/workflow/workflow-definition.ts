/**
 * Who may fire an event: global roles (admin, director) and the roles a person holds in the committee
 * the workflow's record belongs to. An admin may fire every event a person may fire; `system` events happen
 * as effects of other events (a kommissorium is superseded when its amendment is approved) and never through the API.
 */
export const WORKFLOW_ROLES = ['admin', 'director', 'secretary', 'chair', 'member', 'system'] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];

import type { ErrorCode } from '../errors/index.js';

/**
 * A condition beyond state and role; `check` answers why the event is refused now, or null when it may fire.
 * The refusal is a 409 with `code`, `transition_guard_failed` unless the guard names its own.
 */
export interface WorkflowGuard<C> {
  description: string;
  check(context: C): string | null;
  code?: ErrorCode<'conflict'>;
  /** What the refusal's details carry beside the state and event, e.g. the figures it was decided on. */
  details?(context: C): Record<string, unknown>;
}

/**
 * Which of an event's transitions from one state applies, when the record's context decides where it leads (a
 * director's approval puts a kommissorium in force, or sends it on to the council): exactly one `when` holds.
 */
export interface WorkflowBranch<C> {
  description: string;
  holds(context: C): boolean;
}

export interface WorkflowTransition<S extends string, E extends string, C, F extends string = string> {
  event: E;
  from: readonly S[];
  to: S;
  /** Set on each of several transitions of one event from one state: the context picks the one that applies. */
  when?: WorkflowBranch<C>;
  roles: readonly WorkflowRole[];
  /** The event needs a comment (e.g. why a kommissorium is returned). */
  requiresComment?: boolean;
  guards?: readonly WorkflowGuard<C>[];
  /** Named side effects the service layer carries out in the same transaction (e.g. `send-agenda`), one of the table's effect names. */
  effects?: readonly F[];
  description: string;
}

/** `F` names the table's effects, so the handlers of a record's effects are typed from its table (EffectsOf). */
export interface WorkflowDefinition<S extends string = string, E extends string = string, C = unknown, F extends string = string> {
  name: string;
  /** The Danish name users know, e.g. "Kommissorium". */
  title: string;
  initial: S;
  states: readonly S[];
  /** States that end the record's life; no event leaves them. */
  final: readonly S[];
  transitions: readonly WorkflowTransition<S, E, C, F>[];
}

/** Declares a workflow with its state, event, context and effect types given by the table's module. */
export function defineWorkflow<S extends string, E extends string, C, F extends string = never>(definition: WorkflowDefinition<S, E, C, F>): WorkflowDefinition<S, E, C, F> {
  return definition;
}

export type StatesOf<D> = D extends WorkflowDefinition<infer S, string, any, string> ? S : never;
export type EventsOf<D> = D extends WorkflowDefinition<string, infer E, any, string> ? E : never;
export type ContextOf<D> = D extends WorkflowDefinition<string, string, infer C, string> ? C : never;
export type EffectsOf<D> = D extends WorkflowDefinition<string, string, any, infer F> ? F : never;
