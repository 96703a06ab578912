/**
 * Who may fire an event: global roles (admin, director) and the roles a person holds in the committee
 * the workflow's record belongs to. An admin may fire every event a person may fire; `system` events happen
 * as effects of other events (a kommissorium is superseded when its amendment is approved) and never through the API.
 */
export const WORKFLOW_ROLES = ['admin', 'director', 'secretary', 'chair', 'member', 'system'] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];

/** A condition beyond state and role; `check` answers why the event is refused now, or null when it may fire. */
export interface WorkflowGuard<C> {
  description: string;
  check(context: C): string | null;
}

export interface WorkflowTransition<S extends string, E extends string, C> {
  event: E;
  from: readonly S[];
  to: S;
  roles: readonly WorkflowRole[];
  /** The event needs a comment (e.g. why a kommissorium is returned). */
  requiresComment?: boolean;
  guards?: readonly WorkflowGuard<C>[];
  /** Named side effects the service layer carries out in the same transaction (e.g. `send-agenda`). */
  effects?: readonly string[];
  description: string;
}

export interface WorkflowDefinition<S extends string = string, E extends string = string, C = unknown> {
  name: string;
  /** The Danish name users know, e.g. "Kommissorium". */
  title: string;
  initial: S;
  states: readonly S[];
  /** States that end the record's life; no event leaves them. */
  final: readonly S[];
  transitions: readonly WorkflowTransition<S, E, C>[];
}

/** Declares a workflow with its state, event and context types inferred from the table. */
export function defineWorkflow<S extends string, E extends string, C>(definition: WorkflowDefinition<S, E, C>): WorkflowDefinition<S, E, C> {
  return definition;
}
