import { renderAgendaEmail } from '../agenda-email.template.js';
import type { AgendaForMail } from '../agenda-mail.repository.js';

const agenda: AgendaForMail = {
  id: '6f1c',
  committeeId: 'c1',
  committeeName: 'Udvalg for lighed i sundhed',
  title: 'Temamøde om <partnerskaber>',
  startsAt: new Date('2027-06-04T07:30:00Z'),
  endsAt: new Date('2027-06-04T10:00:00Z'),
  location: 'Regionshuset Aarhus, Lokale 13',
  state: 'published',
  rowVersion: 3,
  sequence: 2,
  publishedAt: new Date('2027-05-20T10:00:00Z'),
  endedAt: null,
  items: [
    { number: 1, title: 'Gensidig orientering', startTime: '09:30', endTime: '10:00', closed: false, publicTitle: null, state: 'on-agenda', sentLateAt: null },
    { number: 2, title: 'Personsag om Jens Hansen', startTime: '10:00', endTime: '10:30', closed: true, publicTitle: 'Personalesag', state: 'on-agenda', sentLateAt: null },
    { number: 3, title: 'Eventuelt', startTime: null, endTime: null, closed: false, publicTitle: null, state: 'on-agenda', sentLateAt: null },
  ],
};

describe('the agenda e-mail', () => {
  const mail = renderAgendaEmail({ kind: 'agenda', recipientName: 'Birgit Jakobsen', agenda, meetingUrl: 'https://udvalg.rm.dk/moeder/6f1c' });

  it('names the committee, the time in Copenhagen and the place, in Danish', () => {
    expect(mail.subject).toBe('Dagsorden: Udvalg for lighed i sundhed (Temamøde om <partnerskaber>), fredag den 4. juni 2027 kl. 9.30-12.00');
    expect(mail.text).toMatch(/^Kære Birgit Jakobsen\n/);
    expect(mail.text).toContain('Tidspunkt: fredag den 4. juni 2027 kl. 9.30-12.00\nSted: Regionshuset Aarhus, Lokale 13');
    expect(mail.text).toContain('Mødet: https://udvalg.rm.dk/moeder/6f1c');
  });

  it('lists the items by number, title and time slot, a closed one only as "Lukket punkt" and its public title', () => {
    expect(mail.text).toContain('Dagsorden\n\n1. Gensidig orientering (kl. 9.30-10.00)\n2. Lukket punkt: Personalesag (kl. 10.00-10.30)\n3. Eventuelt\n');
    expect(mail.text + mail.html).not.toContain('Personsag');
  });

  it('escapes what it puts into the HTML part', () => {
    expect(mail.html).toContain('Temamøde om &lt;partnerskaber&gt;');
    expect(mail.html).not.toContain('<partnerskaber>');
    expect(mail.html).toContain('<a href="https://udvalg.rm.dk/moeder/6f1c">');
  });

  it('says what changed for an update and a cancellation, and leaves the agenda out of a cancellation', () => {
    const update = renderAgendaEmail({ kind: 'agenda-update', recipientName: 'B', agenda, meetingUrl: 'u' });
    expect(update.subject).toMatch(/^Ændret dagsorden: /);
    expect(update.text).toContain('er ændret efter udsendelsen');
    const cancellation = renderAgendaEmail({ kind: 'agenda-cancellation', recipientName: 'B', agenda: { ...agenda, state: 'cancelled' }, meetingUrl: 'u' });
    expect(cancellation.subject).toMatch(/^Aflyst: /);
    expect(cancellation.text).toContain('er aflyst');
    expect(cancellation.text).not.toContain('Personsag');
  });

  it('marks an item withdrawn "Punktet udgår" and one sent late "Eftersendt", a closed one still by its number only', () => {
    const [first, second, third] = agenda.items;
    const items = [{ ...first, state: 'withdrawn' }, { ...second, state: 'withdrawn' }, { ...third, sentLateAt: new Date('2027-06-02T08:00:00Z') }];
    const update = renderAgendaEmail({ kind: 'agenda-update', recipientName: 'B', agenda: { ...agenda, items }, meetingUrl: 'u' });
    expect(update.text).toContain('1. Gensidig orientering (kl. 9.30-10.00) – Punktet udgår\n2. Lukket punkt: Personalesag (kl. 10.00-10.30) – Punktet udgår\n3. Eventuelt – Eftersendt\n');
    expect(update.text + update.html).not.toContain('Personsag');
  });

  it('gives only the start of a meeting without an end that day', () => {
    const open = renderAgendaEmail({ kind: 'agenda', recipientName: 'B', agenda: { ...agenda, title: null, endsAt: null }, meetingUrl: 'u' });
    expect(open.subject).toBe('Dagsorden: Udvalg for lighed i sundhed, fredag den 4. juni 2027 kl. 9.30');
  });
});
