import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import {
  agendaDeadlineReminderDay,
  commissionApprovalReminderDay,
  copenhagenDate,
  copenhagenInstant,
  type IsoDate,
  minutesUnsignedReminderDay,
  phaseEndingReminderDay,
  type ReminderKind,
  type ReminderOffsets,
  todayInCopenhagen,
  WorkingDayCalendar,
} from '@app/domain';
import { JobName, OutboxService } from '@app/outbox';

/** The outbox key of a subject's reminder of a kind: scheduling again replaces it, so a moved date moves the reminder. */
export function reminderKey(kind: ReminderKind, subjectId: string): string {
  return `reminder:${kind}:${subjectId}`;
}

/**
 * Schedules reminders as outbox rows due at REMINDER_TIME on their working day, computed on the calendar of the
 * committee's body. Called in the transaction of the change that gives the reminder its reason or moves its date;
 * a day already past is due at once. Whether the reason still holds is asked again when the reminder is due.
 */
@Injectable()
export class ReminderScheduler {
  private readonly offsets: ReminderOffsets;

  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {
    this.offsets = {
      agendaDeadline: config.REMINDER_AGENDA_DEADLINE_WORKING_DAYS,
      commissionApproval: config.REMINDER_COMMISSION_APPROVAL_WORKING_DAYS,
      phaseEnding: config.REMINDER_PHASE_ENDING_WORKING_DAYS,
      minutesUnsigned: config.REMINDER_MINUTES_UNSIGNED_WORKING_DAYS,
    };
  }

  /** For a planned meeting: the secretary and chair hear of an agenda still unpublished a working day before its notice deadline. */
  async scheduleAgendaDeadline(manager: EntityManager, meeting: { id: string; committeeId: string; startsAt: Date }): Promise<void> {
    const { calendar, agendaNoticeWorkingDays } = await this.committeeCalendar(manager, meeting.committeeId);
    const day = agendaDeadlineReminderDay(calendar, copenhagenDate(meeting.startsAt), agendaNoticeWorkingDays, this.offsets);
    await this.schedule(manager, 'agenda-deadline', meeting.id, day, meeting.startsAt.toISOString());
  }

  /** For a kommissorium just submitted (`rowVersion` after the submission): the directors hear of it on its deadline. */
  async scheduleCommissionApproval(
    manager: EntityManager,
    commission: { id: string; committeeId: string; rowVersion: number; approvalDeadline: IsoDate | null },
  ): Promise<void> {
    const { calendar } = await this.committeeCalendar(manager, commission.committeeId);
    const day = commissionApprovalReminderDay(calendar, todayInCopenhagen(), commission.approvalDeadline, this.offsets);
    await this.schedule(manager, 'commission-approval', commission.id, day, String(commission.rowVersion));
  }

  /** For a phase that is active (started, or re-planned while active): the secretary and chair hear before it ends. */
  async schedulePhaseEnding(manager: EntityManager, phase: { id: string; committeeId: string; endDate: IsoDate }): Promise<void> {
    const { calendar } = await this.committeeCalendar(manager, phase.committeeId);
    await this.schedule(manager, 'phase-ending', phase.id, phaseEndingReminderDay(calendar, phase.endDate, this.offsets), phase.endDate);
  }

  /** For a meeting just held: the secretary hears of minutes still unsigned some working days later. */
  async scheduleMinutesSignature(manager: EntityManager, meeting: { id: string; committeeId: string; startsAt: Date }): Promise<void> {
    const { calendar } = await this.committeeCalendar(manager, meeting.committeeId);
    const day = minutesUnsignedReminderDay(calendar, copenhagenDate(meeting.startsAt), this.offsets);
    await this.schedule(manager, 'minutes-unsigned', meeting.id, day, meeting.startsAt.toISOString());
  }

  /** Drops a pending reminder whose reason this change took away (the agenda went out, the minutes were signed). */
  async cancel(manager: EntityManager, kind: ReminderKind, subjectId: string): Promise<void> {
    await this.outbox.cancel(manager, reminderKey(kind, subjectId));
  }

  private async schedule(manager: EntityManager, kind: ReminderKind, subjectId: string, dueOn: IsoDate, basis: string): Promise<void> {
    const dueAt = copenhagenInstant(dueOn, this.config.REMINDER_TIME);
    const now = new Date();
    await this.outbox.add(manager, JobName.SendReminder, { kind, subjectId, dueOn, basis }, { dedupeKey: reminderKey(kind, subjectId), availableAt: dueAt > now ? dueAt : now });
  }

  private async committeeCalendar(manager: EntityManager, committeeId: string): Promise<{ calendar: WorkingDayCalendar; agendaNoticeWorkingDays: number }> {
    const [row]: { closed_days: string[]; agenda_notice_working_days: number }[] = await manager.query(
      `SELECT b.closed_days, c.agenda_notice_working_days FROM committee c JOIN body b ON b.id = c.body_id WHERE c.id = $1`,
      [committeeId],
    );
    return { calendar: new WorkingDayCalendar(row.closed_days), agendaNoticeWorkingDays: row.agenda_notice_working_days };
  }
}
