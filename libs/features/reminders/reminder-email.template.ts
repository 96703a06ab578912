import { danishDateTime, danishLongDate, type IsoDate } from '@app/domain';
import { composeMail, type MailBlock, type MailContent } from '@app/mail';

/** What each reminder says, read from PostgreSQL when the reminder is due. */
export type ReminderFacts =
  | { kind: 'agenda-deadline'; committeeName: string; meetingStartsAt: Date; noticeDeadline: IsoDate; noticeWorkingDays: number; url: string }
  | { kind: 'commission-approval'; committeeName: string; title: string; version: number; submittedOn: IsoDate; approvalDeadline: IsoDate | null; url: string }
  | { kind: 'phase-ending'; committeeName: string; phaseTitle: string; endDate: IsoDate; url: string }
  | { kind: 'minutes-unsigned'; committeeName: string; meetingStartsAt: Date; url: string };

function content(facts: ReminderFacts): { subject: string; body: MailBlock[]; linkLabel: string } {
  switch (facts.kind) {
    case 'agenda-deadline':
      return {
        subject: `Påmindelse: dagsordenen til ${facts.committeeName} er ikke udsendt`,
        body: [
          { text: `Dagsordenen til mødet i ${facts.committeeName} ${danishDateTime(facts.meetingStartsAt)} er endnu ikke udsendt.` },
          {
            text: `Medlemmerne skal have dagsordenen senest ${danishLongDate(facts.noticeDeadline)}, ${facts.noticeWorkingDays} hverdage før mødet (jf. Kommunestyrelsesloven § 8, stk. 4). Godkend og udsend den inden da.`,
          },
        ],
        linkLabel: 'Mødet',
      };
    case 'commission-approval':
      return {
        subject: `Påmindelse: kommissoriet for ${facts.committeeName} afventer godkendelse`,
        body: [
          { text: `Kommissoriet "${facts.title}" (version ${facts.version}) for ${facts.committeeName} blev indsendt ${danishLongDate(facts.submittedOn)} og afventer stadig direktionens godkendelse.` },
          ...(facts.approvalDeadline ? [{ text: `Fristen for godkendelsen er ${danishLongDate(facts.approvalDeadline)}.` }] : []),
          { text: 'Godkend kommissoriet, eller send det tilbage til sekretariatet med en begrundelse.' },
        ],
        linkLabel: 'Kommissoriet',
      };
    case 'phase-ending':
      return {
        subject: `Påmindelse: fasen "${facts.phaseTitle}" slutter snart`,
        body: [
          { text: `Fasen "${facts.phaseTitle}" i procesplanen for ${facts.committeeName} er stadig i gang og slutter ${danishLongDate(facts.endDate)}.` },
          { text: 'Afslut fasen, når arbejdet er gjort, eller planlæg den om, hvis den skal fortsætte.' },
        ],
        linkLabel: 'Fasen',
      };
    case 'minutes-unsigned':
      return {
        subject: `Påmindelse: referatet fra ${facts.committeeName} er ikke underskrevet`,
        body: [
          { text: `Referatet fra mødet i ${facts.committeeName} ${danishDateTime(facts.meetingStartsAt)} er endnu ikke underskrevet.` },
          { text: 'Sørg for, at referatet bliver godkendt og underskrevet af dem, der deltog i mødet.' },
        ],
        linkLabel: 'Mødet',
      };
  }
}

/** The e-mail of a reminder, in Danish, to one recipient. */
export function renderReminderEmail(recipientName: string, facts: ReminderFacts): MailContent {
  const { subject, body, linkLabel } = content(facts);
  return composeMail(subject, [
    { text: `Kære ${recipientName}` },
    ...body,
    { links: [{ label: linkLabel, url: facts.url }] },
    { text: 'Denne påmindelse sendes automatisk fra udvalgsarbejdet.' },
    { lines: ['Venlig hilsen', 'Udvalgssekretariatet'] },
  ]);
}
