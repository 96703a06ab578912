import { Injectable } from '@nestjs/common';
import { type Actor, type GlobalRole } from '@app/core';
import { DomainError, type MembershipRole } from '@app/domain';

/** The roles the actor holds in the committee today (read with the actor by the auth guard). */
export function committeeRolesOf(actor: Actor, committeeId: string): MembershipRole[] {
  return actor.seats.filter((seat) => seat.committeeId === committeeId).map((seat) => seat.role as MembershipRole);
}

/** An administrator without bodies administers the whole installation. */
function isInstallationAdminOf(actor: Actor): boolean {
  return actor.roles.includes('admin') && actor.bodyIds.length === 0;
}

/**
 * The global roles that count in the committee: a director's only in the committees of their bodies, an
 * administrator's in every committee, or, for one with bodies, in theirs.
 */
export function globalRolesIn(actor: Actor, committeeId: string): GlobalRole[] {
  const inTheirBodies = actor.bodyCommitteeIds.includes(committeeId);
  return actor.roles.filter((role) => inTheirBodies || (role === 'admin' && isInstallationAdminOf(actor)));
}

/**
 * Who may do what (API.md "Who may do what"): admins everything (one with bodies only within them); directors read
 * their bodies' committees and approve their kommissorier; a committee's secretary manages that committee; its chair
 * and members read it.
 */
@Injectable()
export class AccessService {
  /** Holds the admin role, of the installation or of some bodies. */
  isAnyAdmin(actor: Actor): boolean {
    return actor.roles.includes('admin');
  }

  /** An administrator without bodies: the installation's administrator. */
  isInstallationAdmin(actor: Actor): boolean {
    return isInstallationAdminOf(actor);
  }

  /** The installation's administrator, or an administrator of the body. */
  isBodyAdmin(actor: Actor, bodyId: string): boolean {
    return this.isInstallationAdmin(actor) || (this.isAnyAdmin(actor) && actor.bodyIds.includes(bodyId));
  }

  /** The installation's administrator, or an administrator of the committee's body. */
  isCommitteeAdmin(actor: Actor, committeeId: string): boolean {
    return globalRolesIn(actor, committeeId).includes('admin');
  }

  /** A director of the committee's body. */
  isCommitteeDirector(actor: Actor, committeeId: string): boolean {
    return globalRolesIn(actor, committeeId).includes('director');
  }

  /** What concerns the whole installation (bodies, the audit trail, the queues): administrators without bodies. */
  assertInstallationAdmin(actor: Actor): void {
    if (!this.isInstallationAdmin(actor)) throw DomainError.forbidden('Only an administrator of the whole installation may do this');
  }

  /** The admin role of any scope: the first check of a write whose body is read afterwards. */
  assertSomeAdmin(actor: Actor): void {
    if (!this.isAnyAdmin(actor)) throw DomainError.forbidden('Only an administrator may do this');
  }

  assertBodyAdmin(actor: Actor, bodyId: string): void {
    if (!this.isBodyAdmin(actor, bodyId)) throw DomainError.forbidden('Only an administrator of the body may do this');
  }

  committeeRoles(actor: Actor, committeeId: string): MembershipRole[] {
    return committeeRolesOf(actor, committeeId);
  }

  /** Admin of the committee, or its secretary today. */
  assertCommitteeSecretary(actor: Actor, committeeId: string): void {
    if (this.isCommitteeAdmin(actor, committeeId)) return;
    const roles = this.committeeRoles(actor, committeeId);
    if (!roles.includes('secretary')) throw DomainError.forbidden("Only the committee's secretary or an administrator may do this");
  }

  /** Admin or director of the committee, or anyone seated in it today. */
  assertCommitteeReader(actor: Actor, committeeId: string): void {
    if (globalRolesIn(actor, committeeId).length > 0) return;
    const roles = this.committeeRoles(actor, committeeId);
    if (roles.length === 0) throw DomainError.forbidden('Only members of the committee, directors and administrators may read this');
  }

  /**
   * The committees assertCommitteeReader lets the actor read, for a statement that must filter by them: null for
   * every committee (an administrator of the installation).
   */
  readableCommitteeIds(actor: Actor): string[] | null {
    if (isInstallationAdminOf(actor)) return null;
    return [...new Set([...(actor.roles.length > 0 ? actor.bodyCommitteeIds : []), ...actor.seats.map((seat) => seat.committeeId)])];
  }

  /** Admin of the committee, or its chair or secretary today. */
  assertCommitteeChairOrSecretary(actor: Actor, committeeId: string): void {
    if (this.isCommitteeAdmin(actor, committeeId)) return;
    const roles = this.committeeRoles(actor, committeeId);
    if (!roles.includes('chair') && !roles.includes('secretary')) {
      throw DomainError.forbidden("Only the committee's chair or secretary may do this");
    }
  }
}
