import { renderReminderEmail } from '@app/reminders';
import { commissionApprovalReminderContent } from '../commission-approval.reminder.js';

describe('the reminder e-mail of a kommissorium awaiting approval', () => {
  it('tell the directors what awaits their approval, with the deadline when there is one', () => {
    const facts = { committeeName: 'Social Omsorg', title: 'Kommissorium <udkast>', version: 2, submittedOn: '2027-03-01', url: 'u' } as const;
    const withDeadline = renderReminderEmail('Direktør Dorthe', commissionApprovalReminderContent({ ...facts, approvalDeadline: '2027-03-10' }));
    expect(withDeadline.text).toContain('Kommissoriet "Kommissorium <udkast>" (version 2) for Social Omsorg blev indsendt mandag den 1. marts 2027');
    expect(withDeadline.text).toContain('Fristen for godkendelsen er onsdag den 10. marts 2027.');
    expect(withDeadline.html).toContain('Kommissorium &lt;udkast&gt;');
    expect(renderReminderEmail('Direktør Dorthe', commissionApprovalReminderContent({ ...facts, approvalDeadline: null })).text).not.toContain('Fristen');
  });
});
