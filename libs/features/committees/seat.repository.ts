import { Injectable } from '@nestjs/common';
import { type ListOrder, type PagePosition } from '@app/core';
import { readKeysetPage, type Transaction, UnitOfWork } from '@app/database';
import { type IsoDate, MEMBERSHIP_ROLES, type MembershipRole } from '@app/domain';
import type { Person } from '@app/people';
import { Membership } from './membership.entity.js';

/** `m` holds its seat on `day` (an SQL expression): the one definition of "seated in committee C on day D". */
const heldOn = (alias: string, day: string) => `${alias}.start_date <= ${day} AND (${alias}.end_date IS NULL OR ${alias}.end_date >= ${day})`;

/**
 * The seats (the membership table) for statements of other features that must stay one statement, e.g. the
 * meeting read and the login check; the arguments are SQL expressions of the composing statement.
 */
/** Rows (person_id, roles) of everyone seated in the committee on the day, roles as a text array. */
const seatedOn = (committee: string, day: string): string =>
  `(SELECT m.person_id, array_agg(DISTINCT m.role) AS roles FROM membership m WHERE m.committee_id = ${committee} AND ${heldOn('m', day)} GROUP BY m.person_id)`;

const SEAT_ORDER: ListOrder = {
  keys: [[`array_position(ARRAY[${MEMBERSHIP_ROLES.map((role) => `'${role}'`).join(', ')}]::text[], m.role)`, 'int'], ['m.start_date', 'date'], ['p.name', 'text'], ['m.id', 'uuid']],
};

export const SeatSql = {
  /** `membership <alias>`: every seat, whatever its period, as the table of a caller's FROM. */
  table: (alias: string): string => `membership ${alias}`,
  heldOn,
  seatedOn,
  /** The ids (person_id) of everyone seated in the committee on the day in one of `roles` (an SQL text array). */
  personIdsSeatedAs: (committee: string, day: string, roles: string): string => `SELECT s.person_id FROM ${seatedOn(committee, day)} s WHERE s.roles && ${roles}`,
  /** Whether the person is seated in the committee on the day, in one of `roles` (an SQL text array) when given. */
  holds: (seat: { person: string; committee: string; day: string; roles?: string }): string =>
    `EXISTS (SELECT 1 FROM membership m WHERE m.committee_id = ${seat.committee} AND m.person_id = ${seat.person} AND ${heldOn('m', seat.day)}${seat.roles ? ` AND m.role = ANY(${seat.roles})` : ''})`,
  /**
   * Rows (person_id, secretary_since) of everyone seated in the committee on the day; secretary_since is the start
   * of the earliest secretary seat held that day, null for those seated without one.
   */
  seniorityOn: (committee: string, day: string): string =>
    `(SELECT m.person_id, min(m.start_date) FILTER (WHERE m.role = 'secretary') AS secretary_since FROM membership m WHERE m.committee_id = ${committee} AND ${heldOn('m', day)} GROUP BY m.person_id)`,
  /** The person's seats on the day as a JSON array of {committeeId, role}. */
  seatsOfPersonJson: (person: string, day: string): string =>
    `coalesce((SELECT json_agg(json_build_object('committeeId', m.committee_id, 'role', m.role)) FROM membership m WHERE m.person_id = ${person} AND ${heldOn('m', day)}), '[]')`,
};

/** A seat for its whole period (past, present or future), with the person holding it. */
export type SeatPeriod = Membership & { person: Person };

export interface SeatedPerson {
  personId: string;
  roles: MembershipRole[];
}

/** Who sits where on a day: the questions other features ask of the seats. */
@Injectable()
export class SeatRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Everyone seated in the committee on the day (in one of `roles`, when given), with their roles there. */
  async seatedOn(committeeId: string, day: IsoDate, roles?: readonly MembershipRole[], tx: Transaction = this.unitOfWork.outside): Promise<SeatedPerson[]> {
    const rows: { person_id: string; roles: MembershipRole[] }[] = await tx.query(
      `SELECT s.person_id, s.roles FROM ${SeatSql.seatedOn('$1', '$2')} s WHERE $3::text[] IS NULL OR s.roles && $3::text[] ORDER BY s.person_id`,
      [committeeId, day, roles ? [...roles] : null],
    );
    return rows.map((row) => ({ personId: row.person_id, roles: row.roles }));
  }

  /** Whether the person is seated in the committee on the day, in one of `roles` when given. */
  async holds(personId: string, committeeId: string, day: IsoDate, roles?: readonly MembershipRole[], tx: Transaction = this.unitOfWork.outside): Promise<boolean> {
    const [row]: { seated: boolean }[] = await tx.query(
      `SELECT ${SeatSql.holds({ person: '$1', committee: '$2', day: '$3', roles: roles ? '$4::text[]' : undefined })} AS seated`,
      roles ? [personId, committeeId, day, [...roles]] : [personId, committeeId, day],
    );
    return row.seated;
  }

  /**
   * Every seat of the committee (only the person's, when given), whatever its period: for questions about a span of
   * days, which the caller answers with the seat's period within the committee's mandate.
   */
  /**
   * A page of the committee's seats, chair first (in the order of MEMBERSHIP_ROLES), then by start, the person's name
   * and id; `heldOn` leaves only those held that day, an open seat ending with the mandate (`mandateEnd`).
   */
  pageIn(
    committeeId: string,
    filter: { heldOn?: IsoDate; mandateEnd: IsoDate | null },
    page: { after: PagePosition | null; limit: number },
  ): Promise<{ entity: SeatPeriod; position: PagePosition }[]> {
    const query = this.unitOfWork.outside.createQueryBuilder(Membership, 'm').innerJoinAndSelect('m.person', 'p').where('m.committee_id = :committeeId', { committeeId });
    if (filter.heldOn) {
      query.andWhere('m.start_date <= :day::date AND (coalesce(m.end_date, :mandateEnd::date) IS NULL OR coalesce(m.end_date, :mandateEnd::date) >= :day::date)', {
        day: filter.heldOn,
        mandateEnd: filter.mandateEnd,
      });
    }
    return readKeysetPage(query, SEAT_ORDER, page) as Promise<{ entity: SeatPeriod; position: PagePosition }[]>;
  }

  async periodsIn(committeeId: string, options: { personId?: string } = {}, tx: Transaction = this.unitOfWork.outside): Promise<SeatPeriod[]> {
    const seats = await tx.find(Membership, { where: { committeeId, ...(options.personId ? { personId: options.personId } : {}) }, relations: { person: true } });
    return seats as SeatPeriod[];
  }
}
