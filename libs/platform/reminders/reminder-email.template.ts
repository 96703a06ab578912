import { composeLetter, type MailContent } from '@app/mail';
import type { ReminderContent } from './reminder-kind.js';

/** The e-mail of a reminder, in Danish, to one recipient: the feature's content in the frame every reminder shares. */
export function renderReminderEmail(recipientName: string, content: ReminderContent): MailContent {
  return composeLetter(recipientName, content, 'Denne påmindelse sendes automatisk fra udvalgsarbejdet.');
}
