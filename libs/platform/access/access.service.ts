import { Injectable } from '@nestjs/common';
import { type Actor } from '@app/core';
import { DomainError, type MembershipRole } from '@app/domain';

/** The roles the actor holds in the committee today (read with the actor by the auth guard). */
export function committeeRolesOf(actor: Actor, committeeId: string): MembershipRole[] {
  return actor.seats.filter((seat) => seat.committeeId === committeeId).map((seat) => seat.role as MembershipRole);
}

/**
 * Who may do what (API.md "Who may do what"): admins everything; directors read all and approve kommissorier;
 * a committee's secretary manages that committee; its chair and members read it.
 */
@Injectable()
export class AccessService {
  isAdmin(actor: Actor): boolean {
    return actor.roles.includes('admin');
  }

  isDirector(actor: Actor): boolean {
    return actor.roles.includes('director');
  }

  assertAdmin(actor: Actor): void {
    if (!this.isAdmin(actor)) throw DomainError.forbidden('Only an administrator may do this');
  }

  assertDirector(actor: Actor): void {
    if (!this.isDirector(actor) && !this.isAdmin(actor)) throw DomainError.forbidden('Only a director may do this');
  }

  committeeRoles(actor: Actor, committeeId: string): MembershipRole[] {
    return committeeRolesOf(actor, committeeId);
  }

  /** Admin, or the committee's secretary today. */
  assertCommitteeSecretary(actor: Actor, committeeId: string): void {
    if (this.isAdmin(actor)) return;
    const roles = this.committeeRoles(actor, committeeId);
    if (!roles.includes('secretary')) throw DomainError.forbidden("Only the committee's secretary or an administrator may do this");
  }

  /** Admin, director, or anyone seated in the committee today. */
  assertCommitteeReader(actor: Actor, committeeId: string): void {
    if (this.isAdmin(actor) || this.isDirector(actor)) return;
    const roles = this.committeeRoles(actor, committeeId);
    if (roles.length === 0) throw DomainError.forbidden('Only members of the committee, directors and administrators may read this');
  }

  /** Admin, or the committee's chair or secretary today. */
  assertCommitteeChairOrSecretary(actor: Actor, committeeId: string): void {
    if (this.isAdmin(actor)) return;
    const roles = this.committeeRoles(actor, committeeId);
    if (!roles.includes('chair') && !roles.includes('secretary')) {
      throw DomainError.forbidden("Only the committee's chair or secretary may do this");
    }
  }
}
