import type { MinutesMeetingInput } from '@app/domain';

/** Words only the closed item carries; no public output may contain any of them. */
export const CLOSED_ITEM_WORDS = ['Personsag vedrørende Anna Hansen', '00.01.00-P22-1-19', 'Anna Hansen', 'Fortroligt resume', 'personfølsomme', 'anna-hansen-notat.pdf', 'Erik Eriksen'];

/**
 * A held meeting of the regional committee: an open item with everything filled in, a dissent and a
 * disqualification, a closed item with its own dissent, the attendance item, absences and a virtual participant.
 */
export const HELD_MEETING: MinutesMeetingInput = {
  committeeName: 'Udvalg for lighed i sundhed',
  startsAt: new Date('2024-02-02T08:30:00Z'),
  location: 'Regionshuset Aarhus, Lokale 13, Olof Palmes Alle 15, Aarhus',
  items: [
    {
      number: 1,
      title: 'Status på partnerskaber med Struer og Norddjurs',
      caseNumber: '1-00-14-22',
      startTime: '09:30',
      endTime: '10:30',
      closed: false,
      closedReason: null,
      summary: 'Udvalget orienteres om status.',
      recommendation: 'Direktionen indstiller, at udvalget drøfter status.',
      presentation: 'Partnerskaberne er i gang.\n\nStruer har holdt to workshops.',
      decision: 'Udvalget drøftede status.',
      attachmentNames: ['Præsentation fra mødet.pdf', 'Notat om partnerskaber.pdf'],
      attachments: [{ name: 'Præsentation fra mødet.pdf' }],
      dissents: [{ personName: 'Dorte Dahl', text: 'Partnerskaberne bør omfatte flere kommuner' }],
      disqualifications: [{ personName: 'Frida Frost', text: null }],
    },
    {
      number: 2,
      title: 'Personsag vedrørende Anna Hansen',
      caseNumber: '00.01.00-P22-1-19',
      startTime: '10:30',
      endTime: '11:00',
      closed: true,
      closedReason: 'other',
      closedReasonText: 'Sagen indeholder personfølsomme oplysninger',
      publicTitle: 'Personalesag',
      summary: 'Fortroligt resume',
      recommendation: null,
      presentation: null,
      decision: 'Godkendt',
      attachmentNames: ['anna-hansen-notat.pdf'],
      attachments: [],
      dissents: [{ personName: 'Erik Eriksen', text: null }],
      disqualifications: [],
    },
    {
      number: 3,
      title: 'Mødedeltagelse',
      caseNumber: null,
      startTime: null,
      endTime: null,
      closed: false,
      closedReason: null,
      summary: null,
      recommendation: null,
      presentation: null,
      decision: null,
      attachmentNames: [],
      attachments: [],
      dissents: [],
      disqualifications: [],
    },
  ],
  attendance: [
    { personId: 'p-chair', name: 'Birgit Jakobsen', roles: ['chair'], status: 'present', until: null },
    { personId: 'p-a', name: 'Anders Andersen', roles: ['member'], status: 'absent', until: null },
    { personId: 'p-b', name: 'Bente Bentsen', roles: ['member'], status: 'absent', until: null },
    { personId: 'p-c', name: 'Carl Carlsen', roles: ['member'], status: 'absent', until: null },
    { personId: 'p-d', name: 'Dorte Dahl', roles: ['vice-chair'], status: 'virtual', until: '10:30' },
    { personId: 'p-e', name: 'Erik Eriksen', roles: ['administration'], status: null, until: null },
    { personId: 'p-f', name: 'Frida Frost', roles: ['external'], status: 'present', until: null },
    { personId: 'p-s', name: 'Sekretær Sara', roles: ['secretary'], status: 'present', until: null },
  ],
};
