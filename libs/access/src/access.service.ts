import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type Actor } from '@app/core';
import { DomainError, type MembershipRole, todayInCopenhagen } from '@app/domain';
import { Membership } from '../../committees/src/membership.entity.js';

/**
 * Who may do what (API.md "Who may do what"): admins everything; directors read all and approve kommissorier;
 * a committee's secretary manages that committee; its chair and members read it.
 */
@Injectable()
export class AccessService {
  constructor(@InjectRepository(Membership) private readonly memberships: Repository<Membership>) {}

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

  /** The roles the actor holds in the committee today. */
  async committeeRoles(actor: Actor, committeeId: string): Promise<MembershipRole[]> {
    const today = todayInCopenhagen();
    const rows = await this.memberships
      .createQueryBuilder('m')
      .select('m.role', 'role')
      .where('m.committee_id = :committeeId AND m.person_id = :personId', { committeeId, personId: actor.personId })
      .andWhere('m.start_date <= :today AND (m.end_date IS NULL OR m.end_date >= :today)', { today })
      .getRawMany<{ role: MembershipRole }>();
    return rows.map((row) => row.role);
  }

  /** Admin, or the committee's secretary today. */
  async assertCommitteeSecretary(actor: Actor, committeeId: string): Promise<void> {
    if (this.isAdmin(actor)) return;
    const roles = await this.committeeRoles(actor, committeeId);
    if (!roles.includes('secretary')) throw DomainError.forbidden("Only the committee's secretary or an administrator may do this");
  }

  /** Admin, director, or anyone seated in the committee today. */
  async assertCommitteeReader(actor: Actor, committeeId: string): Promise<void> {
    if (this.isAdmin(actor) || this.isDirector(actor)) return;
    const roles = await this.committeeRoles(actor, committeeId);
    if (roles.length === 0) throw DomainError.forbidden('Only members of the committee, directors and administrators may read this');
  }

  /** Admin, or the committee's chair or secretary today. */
  async assertCommitteeChairOrSecretary(actor: Actor, committeeId: string): Promise<void> {
    if (this.isAdmin(actor)) return;
    const roles = await this.committeeRoles(actor, committeeId);
    if (!roles.includes('chair') && !roles.includes('secretary')) {
      throw DomainError.forbidden("Only the committee's chair or secretary may do this");
    }
  }
}
