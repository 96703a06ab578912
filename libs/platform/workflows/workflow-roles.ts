import { committeeRolesOf, globalRolesIn } from '@app/access';
import type { Actor } from '@app/core';
import type { MembershipRole, WorkflowActor, WorkflowRole } from '@app/domain';

const WORKFLOW_ROLE_OF_MEMBERSHIP: Record<MembershipRole, WorkflowRole> = {
  chair: 'chair',
  'vice-chair': 'member',
  member: 'member',
  secretary: 'secretary',
  administration: 'member',
  external: 'member',
};

/**
 * The roles a workflow table knows the actor by: the global roles that count in the record's committee (a director's
 * and a scoped admin's only within their bodies) plus today's roles in the committee.
 */
export function workflowRolesOf(actor: Actor, committeeId: string): WorkflowRole[] {
  const seats = committeeRolesOf(actor, committeeId).map((role) => WORKFLOW_ROLE_OF_MEMBERSHIP[role]);
  return [...new Set<WorkflowRole>([...globalRolesIn(actor, committeeId), ...seats])];
}

/** The actor as the workflow service records it: roles in the record's committee and who fired the event. */
export function workflowActorOf(actor: Actor, committeeId: string): WorkflowActor & { personId: string } {
  return { roles: workflowRolesOf(actor, committeeId), personId: actor.personId };
}
