import { composeMail, type MailContent } from '@app/mail';
import type { ReminderContent } from './reminder-kind.js';

/** The e-mail of a reminder, in Danish, to one recipient: the feature's content in the frame every reminder shares. */
export function renderReminderEmail(recipientName: string, { subject, body, link }: ReminderContent): MailContent {
  return composeMail(subject, [
    { text: `Kære ${recipientName}` },
    ...body,
    { links: [link] },
    { text: 'Denne påmindelse sendes automatisk fra udvalgsarbejdet.' },
    { lines: ['Venlig hilsen', 'Udvalgssekretariatet'] },
  ]);
}
