import { Injectable } from '@nestjs/common';
import { type Actor, preparedStatement } from '@app/core';
import { CommitteeSql, SeatSql } from '@app/committees';
import { type Transaction, UnitOfWork } from '@app/database';
import type { IsoDate } from '@app/domain';
import { type LoginPerson, PersonSql } from '@app/people';

/** The bodies the person acts for and those bodies' committees: columns of the same statement, not one more. */
const BODY_SCOPE = {
  body_ids: PersonSql.bodyIds('p.id'),
  body_committee_ids: CommitteeSql.idsInBodies(PersonSql.bodyIdsSubquery('p.id')),
};

interface BodyScopeColumns {
  body_ids: string[];
  body_committee_ids: string[];
}

/** The person behind a token with the committee seats they hold on the day: one prepared statement, on every request. */
const ACTOR_WITH_SEATS = preparedStatement('actor-with-seats', PersonSql.login({ seats: SeatSql.seatsOfPersonJson('p.id', '$2'), ...BODY_SCOPE }));

/** The login check's read, composed of people's and committees' fragments so it stays one statement. */
@Injectable()
export class ActorRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The person with their seats on `day`, or null when the token names nobody known. */
  async withSeatsOn(personId: string, day: IsoDate, tx: Transaction = this.unitOfWork.outside): Promise<Actor | null> {
    const [person]: (LoginPerson & Pick<Actor, 'seats'> & BodyScopeColumns)[] = await tx.query(ACTOR_WITH_SEATS, [personId, day]);
    if (!person) return null;
    return { personId: person.id, email: person.email, roles: person.roles, seats: person.seats, bodyIds: person.body_ids, bodyCommitteeIds: person.body_committee_ids };
  }
}
