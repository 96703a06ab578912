import type { MailContent } from '@app/mail';
import { escapeHtml } from '@app/mail';

export interface WelcomeEmailInput {
  name: string;
  email: string;
  publicBaseUrl: string;
}

/** The e-mail to a person who has just been given a login. Never carries the password. */
export function renderWelcomeEmail({ name, email, publicBaseUrl }: WelcomeEmailInput): MailContent {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const loginUrl = `${base}/api/auth/login`;
  const docsUrl = `${base}/api/docs`;
  const subject = 'Velkommen til udvalgsarbejdet';
  const text = [
    `Kære ${name}`,
    '',
    'Du har fået et login til udvalgsarbejdet, hvor du kan følge dine udvalg, møder, dagsordener og referater.',
    '',
    `Du logger ind med din e-mailadresse, ${email}, og den adgangskode, du har fået af udvalgssekretariatet. Af hensyn til sikkerheden står adgangskoden ikke i denne e-mail.`,
    '',
    `Log ind: ${loginUrl}`,
    `Vejledning til API'et: ${docsUrl}`,
    '',
    'Har du spørgsmål, er du velkommen til at kontakte udvalgssekretariatet.',
    '',
    'Venlig hilsen',
    'Udvalgssekretariatet',
    '',
  ].join('\n');
  const html = [
    `<p>Kære ${escapeHtml(name)}</p>`,
    '<p>Du har fået et login til udvalgsarbejdet, hvor du kan følge dine udvalg, møder, dagsordener og referater.</p>',
    `<p>Du logger ind med din e-mailadresse, ${escapeHtml(email)}, og den adgangskode, du har fået af udvalgssekretariatet. Af hensyn til sikkerheden står adgangskoden ikke i denne e-mail.</p>`,
    `<p>Log ind: <a href="${escapeHtml(loginUrl)}">${escapeHtml(loginUrl)}</a><br>`,
    `Vejledning til API'et: <a href="${escapeHtml(docsUrl)}">${escapeHtml(docsUrl)}</a></p>`,
    '<p>Har du spørgsmål, er du velkommen til at kontakte udvalgssekretariatet.</p>',
    '<p>Venlig hilsen<br>Udvalgssekretariatet</p>',
  ].join('\n');
  return { subject, text, html };
}
