import type { Actor } from '@app/core';
import type { MembershipRole, WorkflowRole } from '@app/domain';

const WORKFLOW_ROLE_OF_MEMBERSHIP: Record<MembershipRole, WorkflowRole> = {
  chair: 'chair',
  'vice-chair': 'member',
  member: 'member',
  secretary: 'secretary',
  administration: 'member',
  external: 'member',
};

/** The roles a workflow table knows the actor by: global roles plus today's roles in the record's committee. */
export function workflowRolesOf(actor: Actor, committeeRoles: readonly MembershipRole[]): WorkflowRole[] {
  return [...new Set<WorkflowRole>([...actor.roles, ...committeeRoles.map((role) => WORKFLOW_ROLE_OF_MEMBERSHIP[role])])];
}
