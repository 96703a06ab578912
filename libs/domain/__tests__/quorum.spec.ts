import { itemQuorum, type QuorumAttendee } from '../quorum.js';

const seat = (personId: string, status: string | null = null, roles: string[] = ['member']): QuorumAttendee => ({ personId, roles, status, substituteFor: null });
const substitute = (personId: string, substituteFor: string, status: string | null = 'present'): QuorumAttendee => ({ personId, roles: [], status, substituteFor });

describe('itemQuorum (beslutningsdygtighed, Kommunestyrelsesloven § 11)', () => {
  const committeeOfFive = (statuses: (string | null)[]) => statuses.map((status, index) => seat(`m${index}`, status, index === 0 ? ['chair'] : ['member']));

  it.each([
    ['everyone present', [null, null, null, null, null], [], { seats: 5, present: 5, disqualified: 0, required: 3, met: true }],
    ['virtual counts as present', ['virtual', 'virtual', 'present', 'absent', 'absent'], [], { seats: 5, present: 3, disqualified: 0, required: 3, met: true }],
    ['two of five present', ['present', 'present', 'absent', 'absent', 'absent'], [], { seats: 5, present: 2, disqualified: 0, required: 3, met: false }],
    ['one absent, two disqualified', [null, null, null, null, 'absent'], ['m1', 'm2'], { seats: 5, present: 2, disqualified: 2, required: 3, met: false }],
    ['one absent, one disqualified', [null, null, null, null, 'absent'], ['m1'], { seats: 5, present: 3, disqualified: 1, required: 3, met: true }],
    ['a disqualified absentee is not counted twice', [null, null, null, null, 'absent'], ['m4'], { seats: 5, present: 4, disqualified: 0, required: 3, met: true }],
  ])('%s', (_case, statuses, disqualified, expected) => {
    expect(itemQuorum(committeeOfFive(statuses), disqualified)).toEqual(expected);
  });

  it('half of an even number of seats is enough', () => {
    const attendance = ['present', 'present', 'absent', 'absent'].map((status, index) => seat(`m${index}`, status));
    expect(itemQuorum(attendance, [])).toEqual({ seats: 4, present: 2, disqualified: 0, required: 2, met: true });
  });

  it('counts a substitute in place of the absent member, and a disqualified substitute not', () => {
    const attendance = [...committeeOfFive(['present', 'present', 'absent', 'absent', 'absent']), substitute('s1', 'm2')];
    expect(itemQuorum(attendance, [])).toMatchObject({ seats: 5, present: 3, met: true });
    expect(itemQuorum(attendance, ['s1'])).toMatchObject({ seats: 5, present: 2, disqualified: 1, met: false });
  });

  it('counts no substitute whose member came after all, nor one who is absent', () => {
    const attendance = [...committeeOfFive(['present', 'present', 'present', 'absent', 'absent']), substitute('s1', 'm2'), substitute('s2', 'm3', 'absent')];
    expect(itemQuorum(attendance, [])).toMatchObject({ seats: 5, present: 3 });
  });

  it('never counts the secretary, the administration or guests; counts external members', () => {
    const attendance = [seat('c', null, ['chair']), seat('e', null, ['external']), seat('s', null, ['secretary']), seat('a', null, ['administration']), { personId: 'g', roles: [], status: 'present' }];
    expect(itemQuorum(attendance, [])).toEqual({ seats: 2, present: 2, disqualified: 0, required: 1, met: true });
  });

  it('counts a person with two seats once', () => {
    expect(itemQuorum([seat('c', null, ['chair', 'member']), seat('m', 'absent')], [])).toEqual({ seats: 2, present: 1, disqualified: 0, required: 1, met: true });
  });

  it('refuses nothing where there is nobody with a vote to count', () => {
    expect(itemQuorum([seat('s', null, ['secretary'])], [])).toEqual({ seats: 0, present: 0, disqualified: 0, required: 0, met: true });
  });
});
