import { renderReminderEmail } from '@app/reminders';
import { minutesUnsignedReminderContent } from '../minutes-unsigned.reminder.js';

describe('the reminder e-mail of unsigned minutes', () => {
  it('tell of unsigned minutes', () => {
    const minutes = renderReminderEmail('S', minutesUnsignedReminderContent({ committeeName: 'Social Omsorg', meetingStartsAt: new Date('2027-06-01T07:00:00Z'), url: 'u' }));
    expect(minutes.subject).toBe('Påmindelse: referatet fra Social Omsorg er ikke underskrevet');
    expect(minutes.text).toContain('tirsdag den 1. juni 2027 kl. 9.00');
  });
});
