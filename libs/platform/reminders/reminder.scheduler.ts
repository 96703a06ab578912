import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import type { Transaction } from '@app/database';
import { copenhagenInstant } from '@app/domain';
import { OutboxService } from '@app/outbox';
import type { ReminderKind, ReminderSubjects } from './reminder-kind.js';
import { ReminderRegistry } from './reminder-registry.js';

/** The outbox key of a subject's reminder of a kind: scheduling again replaces it, so a moved date moves the reminder. */
export function reminderKey(kind: string, subjectId: string): string {
  return `reminder:${kind}:${subjectId}`;
}

/**
 * Schedules reminders as outbox rows due at REMINDER_TIME on the working day their feature computes. Called in the
 * transaction of the change that gives the reminder its reason or moves its date; a day already past is due at
 * once. Whether the reason still holds is asked again when the reminder is due.
 */
@Injectable()
export class ReminderScheduler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly registry: ReminderRegistry,
    private readonly config: AppConfig,
  ) {}

  /**
   * Schedules (or moves) the reminder of the kind about the subject, on the day its feature computes; when the
   * feature finds the reminder's deadline already past, a pending one is dropped and none is scheduled.
   */
  async schedule<K extends ReminderKind>(tx: Transaction, kind: K, subject: ReminderSubjects[K] & { id: string }): Promise<void> {
    const day = await this.registry.of(kind).dayOf(tx, subject);
    if (!day) return this.cancel(tx, kind, subject.id);
    const { dueOn, basis } = day;
    const dueAt = copenhagenInstant(dueOn, this.config.REMINDER_TIME);
    const now = new Date();
    await this.outbox.add(tx, 'send-reminder', { kind, subjectId: subject.id, dueOn, basis }, { dedupeKey: reminderKey(kind, subject.id), availableAt: dueAt > now ? dueAt : now });
  }

  /** Drops a pending reminder whose reason this change took away (the agenda went out, the minutes were signed). */
  async cancel(tx: Transaction, kind: ReminderKind, subjectId: string): Promise<void> {
    await this.outbox.cancel(tx, reminderKey(kind, subjectId));
  }
}
