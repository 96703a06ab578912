import { renderReminderEmail } from '@app/reminders';
import { phaseEndingReminderContent } from '../phase-ending.reminder.js';

describe('the reminder e-mail of a phase about to end', () => {
  it('tell of a phase about to end', () => {
    const phase = renderReminderEmail('S', phaseEndingReminderContent({ committeeName: 'Social Omsorg', phaseTitle: 'Partnerskaber', endDate: '2027-06-30', url: 'u' }));
    expect(phase.text).toContain('Fasen "Partnerskaber" i procesplanen for Social Omsorg er stadig i gang og slutter onsdag den 30. juni 2027.');
  });
});
