import { attendanceSentences, type MinutesAttendee, minutesSignatories, signatoryRoleName } from '../minutes-attendance.js';
import { buildAgendaDocument, buildMinutesDocument, type MinutesDocument } from '../minutes-document.js';
import { renderMinutesHtml } from '../minutes-html.renderer.js';
import { escapeMarkdown, renderMinutesMarkdown } from '../minutes-markdown.renderer.js';
import { CLOSED_ITEM_WORDS, HELD_MEETING } from '@app/domain/testing';

const ATTENDANCE_SENTENCES = ['Alle var mødt, undtagen Anders Andersen, Bente Bentsen og Carl Carlsen, der havde meldt afbud.', 'Dorte Dahl deltog virtuelt til kl. 10.30.'];

const OPEN_ITEM: MinutesDocument['items'][number] = {
  number: 1,
  heading: 'Punkt 1: Status på partnerskaber med Struer og Norddjurs (kl. 9.30-10.30)',
  anchor: 'punkt-1',
  caseNumber: '1-00-14-22',
  closed: false,
  sections: [
    { heading: 'Resume', blocks: [{ kind: 'paragraph', text: 'Udvalget orienteres om status.' }] },
    { heading: 'Indstilling', blocks: [{ kind: 'paragraph', text: 'Direktionen indstiller, at udvalget drøfter status.' }] },
    { heading: 'Sagsfremstilling', blocks: [{ kind: 'paragraph', text: 'Partnerskaberne er i gang.\n\nStruer har holdt to workshops.' }] },
    { heading: 'Beslutning', blocks: [{ kind: 'paragraph', text: 'Udvalget drøftede status.' }] },
    { heading: 'Bilag', blocks: [{ kind: 'list', items: ['Præsentation fra mødet.pdf', 'Notat om partnerskaber.pdf'] }] },
    {
      heading: 'Afvigende mening',
      blocks: [{ kind: 'paragraph', text: 'Dorte Dahl ønskede sin afvigende mening tilført protokollen: Partnerskaberne bør omfatte flere kommuner' }],
    },
    { heading: 'Inhabilitet', blocks: [{ kind: 'paragraph', text: 'Frida Frost deltog ikke i behandlingen af punktet på grund af inhabilitet.' }] },
  ],
};

const ATTENDANCE_ITEM: MinutesDocument['items'][number] = {
  number: 3,
  heading: 'Punkt 3: Mødedeltagelse',
  anchor: 'punkt-3',
  caseNumber: null,
  closed: false,
  sections: [{ heading: 'Beslutning', blocks: ATTENDANCE_SENTENCES.map((text) => ({ kind: 'paragraph' as const, text })) }],
};

describe('the minutes document model', () => {
  it('builds the members’ referat in the shape users know, closed items in full', () => {
    expect(buildMinutesDocument(HELD_MEETING, { variant: 'members' })).toEqual({
      kind: 'minutes',
      variant: 'members',
      title: 'REFERAT Udvalg for lighed i sundhed d. 02-02-2024',
      meetingDate: 'Fredag d. 02. februar 2024 kl. 09:30',
      place: 'Regionshuset Aarhus, Lokale 13, Olof Palmes Alle 15, Aarhus',
      facts: [],
      attendance: [],
      items: [
        OPEN_ITEM,
        {
          number: 2,
          heading: 'Punkt 2: Personsag vedrørende Anna Hansen (kl. 10.30-11.00)',
          anchor: 'punkt-2',
          caseNumber: '00.01.00-P22-1-19',
          closed: true,
          sections: [
            { heading: 'Lukket punkt', blocks: [{ kind: 'paragraph', text: 'Sagen indeholder personfølsomme oplysninger' }] },
            { heading: 'Resume', blocks: [{ kind: 'paragraph', text: 'Fortroligt resume' }] },
            { heading: 'Beslutning', blocks: [{ kind: 'paragraph', text: 'Godkendt' }] },
            { heading: 'Bilag', blocks: [{ kind: 'list', items: ['anna-hansen-notat.pdf'] }] },
            { heading: 'Afvigende mening', blocks: [{ kind: 'paragraph', text: 'Erik Eriksen ønskede sin afvigende mening tilført protokollen.' }] },
          ],
        },
        ATTENDANCE_ITEM,
      ],
      closing: null,
    });
  });

  it('ends with when the meeting was closed, in Copenhagen time', () => {
    const document = buildMinutesDocument({ ...HELD_MEETING, endedAt: new Date('2024-02-02T11:30:00Z') }, { variant: 'public' });
    expect(document.closing).toBe('Mødet hævet kl. 12.30.');
    expect(renderMinutesHtml(document)).toContain('</section>\n<p class="closing">Mødet hævet kl. 12.30.</p>\n</body>');
    expect(renderMinutesMarkdown(document).endsWith('\n\nMødet hævet kl. 12.30.\n')).toBe(true);
  });

  it('builds the public referat from the redacted items: a closed item keeps its number and time slot only', () => {
    const document = buildMinutesDocument(HELD_MEETING, { variant: 'public' });
    expect(document.items).toEqual([
      OPEN_ITEM,
      { number: 2, heading: 'Punkt 2: Lukket punkt: Personalesag (kl. 10.30-11.00)', anchor: 'punkt-2', caseNumber: null, closed: true, sections: [] },
      ATTENDANCE_ITEM,
    ]);
    expect(document.variant).toBe('public');
  });

  it('puts the attendance under the heading when the agenda has no Mødedeltagelse item', () => {
    const document = buildMinutesDocument({ ...HELD_MEETING, items: HELD_MEETING.items.slice(0, 1) }, { variant: 'members' });
    expect(document.attendance).toEqual(ATTENDANCE_SENTENCES);
    expect(document.items.map((i) => i.heading)).toEqual([OPEN_ITEM.heading]);
  });

  it('is a pure function of the meeting', () => {
    expect(buildMinutesDocument(HELD_MEETING, { variant: 'members' })).toEqual(buildMinutesDocument(structuredClone(HELD_MEETING), { variant: 'members' }));
  });

  it.each(['html', 'markdown'] as const)('leaves no closed-item text in the public %s', (format) => {
    const document = buildMinutesDocument(HELD_MEETING, { variant: 'public' });
    const output = format === 'html' ? renderMinutesHtml(document) : renderMinutesMarkdown(document);
    for (const word of CLOSED_ITEM_WORDS) expect(output).not.toContain(word);
    expect(output).toContain('Lukket punkt');
    const members = format === 'html' ? renderMinutesHtml(buildMinutesDocument(HELD_MEETING, { variant: 'members' })) : renderMinutesMarkdown(buildMinutesDocument(HELD_MEETING, { variant: 'members' }));
    expect(members).toContain('Personsag vedrørende Anna Hansen');
  });
});

describe('the agenda as one document (samlet dagsorden)', () => {
  const meeting = { ...HELD_MEETING, title: 'Temamøde om sundhed', endsAt: '2024-02-02T12:00:00+01:00' };

  it('names the committee, the meeting and its time, and leaves the notes made at the meeting to the minutes', () => {
    const document = buildAgendaDocument(meeting, { variant: 'members' });
    expect(document).toMatchObject({
      kind: 'agenda',
      title: 'DAGSORDEN Udvalg for lighed i sundhed d. 02-02-2024',
      meetingDate: 'Fredag d. 02. februar 2024 kl. 09:30-12:00',
      facts: [
        { label: 'Udvalg', value: 'Udvalg for lighed i sundhed' },
        { label: 'Møde', value: 'Temamøde om sundhed' },
      ],
      attendance: [],
    });
    expect(document.items[0]).toEqual({ ...OPEN_ITEM, sections: OPEN_ITEM.sections.filter((s) => !['Afvigende mening', 'Inhabilitet'].includes(s.heading)) });
    expect(document.items[1].sections.map((s) => s.heading)).toEqual(['Lukket punkt', 'Resume', 'Beslutning', 'Bilag']);
    // The Mødedeltagelse item is not filled with who took part: the agenda is sent before anyone has.
    expect(document.items[2].sections).toEqual([]);
  });

  it('reduces a closed item to its number, time slot and "Lukket punkt" in the public variant', () => {
    const document = buildAgendaDocument(meeting, { variant: 'public' });
    expect(document.items[1]).toEqual({ number: 2, heading: 'Punkt 2: Lukket punkt: Personalesag (kl. 10.30-11.00)', anchor: 'punkt-2', caseNumber: null, closed: true, sections: [] });
    const text = JSON.stringify(document);
    for (const word of CLOSED_ITEM_WORDS) expect(text).not.toContain(word);
  });
});

describe('withdrawn and late material on the agenda and in the minutes', () => {
  const [open, closed, ...rest] = HELD_MEETING.items;
  const late = '2024-01-31T10:00:00.000Z';
  const meeting = {
    ...HELD_MEETING,
    items: [
      { ...open, sentLateAt: late, attachments: [{ name: 'Præsentation fra mødet.pdf', sentLateAt: null }, { name: 'Notat om partnerskaber.pdf', sentLateAt: late }] },
      { ...closed, state: 'withdrawn' },
      ...rest,
    ],
  };

  it('marks an item and a Bilag sent after the material’s deadline "Eftersendt" on the agenda', () => {
    const [item] = buildAgendaDocument(meeting, { variant: 'members' }).items;
    expect(item.heading).toBe(`${OPEN_ITEM.heading} – Eftersendt`);
    expect(item.sections.find((s) => s.heading === 'Bilag')!.blocks).toEqual([{ kind: 'list', items: ['Præsentation fra mødet.pdf', 'Notat om partnerskaber.pdf (Eftersendt)'] }]);
    expect(renderMinutesHtml(buildAgendaDocument(meeting, { variant: 'public' }))).toContain('Punkt 1: Status på partnerskaber med Struer og Norddjurs (kl. 9.30-10.30) – Eftersendt');
  });

  it('shows a withdrawn item with its number and title and "Punktet udgår", none of its texts; a closed one by its public title in public', () => {
    const members = buildAgendaDocument(meeting, { variant: 'members' }).items[1];
    expect(members).toEqual({ number: 2, heading: `Punkt 2: ${closed.title} (kl. 10.30-11.00) – Punktet udgår`, anchor: 'punkt-2', caseNumber: null, closed: true, sections: [] });
    const publicItem = buildAgendaDocument(meeting, { variant: 'public' }).items[1];
    expect(publicItem.heading).toBe('Punkt 2: Lukket punkt: Personalesag (kl. 10.30-11.00) – Punktet udgår');
    for (const word of CLOSED_ITEM_WORDS) expect(JSON.stringify(publicItem)).not.toContain(word);
  });

  it('records a withdrawn item in the minutes as "Punktet udgik." and nothing of the late marks', () => {
    const minutes = buildMinutesDocument(meeting, { variant: 'members' });
    expect(minutes.items[1].sections).toEqual([{ heading: 'Beslutning', blocks: [{ kind: 'paragraph', text: 'Punktet udgik.' }] }]);
    expect(minutes.items[1].heading).toBe(`Punkt 2: ${closed.title} (kl. 10.30-11.00)`);
    expect(JSON.stringify(minutes)).not.toContain('Eftersendt');
    expect(buildMinutesDocument(meeting, { variant: 'public' }).items[1].sections).toEqual([{ heading: 'Beslutning', blocks: [{ kind: 'paragraph', text: 'Punktet udgik.' }] }]);
  });
});

describe('attendance in sentences', () => {
  const member = (name: string, status: MinutesAttendee['status'], until: string | null = null, roles = ['member']): MinutesAttendee => ({ personId: name, name, roles, status, until });

  it.each<[string, MinutesAttendee[], string[]]>([
    ['everyone came', [member('A', 'present'), member('B', null)], ['Alle var mødt.']],
    ['one sent notice', [member('A', 'absent'), member('B', 'present')], ['Alle var mødt, undtagen A, der havde meldt afbud.']],
    ['two sent notice', [member('A', 'absent'), member('B', 'absent'), member('C', 'present')], ['Alle var mødt, undtagen A og B, der havde meldt afbud.']],
    [
      'virtual participants, grouped by when they left',
      [member('A', 'virtual', '10:30'), member('B', 'virtual'), member('C', 'virtual', '10:30')],
      ['Alle var mødt.', 'A og C deltog virtuelt til kl. 10.30.', 'B deltog virtuelt.'],
    ],
    ['the secretary keeps the minutes and is not counted', [member('A', 'present'), member('S', 'absent', null, ['secretary'])], ['Alle var mødt.']],
    ['a guest of the phase who came is named', [member('A', 'present'), member('G', 'present', null, [])], ['Alle var mødt.', 'Desuden deltog G.']],
    [
      'a substitute is named as standing in for the absent member, not as a guest',
      [member('A', 'absent'), member('B', 'present'), { ...member('X', 'present', null, []), substituteFor: { personId: 'A', name: 'A' } }],
      ['Alle var mødt, undtagen A, der havde meldt afbud.', 'X deltog som stedfortræder for A.'],
    ],
    ['a substitute who did not come is not named', [member('A', 'absent'), { ...member('X', 'absent', null, []), substituteFor: { personId: 'A', name: 'A' } }], ['Alle var mødt, undtagen A, der havde meldt afbud.']],
  ])('%s', (_case, attendance, expected) => {
    expect(attendanceSentences(attendance)).toEqual(expected);
  });
});

describe('an item recorded without quorum', () => {
  it('says under its Beslutning that the committee could not decide', () => {
    const [item] = HELD_MEETING.items;
    const document = buildMinutesDocument({ ...HELD_MEETING, items: [{ ...item, withoutQuorum: true }] }, { variant: 'members' });
    expect(document.items[0].sections.find((section) => section.heading === 'Beslutning')!.blocks).toEqual([
      { kind: 'paragraph', text: 'Udvalget drøftede status.' },
      { kind: 'paragraph', text: 'Udvalget var ikke beslutningsdygtigt.' },
    ]);
    expect(renderMinutesHtml(document)).toContain('Udvalget var ikke beslutningsdygtigt.');
    expect(renderMinutesMarkdown(document)).toContain('Udvalget var ikke beslutningsdygtigt.');
  });
});

describe('who signs (§ 13)', () => {
  it('is every member who took part, present or virtual; absent members, the administration and the secretary do not sign', () => {
    expect(minutesSignatories(HELD_MEETING.attendance, 'participants').map((s) => s.name)).toEqual(['Birgit Jakobsen', 'Dorte Dahl', 'Frida Frost']);
  });

  const substitute = (personId: string, name: string, status: MinutesAttendee['status']): MinutesAttendee => ({
    personId,
    name,
    roles: [],
    status,
    until: null,
    substituteFor: { personId: 'p-a', name: 'Anders Andersen' },
  });

  it.each<[MinutesAttendee['status']]>([['present'], ['virtual']])('includes a substitute who sat (%s) in the absent member’s seat', (status) => {
    const attendance = [...HELD_MEETING.attendance, substitute('p-x', 'Xenia Xu', status)];
    expect(minutesSignatories(attendance, 'participants').map((s) => s.name)).toEqual(['Birgit Jakobsen', 'Dorte Dahl', 'Frida Frost', 'Xenia Xu']);
  });

  it('leaves out a substitute who did not come, and a guest without a seat', () => {
    const guest: MinutesAttendee = { personId: 'p-g', name: 'Gæst Gert', roles: [], status: 'present', until: null };
    const attendance = [...HELD_MEETING.attendance, substitute('p-x', 'Xenia Xu', 'absent'), guest];
    expect(minutesSignatories(attendance, 'participants').map((s) => s.name)).toEqual(['Birgit Jakobsen', 'Dorte Dahl', 'Frida Frost']);
  });

  it('leaves a substitute out where only the chair and the secretary sign', () => {
    const attendance = [...HELD_MEETING.attendance, substitute('p-x', 'Xenia Xu', 'present')];
    expect(minutesSignatories(attendance, 'chair-and-secretary').map((s) => s.name)).toEqual(['Birgit Jakobsen', 'Sekretær Sara']);
  });

  it.each<[string, Pick<MinutesAttendee, 'roles' | 'substituteFor'>, string]>([
    ['a seat by its name', { roles: ['vice-chair'] }, 'Næstformand'],
    ['a substitute by the member they stood in for', { roles: [], substituteFor: { personId: 'p-a', name: 'Anders Andersen' } }, 'Stedfortræder for Anders Andersen'],
    ['one with neither as a participant', { roles: [], substituteFor: null }, 'Deltager'],
  ])('names %s on the signature page', (_case, attendee, expected) => {
    expect(signatoryRoleName(attendee)).toBe(expected);
  });

  it('is the chair and the secretary where the committee is set so', () => {
    expect(minutesSignatories(HELD_MEETING.attendance, 'chair-and-secretary').map((s) => s.name)).toEqual(['Birgit Jakobsen', 'Sekretær Sara']);
  });

  it('is the vice-chair who stood in when the chair was absent', () => {
    const attendance = HELD_MEETING.attendance.map((a) => (a.roles.includes('chair') ? { ...a, status: 'absent' } : a));
    expect(minutesSignatories(attendance, 'chair-and-secretary').map((s) => s.name)).toEqual(['Dorte Dahl', 'Sekretær Sara']);
  });
});

describe('escaping', () => {
  it('escapes the meeting’s text in HTML', () => {
    const html = renderMinutesHtml(buildMinutesDocument({ ...HELD_MEETING, location: '<script>alert("x")</script> & Co' }, { variant: 'members' }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
  });

  it.each([
    ['*fed* og _kursiv_ [link](x)', '\\*fed\\* og \\_kursiv\\_ \\[link\\](x)'],
    ['# ikke en overskrift', '\\# ikke en overskrift'],
    ['- ikke en liste', '\\- ikke en liste'],
    ['1. ikke nummereret', '1\\. ikke nummereret'],
    ['<b>html</b>', '\\<b\\>html\\</b\\>'],
    ['kl. 9.30-10.30', 'kl. 9.30-10.30'],
    ['Godkendt\r# ikke en overskrift', 'Godkendt\n\\# ikke en overskrift'],
    ['Godkendt\r- ikke en liste\r\n2. ikke nummereret', 'Godkendt\n\\- ikke en liste\n2\\. ikke nummereret'],
    ['a\u2028> ikke et citat', 'a\n\\> ikke et citat'],
    ['første linje\n  > ikke et citat', 'første linje\n  \\> ikke et citat'],
    ['a\n3) ikke nummereret', 'a\n3\\) ikke nummereret'],
    ['Udvalget godkendte indstillingen uden bemærkninger.', 'Udvalget godkendte indstillingen uden bemærkninger.'],
  ])('escapes %j in Markdown as %j', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it('lets no lone carriage return in the meeting’s text forge a heading or a list item in the Markdown', () => {
    const forged = (text: string) => `${text}\r# Punkt 9: Forfalsket\r- forfalsket bilag\r\r## Forfalsket afsnit`;
    const items = HELD_MEETING.items.map((item, index) =>
      index === 0
        ? { ...item, title: forged('Status'), decision: forged('Godkendt'), summary: forged('Resume'), attachmentNames: [forged('bilag.pdf'), 'Notat om partnerskaber.pdf'], attachments: [], dissents: [{ personName: 'Dorte Dahl', text: forged('Nej') }] }
        : item,
    );
    const markdown = renderMinutesMarkdown(buildMinutesDocument({ ...HELD_MEETING, location: forged('Rådhuset'), items }, { variant: 'members' }));
    expect(markdown).not.toContain('\r');
    // The forged text is there, but only as text: no line starts with it, and the headings and list items are the real ones.
    expect(markdown).toContain('Forfalsket');
    expect(markdown.split('\n').filter((line) => /^\s*(#+|[-+*]|\d+[.)])\s*(Punkt 9|Forfalsket|forfalsket)/.test(line))).toEqual([]);
    const expected = renderMinutesMarkdown(buildMinutesDocument(HELD_MEETING, { variant: 'members' }));
    const shape = (text: string) => text.split('\n').flatMap((line) => /^(#+|-) /.exec(line)?.[1] ?? []);
    expect(shape(markdown)).toEqual(shape(expected));
  });
});
