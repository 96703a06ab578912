import { redactItemForPublic, runningMeetingTime, SENT_LATE_MARK, timeSlot, WITHDRAWN_ITEM_MARK } from '@app/domain';
import { addressMail, composeMailForMany, type MailBlock, type MailContent, type MailForMany } from '@app/mail';
import type { AgendaMailKind } from './agenda-mail.jobs.js';
import type { AgendaForMail } from './agenda-mail.repository.js';

export interface AgendaRoundInput {
  kind: AgendaMailKind;
  agenda: AgendaForMail;
  meetingUrl: string;
}

export interface AgendaEmailInput extends AgendaRoundInput {
  recipientName: string;
}

/**
 * "1. Status på partnerskaber (kl. 9.30-10.30)", followed by "– Punktet udgår" or "– Eftersendt" where that is so.
 * E-mail leaves the system for mailboxes it cannot protect, so a closed item goes through the public redaction:
 * its number, its time slot and "Lukket punkt: <public title>", never its title (a mail can be forwarded).
 */
function itemLine(agendaItem: AgendaForMail['items'][number]): string {
  const item = redactItemForPublic(agendaItem);
  const slot = timeSlot(item.startTime, item.endTime);
  const mark = agendaItem.state === 'withdrawn' ? WITHDRAWN_ITEM_MARK : agendaItem.sentLateAt ? SENT_LATE_MARK : null;
  return `${item.number}. ${item.title}${slot ? ` (${slot})` : ''}${mark ? ` – ${mark}` : ''}`;
}

const OPENING: Record<AgendaMailKind, (committee: string) => string> = {
  agenda: (committee) => `Dagsordenen til mødet i ${committee} er udsendt. Invitationen til din kalender er vedhæftet.`,
  'agenda-update': (committee) =>
    `Mødet i ${committee} er ændret efter udsendelsen. Her er den gældende dagsorden; den vedhæftede invitation opdaterer mødet i din kalender.`,
  'agenda-cancellation': (committee) => `Mødet i ${committee} er aflyst. Den vedhæftede aflysning fjerner mødet fra din kalender.`,
};

const SUBJECT_PREFIX: Record<AgendaMailKind, string> = { agenda: 'Dagsorden', 'agenda-update': 'Ændret dagsorden', 'agenda-cancellation': 'Aflyst' };

/**
 * The e-mail members get about a meeting, in Danish: the agenda when it is published, the agenda as it now stands
 * after a change, or the cancellation. Items show number, title and time slot only. Rendered once for a round's
 * members, each member's name put in as it goes to them (addressMail).
 */
export function renderAgendaRound({ kind, agenda, meetingUrl }: AgendaRoundInput): MailForMany {
  const name = agenda.title && agenda.title !== agenda.committeeName ? `${agenda.committeeName} (${agenda.title})` : agenda.committeeName;
  const when = runningMeetingTime(agenda.startsAt, agenda.endsAt);
  const lines = kind === 'agenda-cancellation' ? [] : agenda.items.map(itemLine);
  return composeMailForMany(`${SUBJECT_PREFIX[kind]}: ${name}, ${when}`, (recipientName): MailBlock[] => [
    { text: `Kære ${recipientName}` },
    { text: OPENING[kind](name) },
    { lines: [`Tidspunkt: ${when}`, `Sted: ${agenda.location}`] },
    ...(kind === 'agenda-cancellation' ? [] : [{ heading: 'Dagsorden' }, { lines }]),
    { links: [{ label: 'Mødet', url: meetingUrl }] },
    { lines: ['Venlig hilsen', 'Udvalgssekretariatet'] },
  ]);
}

/** The e-mail about a meeting to one member. */
export function renderAgendaEmail({ recipientName, ...round }: AgendaEmailInput): MailContent {
  return addressMail(renderAgendaRound(round), recipientName);
}
