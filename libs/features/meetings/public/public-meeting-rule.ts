import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { MEETING_PUBLIC, type MeetingState, PUBLIC_MEETING_STATES } from '@app/domain';

const PUBLIC_STATES = `'{${PUBLIC_MEETING_STATES.join(',')}}'::text[]`;

/**
 * The one rule of what about a meeting is public, for every public reader (the portal, the public minutes and
 * agenda documents, the committees' calendar feeds, OParl): its agenda has been sent (published, held or closed),
 * and, with PUBLIC_RETENTION_YEARS set, the meeting is younger than that many years. An older one is depublished,
 * not deleted. The SQL fragments take the alias of a `meeting` row of the composing statement; `holds` answers the
 * same for a meeting already read.
 */
@Injectable()
export class PublicMeetingRule {
  private readonly retentionYears: number | null;

  constructor(config: AppConfig) {
    this.retentionYears = config.PUBLIC_RETENTION_YEARS ?? null;
  }

  /** Whether the meeting is public now. */
  isPublic(alias: string): string {
    return `(${alias}.state = ANY(${PUBLIC_STATES}) AND ${this.withinRetention(alias)})`;
  }

  /** Whether the meeting is younger than the retention (always, without one): older ones the public no longer sees at all. */
  withinRetention(alias: string): string {
    return this.retentionYears === null ? 'true' : `${alias}.starts_at > now() - interval '${this.retentionYears} years'`;
  }

  /** When the retention took the meeting off the public record, or NULL while it has not: a change for OParl's `modified`. */
  retentionEndedAt(alias: string): string {
    if (this.retentionYears === null) return 'NULL::timestamptz';
    const end = `(${alias}.starts_at + interval '${this.retentionYears} years')`;
    return `(CASE WHEN ${end} <= now() THEN ${end} END)`;
  }

  holds(meeting: { state: MeetingState; startsAt: Date | string }, now = new Date()): boolean {
    if (!MEETING_PUBLIC.has(meeting.state)) return false;
    if (this.retentionYears === null) return true;
    const end = new Date(meeting.startsAt);
    end.setUTCFullYear(end.getUTCFullYear() + this.retentionYears);
    return end > now;
  }
}
