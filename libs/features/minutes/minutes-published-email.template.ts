import { composeMail, type MailContent } from '@app/mail';

export interface MinutesPublishedEmailInput {
  name: string;
  committeeName: string;
  /** In running text, so lower-case mid-sentence: "fredag den 2. februar 2024 kl. 9.30" */
  meetingDate: string;
  publicUrl: string;
  membersUrl: string;
}

/** Tells a member the minutes are published: the public link, and the members' version with the closed items. */
export function renderMinutesPublishedEmail({ name, committeeName, meetingDate, publicUrl, membersUrl }: MinutesPublishedEmailInput): MailContent {
  return composeMail(`Referat offentliggjort: ${committeeName}, møde ${meetingDate}`, [
    { text: `Kære ${name}` },
    { text: `Referatet fra mødet i ${committeeName} ${meetingDate} er underskrevet og offentliggjort.` },
    {
      links: [
        { label: 'Den offentlige udgave på den offentlige portal', url: publicUrl },
        { label: 'Mødet med referatet til udvalgets medlemmer, med lukkede punkter (kræver login)', url: membersUrl },
      ],
    },
    { lines: ['Venlig hilsen', 'Udvalgssekretariatet'] },
  ]);
}
