import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { type Transaction, UnitOfWork } from '@app/database';
import type { IsoDate } from '@app/domain';
import { type Person, PersonSql } from '@app/people';
import { MembershipSubstitute } from './membership-substitute.entity.js';
import { SeatSql } from './seat.repository.js';

export type SubstituteWithPerson = MembershipSubstitute & { person: Person };

/** One seat-holder's substitutes on a day, in list order. */
export interface SeatSubstitutes {
  membershipId: string;
  /** The seat-holder. */
  personId: string;
  roles: string[];
  substitutes: { personId: string; name: string }[];
}

/** The seats' lists of substitutes: kept by committees, read by meetings through `substitutesOn`. */
@Injectable()
export class MembershipSubstituteRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The substitutes of each seat, in list order, keyed by the seat's id. */
  async ofMemberships(membershipIds: readonly string[], tx: Transaction = this.unitOfWork.outside): Promise<Map<string, SubstituteWithPerson[]>> {
    const byMembership = new Map<string, SubstituteWithPerson[]>(membershipIds.map((id) => [id, []]));
    if (membershipIds.length === 0) return byMembership;
    const rows = (await tx.find(MembershipSubstitute, { where: { membershipId: In([...membershipIds]) }, relations: { person: true }, order: { position: 'ASC' } })) as SubstituteWithPerson[];
    for (const row of rows) byMembership.get(row.membershipId)!.push(row);
    return byMembership;
  }

  /** Replaces the seat's list with these people, in this order. */
  async replace(tx: Transaction, membershipId: string, personIds: readonly string[]): Promise<void> {
    await tx.delete(MembershipSubstitute, { membershipId });
    if (personIds.length) await tx.insert(MembershipSubstitute, personIds.map((personId, index) => ({ membershipId, personId, position: index + 1 })));
  }

  /**
   * Every seat held in the committee on the day whose holder has substitutes, with the holder's roles and the
   * substitutes in list order.
   */
  async substitutesOn(committeeId: string, day: IsoDate, tx: Transaction = this.unitOfWork.outside): Promise<SeatSubstitutes[]> {
    return tx.query(
      `SELECT m.id AS "membershipId", m.person_id AS "personId", array[m.role] AS roles,
              json_agg(json_build_object('personId', p.id, 'name', p.name) ORDER BY ms.position) AS substitutes
         FROM membership m
         JOIN membership_substitute ms ON ms.membership_id = m.id
         ${PersonSql.join('p', 'ms.person_id')}
        WHERE m.committee_id = $1 AND ${SeatSql.heldOn('m', '$2::date')}
        GROUP BY m.id`,
      [committeeId, day],
    );
  }
}
