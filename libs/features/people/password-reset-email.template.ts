import { WebPages } from '@app/config';
import { composeMail, type MailContent } from '@app/mail';

export interface PasswordResetEmailInput {
  name: string;
  publicBaseUrl: string;
  passwordToken: string;
  /** How long the link works, in minutes. */
  validMinutes: number;
}

/** The e-mail with a link to choose a new password, to someone who asked for it (or whose address someone typed). */
export function renderPasswordResetEmail({ name, publicBaseUrl, passwordToken, validMinutes }: PasswordResetEmailInput): MailContent {
  return composeMail('Ny adgangskode til udvalgsarbejdet', [
    { text: `Kære ${name}` },
    { text: `Vi har fået en anmodning om en ny adgangskode til dit login. Linket herunder virker i ${validMinutes} minutter og kun én gang.` },
    { links: [{ label: 'Vælg en ny adgangskode', url: new WebPages(publicBaseUrl).newPassword(passwordToken) }] },
    { text: 'Har du ikke bedt om en ny adgangskode, kan du se bort fra denne e-mail: din adgangskode er den samme som før.' },
    { lines: ['Venlig hilsen', 'Udvalgssekretariatet'] },
  ]);
}
