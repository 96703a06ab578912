import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import type { Actor } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import { DomainError, MEMBERSHIP_ROLES, type MembershipRole, membershipPeriod, periodsOverlap } from '@app/domain';
import { isConstraintViolation } from '@app/core';
import { type Person, PersonRepository, PersonSummaryDto } from '@app/people';
import { CommitteeRepository, SeatRepository, type SeatPeriod } from '@app/committees';
import type { InviteParticipantDto } from './invite-participant.dto.js';
import type { ParticipantResponseDto } from './participant-response.dto.js';
import { PhaseParticipantRepository } from './phase-participant.repository.js';
import type { Phase } from './phase.entity.js';
import { PhaseRepository } from './phase.repository.js';
import { assertPhaseOpen } from './phase-rules.js';

const ROLE_ORDER = new Map(MEMBERSHIP_ROLES.map((role, index) => [role, index]));

/**
 * Who takes part in a phase: a core of committee members runs through every phase, and others are invited to
 * the phase where they matter (DOMAIN.md, "Process plan").
 */
@Injectable()
export class PhaseParticipantService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly phases: PhaseRepository,
    private readonly participants: PhaseParticipantRepository,
    private readonly committees: CommitteeRepository,
    private readonly seats: SeatRepository,
    private readonly people: PersonRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** Members seated during the phase first (by role, then name), then the people invited to it, by name. */
  async list(actor: Actor, phaseId: string): Promise<ParticipantResponseDto[]> {
    const phase = await this.phases.findOrFail(phaseId);
    await this.access.assertCommitteeReader(actor, phase.committeeId);
    const [seats, invitations] = await Promise.all([this.seatsDuring(this.unitOfWork.outside, phase), this.participants.ofPhase(phaseId)]);
    const byPerson = new Map<string, ParticipantResponseDto>();
    for (const seat of seats) {
      const participant = byPerson.get(seat.personId) ?? { person: PersonSummaryDto.from(seat.person), source: 'committee', roles: [], note: null, invitedAt: null };
      if (!participant.roles.includes(seat.role)) participant.roles.push(seat.role);
      byPerson.set(seat.personId, participant);
    }
    // Someone invited before they were given a seat is listed once, as a member, keeping the invitation's note.
    for (const invitation of invitations) {
      const member = byPerson.get(invitation.personId);
      const invited = { note: invitation.note, invitedAt: invitation.createdAt };
      byPerson.set(invitation.personId, member ? { ...member, ...invited } : { person: PersonSummaryDto.from(invitation.person), source: 'invited', roles: [], ...invited });
    }
    const firstRole = (p: ParticipantResponseDto) => Math.min(...p.roles.map((role) => ROLE_ORDER.get(role)!), MEMBERSHIP_ROLES.length);
    for (const participant of byPerson.values()) participant.roles.sort((a, b) => ROLE_ORDER.get(a)! - ROLE_ORDER.get(b)!);
    return [...byPerson.values()].sort(
      (a, b) => (a.source === b.source ? 0 : a.source === 'committee' ? -1 : 1) || firstRole(a) - firstRole(b) || a.person.name.localeCompare(b.person.name, 'da'),
    );
  }

  async invite(actor: Actor, phaseId: string, dto: InviteParticipantDto): Promise<ParticipantResponseDto> {
    const phase = await this.phases.findOrFail(phaseId);
    await this.access.assertCommitteeSecretary(actor, phase.committeeId);
    try {
      return await this.unitOfWork.run(async (tx) => {
        // Shared lock: the phase cannot be completed or cancelled while someone is being invited to it.
        const current = await this.phases.findOrFail(phaseId, tx, { lock: 'pessimistic_read' });
        assertPhaseOpen(current, 'invite people to');
        const person = await this.people.findOrFail(dto.personId, tx, { field: 'personId' });
        const roles = await this.rolesDuring(tx, current, person.id);
        if (roles.length > 0) {
          throw DomainError.conflict(
            'participant_is_member',
            `${person.name} is ${roles.join(' and ')} of the committee during the phase and so takes part in it already`,
            { personId: person.id },
          );
        }
        if (await this.participants.exists(tx, phaseId, person.id)) throw this.alreadyInvited(person);
        const invitation = await this.participants.insert(tx, { phaseId, personId: person.id, note: dto.note ?? null, invitedBy: actor.personId });
        await this.audit.record(tx, { action: 'phase.participant_invited', entityType: 'phase', entityId: phaseId, details: { personId: person.id, note: invitation.note } });
        return { person: PersonSummaryDto.from(person), source: 'invited', roles: [], note: invitation.note, invitedAt: invitation.createdAt };
      });
    } catch (error) {
      if (!isConstraintViolation(error, 'phase_participant_unique')) throw error;
      throw this.alreadyInvited(await this.people.findOrFail(dto.personId));
    }
  }

  /** Withdraws an invitation; members take part through their seat and leave by giving it up. */
  async remove(actor: Actor, phaseId: string, personId: string): Promise<void> {
    const phase = await this.phases.findOrFail(phaseId);
    await this.access.assertCommitteeSecretary(actor, phase.committeeId);
    await this.unitOfWork.run(async (tx) => {
      const current = await this.phases.findOrFail(phaseId, tx, { lock: 'pessimistic_read' });
      assertPhaseOpen(current, 'remove people from');
      const invitation = await this.participants.find(tx, phaseId, personId);
      if (!invitation) {
        const roles = await this.rolesDuring(tx, current, personId);
        if (roles.length > 0) {
          throw DomainError.conflict('participant_is_member', `The person takes part as ${roles.join(' and ')} of the committee; end the membership instead`, { personId });
        }
        throw new DomainError('not-found', 'participant_not_found', `The person ${personId} is not invited to the phase "${current.title}"`, { personId });
      }
      await this.participants.delete(tx, invitation.id);
      await this.audit.record(tx, { action: 'phase.participant_removed', entityType: 'phase', entityId: phaseId, details: { personId, note: invitation.note } });
    });
  }

  /** The committee's seats whose period shares a day with the phase; an open seat lasts as long as the mandate. */
  private async seatsDuring(tx: Transaction, phase: Phase, personId?: string): Promise<SeatPeriod[]> {
    const committee = await this.committees.findOrFail(phase.committeeId, tx);
    const seats = await this.seats.periodsIn(phase.committeeId, { personId }, tx);
    const phasePeriod = { start: phase.startDate, end: phase.endDate };
    return seats.filter((seat) => periodsOverlap(membershipPeriod(seat, committee), phasePeriod));
  }

  private async rolesDuring(tx: Transaction, phase: Phase, personId: string): Promise<MembershipRole[]> {
    return [...new Set((await this.seatsDuring(tx, phase, personId)).map((seat) => seat.role))];
  }

  private alreadyInvited(person: Person): DomainError {
    return DomainError.conflict('participant_already_invited', `${person.name} is already invited to the phase`, { personId: person.id });
  }
}
