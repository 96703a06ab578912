import { Injectable, type Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Transaction } from '@app/database';
import type { IsoDate } from '@app/domain';
import type { LetterContent } from '@app/mail';

/**
 * The subject each kind of reminder is scheduled for, by kind. Empty here: the feature that owns a kind adds it
 * by module augmentation (`declare module '@app/reminders' { interface ReminderSubjects { 'x': {...} } }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the owners of the reminder kinds
export interface ReminderSubjects {}

export type ReminderKind = keyof ReminderSubjects & string;

/** A reminder as the outbox holds it until it is due. */
export interface ScheduledReminder {
  kind: ReminderKind;
  subjectId: string;
  dueOn: IsoDate;
  /**
   * What the day was computed from (a start, an end date, a row version): when it has changed, the subject moved
   * and a reminder for the new day replaced this one.
   */
  basis: string;
}

export interface ReminderRecipient {
  personId: string;
  name: string;
  email: string;
}

/** What a reminder says: its subject line, the paragraphs about its reason, and the link to what it is about. */
export type ReminderContent = LetterContent;

/** A reminder whose reason still holds: whom to tell, what to say, and whose deliveries list it. */
export interface DueReminder {
  recipients: ReminderRecipient[];
  content: ReminderContent;
  /** The record whose deliveries list the reminder's e-mails (the meeting of a reminder about one); its own subject when null. */
  listedUnder: string | null;
}

export type ReminderCheck = DueReminder | { gone: string };

/** The day a reminder falls on (a working day of the committee's body) and what it was computed from. */
export interface ReminderDay {
  dueOn: IsoDate;
  basis: string;
}

/**
 * One kind of reminder as its feature feeds it to the engine: when it falls, and, asked again when it is due,
 * whether its reason still holds (it is checked then rather than trusted from when it was scheduled).
 */
export interface ReminderKindOf<K extends ReminderKind> {
  /** Null when the reminder has no day left to be of use (the deadline it warns of is already past): none is sent. */
  dayOf(tx: Transaction, subject: ReminderSubjects[K]): Promise<ReminderDay | null>;
  check(reminder: ScheduledReminder): Promise<ReminderCheck>;
}

/** Carries the kind for discovery at start-up; use Reminds, which also types the class. */
export const ReminderKindMetadata = DiscoveryService.createDecorator<string>();

/** Marks an injectable class as the one that feeds the engine the reminders of a kind. */
export function Reminds<K extends ReminderKind>(kind: K) {
  return (target: Type<ReminderKindOf<K>>): void => {
    Injectable()(target);
    ReminderKindMetadata(kind)(target);
  };
}
