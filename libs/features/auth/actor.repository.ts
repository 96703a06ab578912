import { Injectable } from '@nestjs/common';
import { type Actor, preparedStatement } from '@app/core';
import { SeatSql } from '@app/committees';
import { type Transaction, UnitOfWork } from '@app/database';
import type { IsoDate } from '@app/domain';
import { type LoginPerson, PersonSql } from '@app/people';

/**
 * The csrf token of session `$3` while it is open and belongs to the person under the password it was opened with;
 * null once it has ended (logout, an administrator) or the password was set again.
 */
const OPEN_SESSION_CSRF_TOKEN = `(SELECT s.csrf_token FROM auth_session s WHERE s.id = $3 AND s.person_id = p.id AND s.ended_at IS NULL AND s.login_fingerprint = ${PersonSql.loginFingerprint('p')})`;

/** The person behind a token with the committee seats they hold on the day and their session: one prepared statement, on every request. */
const ACTOR_WITH_SEATS = preparedStatement(
  'actor-with-seats-and-session',
  PersonSql.login({ seats: SeatSql.seatsOfPersonJson('p.id', '$2'), session_csrf_token: OPEN_SESSION_CSRF_TOKEN }),
);

export interface ActorOfSession {
  actor: Actor;
  /** Null when the session has ended: the token no longer works. */
  csrfToken: string | null;
}

/** The login check's read, composed of people's, committees' and the sessions' fragments so it stays one statement. */
@Injectable()
export class ActorRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The person with their seats on `day` and whether session `sessionId` is open, or null when the token names nobody known. */
  async withSeatsOn(personId: string, sessionId: string, day: IsoDate, tx: Transaction = this.unitOfWork.outside): Promise<ActorOfSession | null> {
    const [person]: (LoginPerson & Pick<Actor, 'seats'> & { session_csrf_token: string | null })[] = await tx.query(ACTOR_WITH_SEATS, [personId, day, sessionId]);
    if (!person) return null;
    return { actor: { personId: person.id, email: person.email, roles: person.roles, seats: person.seats }, csrfToken: person.session_csrf_token };
  }
}
