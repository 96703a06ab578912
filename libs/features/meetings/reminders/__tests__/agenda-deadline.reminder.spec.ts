import { renderReminderEmail } from '@app/reminders';
import { agendaDeadlineReminderContent } from '../agenda-deadline.reminder.js';

describe('the reminder e-mail of an agenda not yet sent out', () => {
  it('tell the secretary and chair by when the agenda must reach the members', () => {
    const mail = renderReminderEmail(
      'Sekretær Sara',
      agendaDeadlineReminderContent({
        committeeName: 'Børne- og Ungeudvalget',
        meetingStartsAt: new Date('2027-02-02T16:00:00Z'),
        noticeDeadline: '2027-01-27',
        noticeWorkingDays: 4,
        url: 'https://udvalg.kommune.dk/moeder/m1',
      }),
    );
    expect(mail.subject).toBe('Påmindelse: dagsordenen til Børne- og Ungeudvalget er ikke udsendt');
    expect(mail.text).toContain('Kære Sekretær Sara');
    expect(mail.text).toContain('mødet i Børne- og Ungeudvalget tirsdag den 2. februar 2027 kl. 17.00 er endnu ikke udsendt');
    expect(mail.text).toContain('senest onsdag den 27. januar 2027, 4 hverdage før mødet (jf. Kommunestyrelsesloven § 8, stk. 4)');
    expect(mail.text).toContain('Mødet: https://udvalg.kommune.dk/moeder/m1');
  });
});
