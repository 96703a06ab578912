import { escapeHtml } from '@app/domain';
import type { MailContent } from '@app/mail';

export interface MinutesPublishedEmailInput {
  name: string;
  committeeName: string;
  /** "Fredag d. 02. februar 2024 kl. 09:30" */
  meetingDate: string;
  publicUrl: string;
  membersUrl: string;
}

/** Tells a member the minutes are published: the public link, and the members' version with the closed items. */
export function renderMinutesPublishedEmail({ name, committeeName, meetingDate, publicUrl, membersUrl }: MinutesPublishedEmailInput): MailContent {
  const subject = `Referat offentliggjort: ${committeeName}, møde ${meetingDate}`;
  const text = [
    `Kære ${name}`,
    '',
    `Referatet fra mødet i ${committeeName} ${meetingDate} er underskrevet og offentliggjort.`,
    '',
    `Den offentlige udgave: ${publicUrl}`,
    `Udgaven til udvalgets medlemmer, med lukkede punkter (kræver login): ${membersUrl}`,
    '',
    'Venlig hilsen',
    'Udvalgssekretariatet',
    '',
  ].join('\n');
  const html = [
    `<p>Kære ${escapeHtml(name)}</p>`,
    `<p>Referatet fra mødet i ${escapeHtml(committeeName)} ${escapeHtml(meetingDate)} er underskrevet og offentliggjort.</p>`,
    `<p>Den offentlige udgave: <a href="${escapeHtml(publicUrl)}">${escapeHtml(publicUrl)}</a><br>`,
    `Udgaven til udvalgets medlemmer, med lukkede punkter (kræver login): <a href="${escapeHtml(membersUrl)}">${escapeHtml(membersUrl)}</a></p>`,
    '<p>Venlig hilsen<br>Udvalgssekretariatet</p>',
  ].join('\n');
  return { subject, text, html };
}
