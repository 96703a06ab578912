import type { IsoDate, ReminderKind } from '@app/domain';

/** The queues; work with different needs (mail, documents, reminders) gets its own. */
export enum QueueName {
  Mail = 'mail',
  /** Splits one e-mail to many into one job per recipient; kept apart so a big fan-out never waits behind the e-mails of another. */
  FanOut = 'fan-out',
  Reminders = 'reminders',
  /** Minutes assembly: CPU-heavy PDF rendering, kept off the mail queue so e-mails never wait behind it. */
  Documents = 'documents',
}

export enum JobName {
  SendWelcomeEmail = 'send-welcome-email',
  FanOutAgendaMail = 'fan-out-agenda-mail',
  SendAgendaMail = 'send-agenda-mail',
  SendReminder = 'send-reminder',
  AssembleMinutes = 'assemble-minutes',
  SendMinutesPublishedMail = 'send-minutes-published-mail',
}

/** Which queue carries each job. */
export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.SendWelcomeEmail]: QueueName.Mail,
  [JobName.FanOutAgendaMail]: QueueName.FanOut,
  [JobName.SendAgendaMail]: QueueName.Mail,
  [JobName.SendReminder]: QueueName.Reminders,
  [JobName.AssembleMinutes]: QueueName.Documents,
  [JobName.SendMinutesPublishedMail]: QueueName.Mail,
};

/** How each queue's worker runs; a new queue is its enum member plus its line here, and gets its processor from that. */
export const QUEUE_SETTINGS: Record<QueueName, { concurrency: number }> = {
  [QueueName.Mail]: { concurrency: 20 },
  [QueueName.FanOut]: { concurrency: 2 },
  [QueueName.Reminders]: { concurrency: 2 },
  [QueueName.Documents]: { concurrency: 1 },
};

/** What a meeting's members are sent: the agenda when it is published, an update after a change, a cancellation. */
export type AgendaMailKind = 'agenda' | 'agenda-update' | 'agenda-cancellation';

/** The payload of every job, by name. */
export interface JobPayloads {
  [JobName.SendWelcomeEmail]: { personId: string };
  /** Read when it runs: the recipients and the meeting's SEQUENCE as they are then. */
  [JobName.FanOutAgendaMail]: { meetingId: string; kind: AgendaMailKind };
  [JobName.SendAgendaMail]: { meetingId: string; personId: string; kind: AgendaMailKind; sequence: number };
  /**
   * `basis` is what the day was computed from (the meeting's start, the phase's end, the kommissorium's row version):
   * when it has changed, the subject moved and a reminder for the new day replaced this one.
   */
  [JobName.SendReminder]: { kind: ReminderKind; subjectId: string; dueOn: IsoDate; basis: string };
  /** `generation` is the assembly request it answers; a newer request makes this job a no-op. */
  [JobName.AssembleMinutes]: { meetingId: string; generation: number };
  [JobName.SendMinutesPublishedMail]: { meetingId: string; personId: string };
}

export type JobPayload = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];
