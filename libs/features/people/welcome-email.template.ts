import { composeMail, type MailContent } from '@app/mail';

export interface WelcomeEmailInput {
  name: string;
  email: string;
  publicBaseUrl: string;
}

/** The e-mail to a person who has just been given a login. Never carries the password. */
export function renderWelcomeEmail({ name, email, publicBaseUrl }: WelcomeEmailInput): MailContent {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return composeMail('Velkommen til udvalgsarbejdet', [
    { text: `Kære ${name}` },
    { text: 'Du har fået et login til udvalgsarbejdet, hvor du kan følge dine udvalg, møder, dagsordener og referater.' },
    {
      text: `Du logger ind med din e-mailadresse, ${email}, og den adgangskode, du har fået af udvalgssekretariatet. Af hensyn til sikkerheden står adgangskoden ikke i denne e-mail.`,
    },
    {
      links: [
        { label: 'Log ind', url: `${base}/api/auth/login` },
        { label: "Vejledning til API'et", url: `${base}/api/docs` },
      ],
    },
    { text: 'Har du spørgsmål, er du velkommen til at kontakte udvalgssekretariatet.' },
    { lines: ['Venlig hilsen', 'Udvalgssekretariatet'] },
  ]);
}
