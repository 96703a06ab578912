import {
  assertValidBody,
  assertValidCommittee,
  assertValidMembership,
  type CommitteeContext,
  type CommitteeShape,
  defaultMembershipStart,
  type MembershipShape,
} from '../committee-rules.js';
import { DomainError } from '../errors.js';

/** `ok`, or the refusal as `kind:code`, so each table row states its expected outcome in one cell. */
function outcome(check: () => void): string {
  try {
    check();
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return `${error.kind}:${error.code}`;
    throw error;
  }
}

const hedensted = { name: 'Hedensted Kommune', electionTermStart: '2022-01-01', electionTermEnd: '2025-12-31' };
const section17 = { id: 'c-17', bodyId: 'b-hed', kind: 'section-17-4' as const, mandateStart: '2024-01-01', mandateEnd: '2025-12-31' };
const financeCommittee = { id: 'c-pko', bodyId: 'b-hed', name: 'PKØ-udvalget' };
const otherBodysCommittee = { id: 'c-rm', bodyId: 'b-rm', name: 'Udvalg for lighed i sundhed' };
const seat = (overrides: Partial<MembershipShape>): MembershipShape => ({ id: 'm-1', personId: 'p-birgit', role: 'member', startDate: '2024-01-01', endDate: null, ...overrides });

describe('assertValidCommittee', () => {
  const cases: [string, CommitteeShape & { id?: string; bodyId: string }, CommitteeContext, string][] = [
    ['a standing committee with an open mandate', { bodyId: 'b-hed', kind: 'standing', mandateStart: '2022-01-01' }, { body: hedensted }, 'ok'],
    ['a § 17, stk. 4 committee within the election term', section17, { body: hedensted }, 'ok'],
    ['a § 17, stk. 4 committee ending on the last day of the term', { ...section17, mandateStart: '2022-01-01' }, { body: hedensted }, 'ok'],
    ['a § 17, stk. 4 committee of a body that records no term', { ...section17, mandateEnd: '2031-12-31' }, { body: { name: 'Region Midtjylland' } }, 'ok'],
    ['a working group under a committee of the same body', { ...section17, kind: 'working-group' }, { body: hedensted, parent: financeCommittee }, 'ok'],
    ['a committee reporting to one of the same body', section17, { body: hedensted, reportsTo: financeCommittee }, 'ok'],
    ['a mandate ending before it starts', { ...section17, mandateEnd: '2023-12-31' }, { body: hedensted }, 'invalid:period_end_before_start'],
    ['a § 17, stk. 4 committee without a mandate end', { ...section17, mandateEnd: null }, { body: hedensted }, 'invalid:mandate_end_required'],
    ['a § 17, stk. 4 committee outliving the term', { ...section17, mandateEnd: '2026-03-31' }, { body: hedensted }, 'invalid:mandate_beyond_election_term'],
    ['a working group without a parent', { ...section17, kind: 'working-group' }, { body: hedensted }, 'invalid:parent_required'],
    ['a parent of another body', { ...section17, kind: 'working-group' }, { body: hedensted, parent: otherBodysCommittee }, 'invalid:committee_of_other_body'],
    ['reporting to a committee of another body', section17, { body: hedensted, reportsTo: otherBodysCommittee }, 'invalid:committee_of_other_body'],
    ['being its own parent', section17, { body: hedensted, parent: { ...financeCommittee, id: 'c-17' } }, 'invalid:committee_refers_to_itself'],
    ['reporting to itself', section17, { body: hedensted, reportsTo: { ...financeCommittee, id: 'c-17' } }, 'invalid:committee_refers_to_itself'],
    ['a parent that lies under the committee', section17, { body: hedensted, parent: { ...financeCommittee, ancestorIds: ['c-x', 'c-17'] } }, 'invalid:committee_relation_loop'],
    ['a reporting line that leads back to the committee', section17, { body: hedensted, reportsTo: { ...financeCommittee, ancestorIds: ['c-17'] } }, 'invalid:committee_relation_loop'],
    ['a new mandate that still covers every seat', { ...section17, mandateEnd: '2025-06-30' }, { body: hedensted, memberships: [seat({}), seat({ endDate: '2025-06-30' })] }, 'ok'],
    ['a new mandate starting after a seat starts', { ...section17, mandateStart: '2024-02-01' }, { body: hedensted, memberships: [seat({})] }, 'conflict:mandate_excludes_memberships'],
    ['a new mandate ending before a seat ends', { ...section17, mandateEnd: '2025-06-30' }, { body: hedensted, memberships: [seat({ endDate: '2025-12-31' })] }, 'conflict:mandate_excludes_memberships'],
    ['a new mandate ending before an open seat starts', { ...section17, mandateEnd: '2024-06-30' }, { body: hedensted, memberships: [seat({ startDate: '2025-01-01' })] }, 'conflict:mandate_excludes_memberships'],
  ];

  it.each(cases)('%s', (_, committee, context, expected) => {
    expect(outcome(() => assertValidCommittee(committee, context))).toBe(expected);
  });

  it('names both dates when a § 17, stk. 4 committee outlives the term', () => {
    expect(() => assertValidCommittee({ ...section17, mandateEnd: '2026-03-31' }, { body: hedensted })).toThrow(/2026-03-31.*Hedensted Kommune.*2025-12-31/);
  });
});

describe('assertValidBody', () => {
  const committees = [{ name: 'Udvalg for omtænkning af socialområdet', ...section17 }];
  const cases: [string, typeof hedensted | { name: string; electionTermStart?: string; electionTermEnd?: string }, string][] = [
    ['a body without an election term', { name: 'Region Midtjylland' }, 'ok'],
    ['a four-year term', hedensted, 'ok'],
    ['a term with only an end', { name: 'Hedensted Kommune', electionTermEnd: '2025-12-31' }, 'ok'],
    ['a term ending before it starts', { ...hedensted, electionTermEnd: '2021-12-31' }, 'invalid:period_end_before_start'],
    ['a term ending before a § 17, stk. 4 committee does', { ...hedensted, electionTermEnd: '2025-06-30' }, 'conflict:election_term_excludes_committees'],
  ];

  it.each(cases)('%s', (_, body, expected) => {
    expect(outcome(() => assertValidBody(body, committees))).toBe(expected);
  });
});

describe('assertValidMembership', () => {
  const committee = { name: 'Udvalg for omtænkning af socialområdet', ...section17 };
  const chair = seat({ id: 'm-chair', role: 'chair', personId: 'p-birgit' });
  const cases: [string, MembershipShape, MembershipShape[], string][] = [
    ['a seat within the mandate', seat({ id: undefined, endDate: '2024-12-31' }), [], 'ok'],
    ['an open seat in a mandate with an end', seat({ id: undefined }), [], 'ok'],
    ['the same person in another role', seat({ id: undefined, role: 'member' }), [chair], 'ok'],
    ['another member at the same time', seat({ id: undefined, personId: 'p-other' }), [seat({})], 'ok'],
    ['a new chair after the old one stepped down', seat({ id: undefined, role: 'chair', personId: 'p-other', startDate: '2025-01-01' }), [{ ...chair, endDate: '2024-12-31' }], 'ok'],
    ['the same person again after the first seat ended', seat({ id: undefined, startDate: '2025-01-01' }), [seat({ endDate: '2024-12-31' })], 'ok'],
    ['a seat compared with itself', seat({}), [seat({})], 'ok'],
    ['a seat ending before it starts', seat({ id: undefined, endDate: '2023-06-30' }), [], 'invalid:period_end_before_start'],
    ['a seat starting before the mandate', seat({ id: undefined, startDate: '2023-12-31' }), [], 'invalid:membership_outside_mandate'],
    ['a seat ending after the mandate', seat({ id: undefined, endDate: '2026-01-31' }), [], 'invalid:membership_outside_mandate'],
    ['an open seat starting after the mandate', seat({ id: undefined, startDate: '2026-01-01' }), [], 'invalid:membership_outside_mandate'],
    ['the same person twice in the same role at once', seat({ id: undefined, startDate: '2024-06-01' }), [seat({})], 'conflict:membership_overlaps'],
    ['a second chair at once', seat({ id: undefined, role: 'chair', personId: 'p-other', startDate: '2025-01-01' }), [chair], 'conflict:role_already_held'],
    ['a second vice-chair at once', seat({ id: undefined, role: 'vice-chair', personId: 'p-other' }), [seat({ role: 'vice-chair' })], 'conflict:role_already_held'],
  ];

  it.each(cases)('%s', (_, membership, existing, expected) => {
    expect(outcome(() => assertValidMembership(membership, committee, existing))).toBe(expected);
  });
});

describe('defaultMembershipStart', () => {
  const cases: [string, CommitteeShape, string, string][] = [
    ['today while the mandate runs', section17, '2024-09-15', '2024-09-15'],
    ['the mandate start while the committee is constituted', section17, '2023-11-20', '2024-01-01'],
    ['the mandate start once the mandate is over', section17, '2026-11-23', '2024-01-01'],
    ['today under an open mandate', { kind: 'standing', mandateStart: '2022-01-01' }, '2026-11-23', '2026-11-23'],
  ];

  it.each(cases)('is %s', (_, committee, today, expected) => {
    expect(defaultMembershipStart(committee, today)).toBe(expected);
  });
});
