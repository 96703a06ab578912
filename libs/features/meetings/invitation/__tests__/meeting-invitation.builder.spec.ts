import { WebPages } from '@app/config';
import ICAL from 'ical.js';
import { buildMeetingInvitation } from '@app/domain';
import { invitationForMeeting, type InvitationMeeting } from '../meeting-invitation.builder.js';

const meeting: InvitationMeeting = {
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  committeeName: 'Udvalg for lighed i sundhed',
  title: null,
  startsAt: new Date('2024-02-02T08:30:00Z'),
  endsAt: null,
  location: 'Regionshuset Aarhus, Lokale 13',
  state: 'published',
  sequence: 2,
  items: [
    { number: 1, closed: false, title: 'Gensidig orientering', startTime: '09:30', endTime: '10:00' },
    { number: 2, closed: true, title: 'Personsag om Jens Hansen', startTime: '10:00', endTime: '10:45', summary: 'fortroligt' },
    { number: 3, closed: false, title: 'Eventuelt' },
  ],
};
const people = {
  secretaries: [{ name: 'Sekretær Sara', email: 'sara@rm.dk' }],
  members: [
    { name: 'Birgit Jakobsen', email: 'birgit@hedensted.dk' },
    { name: 'Sekretær Sara', email: 'Sara@rm.dk' },
    { name: 'Anders Andersen', email: 'anders@hedensted.dk' },
  ],
};
const settings = { pages: new WebPages('https://udvalg.rm.dk/'), mailFrom: 'Udvalgssekretariatet <udvalg@rm.dk>' };

describe('the invitation of a meeting', () => {
  it('has a UID per meeting, the meeting’s SEQUENCE, the secretary as organizer and the others as attendees', () => {
    const invitation = invitationForMeeting(meeting, people, settings);
    expect(invitation).toMatchObject({
      uid: 'meeting-6f1c2d3e-0000-4000-8000-000000000001@udvalg.rm.dk',
      sequence: 2,
      method: 'REQUEST',
      summary: 'Udvalg for lighed i sundhed',
      organizer: { name: 'Sekretær Sara', email: 'sara@rm.dk' },
      url: 'https://udvalg.rm.dk/moeder/6f1c2d3e-0000-4000-8000-000000000001',
    });
    expect(invitation.attendees.map((a) => a.email)).toEqual(['birgit@hedensted.dk', 'anders@hedensted.dk']);
  });

  it('lists the agenda with time slots, closed items only as "Lukket punkt"', () => {
    const { description } = invitationForMeeting(meeting, people, settings);
    expect(description).toBe(
      [
        'Dagsorden:',
        'Punkt 1: Gensidig orientering (kl. 9.30-10.00)',
        'Punkt 2: Lukket punkt (kl. 10.00-10.45)',
        'Punkt 3: Eventuelt',
        '',
        'Mødet: https://udvalg.rm.dk/moeder/6f1c2d3e-0000-4000-8000-000000000001',
      ].join('\n'),
    );
  });

  it('ends with the last timed item when the meeting has no end, else two hours after the start', () => {
    expect(invitationForMeeting(meeting, people, settings).end).toEqual(new Date('2024-02-02T09:45:00Z'));
    expect(invitationForMeeting({ ...meeting, items: [] }, people, settings).end).toEqual(new Date('2024-02-02T10:30:00Z'));
    expect(invitationForMeeting({ ...meeting, endsAt: new Date('2024-02-02T11:00:00Z') }, people, settings).end).toEqual(new Date('2024-02-02T11:00:00Z'));
  });

  it('is sent from MAIL_FROM when the committee has no secretary, and cancels a cancelled meeting', () => {
    const invitation = invitationForMeeting({ ...meeting, state: 'cancelled', title: 'Temamøde' }, { secretaries: [], members: people.members }, settings);
    expect(invitation.organizer).toEqual({ name: 'Udvalgssekretariatet', email: 'udvalg@rm.dk' });
    expect(invitation.method).toBe('CANCEL');
    expect(invitation.summary).toBe('Temamøde');
    expect(invitation.attendees).toHaveLength(3);
    expect(invitationForMeeting(meeting, { secretaries: [], members: [] }, { ...settings, mailFrom: 'udvalg@rm.dk' }).organizer).toEqual({ name: 'udvalg@rm.dk', email: 'udvalg@rm.dk' });
  });

  it('makes a calendar file a real parser reads', () => {
    const calendar = new ICAL.Component(ICAL.parse(buildMeetingInvitation(invitationForMeeting(meeting, people, settings))));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe('meeting-6f1c2d3e-0000-4000-8000-000000000001@udvalg.rm.dk');
    expect(event.sequence).toBe(2);
    expect(event.description).toContain('Punkt 2: Lukket punkt');
    expect(event.description).not.toContain('Jens Hansen');
  });
});
