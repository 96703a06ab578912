import type { DeliveryIdentity } from '@app/mail';
import { defineJobs, type JobPayloads, QueueName } from '@app/outbox';

/** What a meeting's members are sent: the agenda when it is published, an update after a change, a cancellation. */
export type AgendaMailKind = 'agenda' | 'agenda-update' | 'agenda-cancellation';

declare module '@app/outbox' {
  interface JobPayloads {
    /** Read when it runs: the recipients and the meeting's SEQUENCE as they are then. */
    'fan-out-agenda-mail': { meetingId: string; kind: AgendaMailKind };
    /**
     * `fromRound`: written by a round's fan-out, which rendered the e-mail for all its members (agenda_mail_round); an
     * e-mail of no round (a substitute called in, who is on the invitation the round's members got without them) is
     * rendered when it is sent.
     */
    'send-agenda-mail': { meetingId: string; personId: string; kind: AgendaMailKind; sequence: number; fromRound?: boolean };
  }
}

export const AGENDA_MAIL_JOBS = defineJobs({ 'fan-out-agenda-mail': QueueName.FanOut, 'send-agenda-mail': QueueName.Mail });

/** One member's e-mail of a round: once per meeting, person and SEQUENCE. */
export function agendaMailDelivery({ meetingId, personId, kind, sequence }: JobPayloads['send-agenda-mail']): DeliveryIdentity {
  return { key: `${kind}:${meetingId}:${personId}:${sequence}`, kind, personId, subjectId: meetingId, sequence };
}
