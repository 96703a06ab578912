import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import type { Actor } from '@app/core';
import { DomainError, MEMBERSHIP_ROLES, type MembershipRole, membershipPeriod, periodsOverlap } from '@app/domain';
import { findOrFail, isConstraintViolation } from '@app/core';
import { PersonSummaryDto, Person } from '@app/people';
import { Committee, Membership } from '@app/committees';
import type { InviteParticipantDto } from './invite-participant.dto.js';
import type { ParticipantResponseDto } from './participant-response.dto.js';
import { PhaseParticipant } from './phase-participant.entity.js';
import { Phase } from './phase.entity.js';
import { assertPhaseOpen } from './phase-rules.js';
import { PhaseService } from './phase.service.js';

const ROLE_ORDER = new Map(MEMBERSHIP_ROLES.map((role, index) => [role, index]));

/**
 * Who takes part in a phase: a core of committee members runs through every phase, and others are invited to
 * the phase where they matter (DOMAIN.md, "Process plan").
 */
@Injectable()
export class PhaseParticipantService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly phases: PhaseService,
  ) {}

  /** Members seated during the phase first (by role, then name), then the people invited to it, by name. */
  async list(actor: Actor, phaseId: string): Promise<ParticipantResponseDto[]> {
    const phase = await this.phases.find(phaseId);
    await this.access.assertCommitteeReader(actor, phase.committeeId);
    const manager = this.dataSource.manager;
    const [seats, invitations] = await Promise.all([
      this.seatsDuring(manager, phase),
      manager.find(PhaseParticipant, { where: { phaseId }, relations: { person: true } }),
    ]);
    const byPerson = new Map<string, ParticipantResponseDto>();
    for (const seat of seats) {
      const participant = byPerson.get(seat.personId) ?? { person: PersonSummaryDto.from(seat.person!), source: 'committee', roles: [], note: null, invitedAt: null };
      if (!participant.roles.includes(seat.role)) participant.roles.push(seat.role);
      byPerson.set(seat.personId, participant);
    }
    // Someone invited before they were given a seat is listed once, as a member, keeping the invitation's note.
    for (const invitation of invitations) {
      const member = byPerson.get(invitation.personId);
      const invited = { note: invitation.note, invitedAt: invitation.createdAt };
      byPerson.set(invitation.personId, member ? { ...member, ...invited } : { person: PersonSummaryDto.from(invitation.person!), source: 'invited', roles: [], ...invited });
    }
    const firstRole = (p: ParticipantResponseDto) => Math.min(...p.roles.map((role) => ROLE_ORDER.get(role)!), MEMBERSHIP_ROLES.length);
    for (const participant of byPerson.values()) participant.roles.sort((a, b) => ROLE_ORDER.get(a)! - ROLE_ORDER.get(b)!);
    return [...byPerson.values()].sort(
      (a, b) => (a.source === b.source ? 0 : a.source === 'committee' ? -1 : 1) || firstRole(a) - firstRole(b) || a.person.name.localeCompare(b.person.name, 'da'),
    );
  }

  async invite(actor: Actor, phaseId: string, dto: InviteParticipantDto): Promise<ParticipantResponseDto> {
    const phase = await this.phases.find(phaseId);
    await this.access.assertCommitteeSecretary(actor, phase.committeeId);
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Shared lock: the phase cannot be completed or cancelled while someone is being invited to it.
        const current = await findOrFail(manager, Phase, phaseId, { lock: 'pessimistic_read' });
        assertPhaseOpen(current, 'invite people to');
        const person = await findOrFail(manager, Person, dto.personId, { field: 'personId' });
        const roles = await this.rolesDuring(manager, current, person.id);
        if (roles.length > 0) {
          throw DomainError.conflict(
            'participant_is_member',
            `${person.name} is ${roles.join(' and ')} of the committee during the phase and so takes part in it already`,
            { personId: person.id },
          );
        }
        if (await manager.existsBy(PhaseParticipant, { phaseId, personId: person.id })) throw this.alreadyInvited(person);
        const { identifiers } = await manager.insert(PhaseParticipant, { phaseId, personId: person.id, note: dto.note ?? null, invitedBy: actor.personId });
        const invitation = await manager.findOneByOrFail(PhaseParticipant, { id: identifiers[0].id as string });
        await this.audit.record(manager, { action: 'phase.participant_invited', entityType: 'phase', entityId: phaseId, details: { personId: person.id, note: invitation.note } });
        return { person: PersonSummaryDto.from(person), source: 'invited', roles: [], note: invitation.note, invitedAt: invitation.createdAt };
      });
    } catch (error) {
      if (!isConstraintViolation(error, 'phase_participant_unique')) throw error;
      throw this.alreadyInvited(await findOrFail(this.dataSource.manager, Person, dto.personId));
    }
  }

  /** Withdraws an invitation; members take part through their seat and leave by giving it up. */
  async remove(actor: Actor, phaseId: string, personId: string): Promise<void> {
    const phase = await this.phases.find(phaseId);
    await this.access.assertCommitteeSecretary(actor, phase.committeeId);
    await this.dataSource.transaction(async (manager) => {
      const current = await findOrFail(manager, Phase, phaseId, { lock: 'pessimistic_read' });
      assertPhaseOpen(current, 'remove people from');
      const invitation = await manager.findOneBy(PhaseParticipant, { phaseId, personId });
      if (!invitation) {
        const roles = await this.rolesDuring(manager, current, personId);
        if (roles.length > 0) {
          throw DomainError.conflict('participant_is_member', `The person takes part as ${roles.join(' and ')} of the committee; end the membership instead`, { personId });
        }
        throw new DomainError('not-found', 'participant_not_found', `The person ${personId} is not invited to the phase "${current.title}"`, { personId });
      }
      await manager.delete(PhaseParticipant, invitation.id);
      await this.audit.record(manager, { action: 'phase.participant_removed', entityType: 'phase', entityId: phaseId, details: { personId, note: invitation.note } });
    });
  }

  /** The committee's seats whose period shares a day with the phase; an open seat lasts as long as the mandate. */
  private async seatsDuring(manager: EntityManager, phase: Phase, personId?: string): Promise<Membership[]> {
    const committee = await findOrFail(manager, Committee, phase.committeeId);
    const seats = await manager.find(Membership, { where: { committeeId: phase.committeeId, ...(personId ? { personId } : {}) }, relations: { person: true } });
    const phasePeriod = { start: phase.startDate, end: phase.endDate };
    return seats.filter((seat) => periodsOverlap(membershipPeriod(seat, committee), phasePeriod));
  }

  private async rolesDuring(manager: EntityManager, phase: Phase, personId: string): Promise<MembershipRole[]> {
    return [...new Set((await this.seatsDuring(manager, phase, personId)).map((seat) => seat.role))];
  }

  private alreadyInvited(person: Person): DomainError {
    return DomainError.conflict('participant_already_invited', `${person.name} is already invited to the phase`, { personId: person.id });
  }
}
