import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import type { Person } from '@app/people';
import { PhaseParticipant } from './phase-participant.entity.js';

/** The phase_participant table: people invited to one phase only. */
@Injectable()
export class PhaseParticipantRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The phase's invitations with the people invited. */
  async ofPhase(phaseId: string, tx: Transaction = this.unitOfWork.outside): Promise<(PhaseParticipant & { person: Person })[]> {
    const invitations = await tx.find(PhaseParticipant, { where: { phaseId }, relations: { person: true } });
    return invitations as (PhaseParticipant & { person: Person })[];
  }

  find(tx: Transaction, phaseId: string, personId: string): Promise<PhaseParticipant | null> {
    return tx.findOneBy(PhaseParticipant, { phaseId, personId });
  }

  exists(tx: Transaction, phaseId: string, personId: string): Promise<boolean> {
    return tx.existsBy(PhaseParticipant, { phaseId, personId });
  }

  /** Invites the person and answers the invitation as stored. */
  async insert(tx: Transaction, values: Pick<PhaseParticipant, 'phaseId' | 'personId' | 'note' | 'invitedBy'>): Promise<PhaseParticipant> {
    const { identifiers } = await tx.insert(PhaseParticipant, values);
    return tx.findOneByOrFail(PhaseParticipant, { id: identifiers[0].id as string });
  }

  async delete(tx: Transaction, id: string): Promise<void> {
    await tx.delete(PhaseParticipant, id);
  }
}
