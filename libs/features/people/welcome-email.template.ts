import { WebPages } from '@app/config';
import { composeMail, type MailContent } from '@app/mail';

export interface WelcomeEmailInput {
  name: string;
  email: string;
  publicBaseUrl: string;
  /** The single-use token of the link to choose a password. */
  passwordToken: string;
  /** How long the link works, in hours. */
  validHours: number;
}

/** How long a link works, as the e-mail says it. */
export function validityInDanish(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? '1 døgn' : `${hours / 24} dage`;
  return hours === 1 ? '1 time' : `${hours} timer`;
}

/** The e-mail to a person who has just been given a login: a link to choose their own password, never a password. */
export function renderWelcomeEmail({ name, email, publicBaseUrl, passwordToken, validHours }: WelcomeEmailInput): MailContent {
  const pages = new WebPages(publicBaseUrl);
  return composeMail('Velkommen til udvalgsarbejdet', [
    { text: `Kære ${name}` },
    { text: 'Du har fået et login til udvalgsarbejdet, hvor du kan følge dine udvalg, møder, dagsordener og referater.' },
    {
      text: `Du logger ind med din e-mailadresse, ${email}, og en adgangskode, som du selv vælger. Linket herunder virker i ${validityInDanish(validHours)} og kun én gang.`,
    },
    {
      links: [
        { label: 'Vælg din adgangskode', url: pages.newPassword(passwordToken) },
        { label: 'Udvalgsarbejdet', url: pages.home() },
      ],
    },
    { text: 'Har du spørgsmål, er du velkommen til at kontakte udvalgssekretariatet.' },
    { lines: ['Venlig hilsen', 'Udvalgssekretariatet'] },
  ]);
}
