import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommitteeSql, SeatSql } from '@app/committees';
import { UnitOfWork, type Transaction } from '@app/database';
import { PUBLIC_MEETING_STATES } from '@app/domain';
import { DeliverySql } from '@app/mail';
import { PersonSql } from '@app/people';
import { PublicMeetingRule } from '../public/public-meeting-rule.js';
import type { InvitationMeeting } from '../invitation/meeting-invitation.builder.js';
import type { AgendaMailKind } from '../mail/agenda-mail.jobs.js';

const hashOf = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A meeting as a calendar feed shows it: its invitation's meeting-level facts only, never an item's title or text. */
export type FeedMeeting = Omit<InvitationMeeting, 'items'> & {
  updatedAt: Date;
  /** The end of the agenda's last timed item (HH:MM), which ends a meeting without its own end, as in its invitation. */
  lastItemEnd: string | null;
};

/** The e-mails that invite a person to a meeting: whoever got one has the meeting in their calendar. */
const INVITING_KINDS: readonly AgendaMailKind[] = ['agenda', 'agenda-update'];

const FEED_COLUMNS = `mtg.id, c.name AS "committeeName", mtg.title, mtg.starts_at AS "startsAt", mtg.ends_at AS "endsAt", mtg.location,
  mtg.state, mtg.sequence, mtg.updated_at AS "updatedAt",
  (SELECT max(i.end_time) FROM agenda_item i WHERE i.meeting_id = mtg.id) AS "lastItemEnd"`;

/**
 * The meetings whose invitation has gone out: the agenda was sent (published, held, closed), or it was sent and the
 * meeting then cancelled, which calendars must learn too. A planned meeting has invited nobody yet.
 */
const INVITATION_SENT = `(mtg.state = ANY($2::text[]) OR (mtg.state = 'cancelled' AND mtg.published_at IS NOT NULL))`;

const MEETING_DAY = `(mtg.starts_at AT TIME ZONE 'Europe/Copenhagen')::date`;

/** The secret calendar addresses (one per person) and the meetings the feeds show. */
@Injectable()
export class CalendarFeedRepository {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly publicRule: PublicMeetingRule,
  ) {}

  /** A new address for the person, replacing any earlier one at once; the answer is the only place the token exists. */
  async issue(tx: Transaction, personId: string): Promise<{ token: string; createdAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const [row]: { createdAt: Date }[] = await tx.query(
      `INSERT INTO calendar_feed (person_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (person_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now()
       RETURNING created_at AS "createdAt"`,
      [personId, hashOf(token)],
    );
    return { token, createdAt: row.createdAt };
  }

  async createdAt(personId: string): Promise<Date | null> {
    const [row]: { createdAt: Date }[] = await this.unitOfWork.outside.query(`SELECT created_at AS "createdAt" FROM calendar_feed WHERE person_id = $1`, [personId]);
    return row?.createdAt ?? null;
  }

  /** Ends the person's address; false when they had none. */
  async end(tx: Transaction, personId: string): Promise<boolean> {
    const [, deleted]: [unknown[], number] = await tx.query(`DELETE FROM calendar_feed WHERE person_id = $1`, [personId]);
    return deleted > 0;
  }

  /** Whose address the token is, while they have a login; null for a token that is unknown, renewed or ended. */
  async personOf(token: string): Promise<string | null> {
    const [row]: { personId: string }[] = await this.unitOfWork.outside.query(
      `SELECT f.person_id AS "personId" FROM calendar_feed f ${PersonSql.join('p', 'f.person_id')} WHERE f.token_hash = $1 AND ${PersonSql.hasLogin('p')}`,
      [hashOf(token)],
    );
    return row?.personId ?? null;
  }

  /** The committee's name, or null when there is no such committee. */
  async committeeName(committeeId: string): Promise<string | null> {
    const [row]: { name: string }[] = await this.unitOfWork.outside.query(`SELECT c.name FROM ${CommitteeSql.table('c')} WHERE c.id = $1`, [committeeId]);
    return row?.name ?? null;
  }

  /**
   * The committee's meetings with an agenda sent since `since`, as the public may know them, in start order: none
   * past the public retention, which the public rule takes off the public record.
   */
  committeeMeetings(committeeId: string, since: Date): Promise<FeedMeeting[]> {
    return this.unitOfWork.outside.query(
      `SELECT ${FEED_COLUMNS} FROM meeting mtg ${CommitteeSql.join('c', 'mtg.committee_id')}
        WHERE mtg.committee_id = $1 AND ${INVITATION_SENT} AND ${this.publicRule.withinRetention('mtg')} AND mtg.starts_at >= $3 ORDER BY mtg.starts_at, mtg.id`,
      [committeeId, PUBLIC_MEETING_STATES, since],
    );
  }

  /**
   * The meetings since `since` the person is called to, as the invitations call them: those of every committee
   * they sit in on the meeting's day, and those they were sent the agenda of (a guest of the running phase).
   */
  personalMeetings(personId: string, since: Date): Promise<FeedMeeting[]> {
    return this.unitOfWork.outside.query(
      `SELECT ${FEED_COLUMNS} FROM meeting mtg ${CommitteeSql.join('c', 'mtg.committee_id')}
        WHERE ${INVITATION_SENT} AND mtg.starts_at >= $3
          AND (${SeatSql.holds({ person: '$1', committee: 'mtg.committee_id', day: MEETING_DAY })} OR ${DeliverySql.sentTo('$1', 'mtg.id', '$4::text[]')})
        ORDER BY mtg.starts_at, mtg.id`,
      [personId, PUBLIC_MEETING_STATES, since, INVITING_KINDS],
    );
  }
}
