import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { agendaNoticeDeadline, copenhagenDate, type IsoDate, type MembershipRole, todayInCopenhagen, WorkingDayCalendar } from '@app/domain';
import type { JobName, JobPayloads } from '@app/outbox';
import type { ReminderFacts } from './reminder-email.template.js';

export interface ReminderRecipient {
  personId: string;
  name: string;
  email: string;
}

/** A reminder whose reason still holds: whom to tell, what to say, and the meeting it belongs to, if any. */
export interface DueReminder {
  recipients: ReminderRecipient[];
  facts: ReminderFacts;
  /** Listed with the meeting's deliveries when the reminder is about a meeting. */
  meetingId: string | null;
}

export type ReminderCheck = DueReminder | { gone: string };

type ReminderPayload = JobPayloads[JobName.SendReminder];

interface MeetingRow {
  id: string;
  state: string;
  starts_at: Date;
  committee_id: string;
  committee_name: string;
  agenda_notice_working_days: number;
  closed_days: string[];
}

/**
 * Asks PostgreSQL, when a reminder is due, whether its reason still holds and who is to be told. The reason is
 * checked here rather than trusted from when it was scheduled: the agenda may have gone out, the kommissorium
 * been approved, the phase completed, the minutes signed.
 */
@Injectable()
export class ReminderReasonsRepository {
  private readonly base: string;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.base = config.PUBLIC_BASE_URL.replace(/\/+$/, '');
  }

  check(payload: ReminderPayload): Promise<ReminderCheck> {
    switch (payload.kind) {
      case 'agenda-deadline':
        return this.agendaDeadline(payload);
      case 'commission-approval':
        return this.commissionApproval(payload);
      case 'phase-ending':
        return this.phaseEnding(payload);
      case 'minutes-unsigned':
        return this.minutesUnsigned(payload);
    }
  }

  /** Whether the meeting's minutes are signed: the last signature seals them, so a seal means every signature is in. */
  async minutesSigned(meetingId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM minutes WHERE meeting_id = $1 AND sealed_hash IS NOT NULL`, [meetingId]);
    return rows.length > 0;
  }

  private async agendaDeadline({ subjectId, basis }: ReminderPayload): Promise<ReminderCheck> {
    const meeting = await this.meeting(subjectId);
    if (!meeting) return { gone: 'the meeting no longer exists' };
    if (meeting.state !== 'planned') return { gone: `the meeting is ${meeting.state}: the agenda went out or is no longer needed` };
    if (meeting.starts_at.toISOString() !== basis) return { gone: 'the meeting moved; the reminder for its new time replaced this one' };
    if (meeting.starts_at.getTime() <= Date.now()) return { gone: 'the meeting has begun' };
    const calendar = new WorkingDayCalendar(meeting.closed_days);
    return {
      recipients: await this.seated(meeting.committee_id, ['secretary', 'chair']),
      meetingId: meeting.id,
      facts: {
        kind: 'agenda-deadline',
        committeeName: meeting.committee_name,
        meetingStartsAt: meeting.starts_at,
        noticeDeadline: agendaNoticeDeadline(calendar, copenhagenDate(meeting.starts_at), meeting.agenda_notice_working_days),
        noticeWorkingDays: meeting.agenda_notice_working_days,
        url: `${this.base}/api/meetings/${meeting.id}`,
      },
    };
  }

  private async commissionApproval({ subjectId, basis }: ReminderPayload): Promise<ReminderCheck> {
    const [commission]: { id: string; state: string; row_version: number; title: string; version: number; approval_deadline: IsoDate | null; committee_name: string; submitted_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT k.id, k.state, k.row_version, k.title, k.version, to_char(k.approval_deadline, 'YYYY-MM-DD') AS approval_deadline, c.name AS committee_name,
                (SELECT max(t.at) FROM workflow_transition t WHERE t.workflow = 'commission' AND t.record_id = k.id AND t.event = 'submit') AS submitted_at
           FROM commission k JOIN committee c ON c.id = k.committee_id
          WHERE k.id = $1`,
        [subjectId],
      );
    if (!commission) return { gone: 'the kommissorium no longer exists' };
    if (commission.state !== 'submitted') return { gone: `the kommissorium is ${commission.state}, no longer awaiting approval` };
    if (String(commission.row_version) !== basis) return { gone: 'the kommissorium was returned and submitted again; that submission has its own reminder' };
    return {
      recipients: await this.people(`SELECT id AS "personId", name, email FROM person WHERE 'director' = ANY(roles) ORDER BY name`),
      meetingId: null,
      facts: {
        kind: 'commission-approval',
        committeeName: commission.committee_name,
        title: commission.title,
        version: commission.version,
        submittedOn: copenhagenDate(commission.submitted_at ?? new Date()),
        approvalDeadline: commission.approval_deadline,
        url: `${this.base}/api/commissions/${commission.id}`,
      },
    };
  }

  private async phaseEnding({ subjectId, basis }: ReminderPayload): Promise<ReminderCheck> {
    const [phase]: { id: string; state: string; title: string; end_date: IsoDate; committee_id: string; committee_name: string }[] = await this.dataSource.query(
      `SELECT p.id, p.state, p.title, to_char(p.end_date, 'YYYY-MM-DD') AS end_date, p.committee_id, c.name AS committee_name
         FROM phase p JOIN committee c ON c.id = p.committee_id
        WHERE p.id = $1`,
      [subjectId],
    );
    if (!phase) return { gone: 'the phase no longer exists' };
    if (phase.state !== 'active') return { gone: `the phase is ${phase.state}` };
    if (phase.end_date !== basis) return { gone: 'the phase was re-planned; the reminder for its new end replaced this one' };
    if (phase.end_date < todayInCopenhagen()) return { gone: 'the phase has already ended' };
    return {
      recipients: await this.seated(phase.committee_id, ['secretary', 'chair']),
      meetingId: null,
      facts: { kind: 'phase-ending', committeeName: phase.committee_name, phaseTitle: phase.title, endDate: phase.end_date, url: `${this.base}/api/phases/${phase.id}` },
    };
  }

  private async minutesUnsigned({ subjectId, basis }: ReminderPayload): Promise<ReminderCheck> {
    const meeting = await this.meeting(subjectId);
    if (!meeting) return { gone: 'the meeting no longer exists' };
    if (meeting.state !== 'held' && meeting.state !== 'closed') return { gone: `the meeting is ${meeting.state}` };
    if (meeting.starts_at.toISOString() !== basis) return { gone: 'the meeting’s time changed; the reminder for it replaced this one' };
    if (await this.minutesSigned(meeting.id)) return { gone: 'the minutes are signed' };
    return {
      recipients: await this.seated(meeting.committee_id, ['secretary']),
      meetingId: meeting.id,
      facts: { kind: 'minutes-unsigned', committeeName: meeting.committee_name, meetingStartsAt: meeting.starts_at, url: `${this.base}/api/meetings/${meeting.id}` },
    };
  }

  private async meeting(id: string): Promise<MeetingRow | undefined> {
    const [meeting]: MeetingRow[] = await this.dataSource.query(
      `SELECT m.id, m.state, m.starts_at, m.committee_id, c.name AS committee_name, c.agenda_notice_working_days, b.closed_days
         FROM meeting m JOIN committee c ON c.id = m.committee_id JOIN body b ON b.id = c.body_id
        WHERE m.id = $1`,
      [id],
    );
    return meeting;
  }

  /** Who holds one of the roles in the committee today; each person once, however many of the roles they hold. */
  private seated(committeeId: string, roles: readonly MembershipRole[]): Promise<ReminderRecipient[]> {
    return this.people(
      `SELECT p.id AS "personId", p.name, p.email FROM person p
        WHERE p.id IN (SELECT person_id FROM membership
                        WHERE committee_id = $1 AND role = ANY($2) AND start_date <= $3 AND (end_date IS NULL OR end_date >= $3))
        ORDER BY p.name`,
      [committeeId, roles, todayInCopenhagen()],
    );
  }

  private people(sql: string, parameters: unknown[] = []): Promise<ReminderRecipient[]> {
    return this.dataSource.query(sql, parameters);
  }
}
