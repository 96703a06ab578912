import { assertItemSlot, assertReferralRoute, isLocalTime, moveInOrder } from '../agenda.js';

describe('agenda time slots', () => {
  const meeting = { start: '09:00', end: '12:00' };
  const others = [
    { id: 'a', number: 1, title: 'Gensidig orientering', startTime: '09:00', endTime: '09:30' },
    { id: 'b', number: 2, title: 'Status på partnerskaber', startTime: '09:30', endTime: '10:30' },
    { id: 'c', number: 3, title: 'Eventuelt' },
  ];

  it.each([
    [{ number: 4, title: 'x', startTime: '10:30', endTime: '11:00' }, null],
    [{ number: 4, title: 'x' }, null],
    [{ id: 'b', number: 2, title: 'moved', startTime: '09:45', endTime: '10:30' }, null],
    [{ number: 4, title: 'x', startTime: '10:00', endTime: '11:00' }, 'overlaps punkt 2 "Status på partnerskaber" (09:30-10:30)'],
    [{ number: 4, title: 'x', startTime: '08:30', endTime: '09:00' }, 'must lie within the meeting\'s time 09:00-12:00'],
    [{ number: 4, title: 'x', startTime: '11:30', endTime: '12:30' }, 'must lie within'],
    [{ number: 4, title: 'x', startTime: '11:00', endTime: '10:00' }, 'endTime 10:00 must be after startTime 11:00'],
    [{ number: 4, title: 'x', startTime: '11:00' }, 'Give both startTime and endTime'],
  ])('%j: %s', (item, problem) => {
    const check = () => assertItemSlot(item, meeting, others);
    if (problem) expect(check).toThrow(problem);
    else expect(check).not.toThrow();
  });

  it('accepts any end when the meeting has none', () => {
    expect(() => assertItemSlot({ number: 4, title: 'x', startTime: '15:00', endTime: '16:00' }, { start: '09:00', end: null }, [])).not.toThrow();
  });

  it('moves items and clamps the position', () => {
    expect(moveInOrder(['a', 'b', 'c', 'd'], 'd', 1)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveInOrder(['a', 'b', 'c', 'd'], 'a', 3)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
    expect(moveInOrder(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
  });

  it('knows a local time', () => {
    expect(isLocalTime('24:00')).toBe(false);
    expect(isLocalTime('07:05')).toBe(true);
  });
});

describe('where a case may be referred', () => {
  const section = 'section-17-4';
  const finance = 'finance';
  const council = 'council';
  const other = 'other-standing';

  it.each([
    ['up the reporting line, one step', finance, [finance, council], false, null],
    ['up the reporting line, two steps', council, [finance, council], false, null],
    ['to a committee that receives from the sender', other, [finance], true, null],
    ['to an unrelated committee', other, [finance, council], false, 'referral_off_route'],
    ['to itself, even when it lists itself', section, [], true, 'refer_to_same_committee'],
  ])('%s', (_case, to, chain, accepts, code) => {
    const check = () => assertReferralRoute({ fromCommitteeId: section, toCommitteeId: to, reportsToChain: chain, receiverAcceptsSender: accepts });
    if (code) expect(check).toThrow(expect.objectContaining({ code }));
    else expect(check).not.toThrow();
  });
});
