import { redactItemForPublic, runningMeetingTime, SENT_LATE_MARK, timeSlot, WITHDRAWN_ITEM_MARK } from '@app/domain';
import { composeMail, type MailBlock, type MailContent } from '@app/mail';
import type { AgendaMailKind } from './agenda-mail.jobs.js';
import type { AgendaForMail } from './agenda-mail.repository.js';

export interface AgendaEmailInput {
  kind: AgendaMailKind;
  recipientName: string;
  agenda: AgendaForMail;
  meetingUrl: string;
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
 * after a change, or the cancellation. Items show number, title and time slot only.
 */
export function renderAgendaEmail({ kind, recipientName, agenda, meetingUrl }: AgendaEmailInput): MailContent {
  const name = agenda.title && agenda.title !== agenda.committeeName ? `${agenda.committeeName} (${agenda.title})` : agenda.committeeName;
  const when = runningMeetingTime(agenda.startsAt, agenda.endsAt);
  const blocks: MailBlock[] = [
    { text: `Kære ${recipientName}` },
    { text: OPENING[kind](name) },
    { lines: [`Tidspunkt: ${when}`, `Sted: ${agenda.location}`] },
    ...(kind === 'agenda-cancellation' ? [] : [{ heading: 'Dagsorden' }, { lines: agenda.items.map(itemLine) }]),
    { links: [{ label: 'Mødet', url: meetingUrl }] },
    { lines: ['Venlig hilsen', 'Udvalgssekretariatet'] },
  ];
  return composeMail(`${SUBJECT_PREFIX[kind]}: ${name}, ${when}`, blocks);
}
