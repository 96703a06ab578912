import { renderReminderEmail } from '../reminder-email.template.js';

describe('the reminder e-mails', () => {
  it('tell the secretary and chair by when the agenda must reach the members', () => {
    const mail = renderReminderEmail('Sekretær Sara', {
      kind: 'agenda-deadline',
      committeeName: 'Børne- og Ungeudvalget',
      meetingStartsAt: new Date('2027-02-02T16:00:00Z'),
      noticeDeadline: '2027-01-27',
      noticeWorkingDays: 4,
      url: 'https://udvalg.kommune.dk/api/meetings/m1',
    });
    expect(mail.subject).toBe('Påmindelse: dagsordenen til Børne- og Ungeudvalget er ikke udsendt');
    expect(mail.text).toContain('Kære Sekretær Sara');
    expect(mail.text).toContain('mødet i Børne- og Ungeudvalget tirsdag den 2. februar 2027 kl. 17.00 er endnu ikke udsendt');
    expect(mail.text).toContain('senest onsdag den 27. januar 2027, 4 hverdage før mødet (jf. Kommunestyrelsesloven § 8, stk. 4)');
    expect(mail.text).toContain('Mødet: https://udvalg.kommune.dk/api/meetings/m1');
  });

  it('tell the directors what awaits their approval, with the deadline when there is one', () => {
    const facts = { kind: 'commission-approval', committeeName: 'Social Omsorg', title: 'Kommissorium <udkast>', version: 2, submittedOn: '2027-03-01', url: 'u' } as const;
    const withDeadline = renderReminderEmail('Direktør Dorthe', { ...facts, approvalDeadline: '2027-03-10' });
    expect(withDeadline.text).toContain('Kommissoriet "Kommissorium <udkast>" (version 2) for Social Omsorg blev indsendt mandag den 1. marts 2027');
    expect(withDeadline.text).toContain('Fristen for godkendelsen er onsdag den 10. marts 2027.');
    expect(withDeadline.html).toContain('Kommissorium &lt;udkast&gt;');
    expect(renderReminderEmail('Direktør Dorthe', { ...facts, approvalDeadline: null }).text).not.toContain('Fristen');
  });

  it('tell of a phase about to end and of unsigned minutes', () => {
    const phase = renderReminderEmail('S', { kind: 'phase-ending', committeeName: 'Social Omsorg', phaseTitle: 'Partnerskaber', endDate: '2027-06-30', url: 'u' });
    expect(phase.text).toContain('Fasen "Partnerskaber" i procesplanen for Social Omsorg er stadig i gang og slutter onsdag den 30. juni 2027.');
    const minutes = renderReminderEmail('S', { kind: 'minutes-unsigned', committeeName: 'Social Omsorg', meetingStartsAt: new Date('2027-06-01T07:00:00Z'), url: 'u' });
    expect(minutes.subject).toBe('Påmindelse: referatet fra Social Omsorg er ikke underskrevet');
    expect(minutes.text).toContain('tirsdag den 1. juni 2027 kl. 9.00');
  });
});
