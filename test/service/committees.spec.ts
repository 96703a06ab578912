import { BodyService, CommitteeService, MembershipService } from '@app/committees';
import { PersonService } from '@app/people';
import { type ServiceModule, startServiceModule, INSTALLATION_ADMIN } from '@app/test-kit';

const admin = INSTALLATION_ADMIN;

/** An election term well ahead, so no default that depends on today's date is in play. */
const TERM = { electionTermStart: '2030-01-01', electionTermEnd: '2033-12-31' };

describe('BodyService, CommitteeService and MembershipService', () => {
  let s: ServiceModule;
  let bodies: BodyService;
  let committees: CommitteeService;
  let memberships: MembershipService;
  let people: PersonService;

  const count = async (table: string, where = 'TRUE', params: unknown[] = []) =>
    (await s.dataSource.query(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, params))[0].n as number;
  const audit = (entityId: string) => s.dataSource.query(`SELECT action, details FROM audit_entry WHERE entity_id = $1 ORDER BY at`, [entityId]);
  const person = async (name: string) => (await people.create(admin, { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@hedensted.dk` })).id;

  beforeAll(async () => {
    s = await startServiceModule();
    bodies = s.get(BodyService);
    committees = s.get(CommitteeService);
    memberships = s.get(MembershipService);
    people = s.get(PersonService);
  });
  afterAll(() => s?.close());

  describe('bodies', () => {
    it('creates a municipality with its election term and the default closed days, with its audit row', async () => {
      const body = await bodies.create(admin, { name: 'Hedensted Kommune', kind: 'municipality', ...TERM });
      expect(body).toMatchObject({ name: 'Hedensted Kommune', kind: 'municipality', ...TERM, closedDays: ['06-05', '12-24', '12-31'] });
      const [row] = await s.dataSource.query(`SELECT name, kind, election_term_start::text AS start, election_term_end::text AS end, closed_days FROM body WHERE id = $1`, [body.id]);
      expect(row).toEqual({ name: 'Hedensted Kommune', kind: 'municipality', start: '2030-01-01', end: '2033-12-31', closed_days: ['06-05', '12-24', '12-31'] });
      expect((await audit(body.id)).map((entry: { action: string }) => entry.action)).toEqual(['body.created']);
    });

    it('refuses an election term that ends before it starts, writing nothing', async () => {
      const before = await count('body');
      await expect(bodies.create(admin, { name: 'Baglæns Kommune', kind: 'municipality', electionTermStart: '2033-12-31', electionTermEnd: '2030-01-01' })).rejects.toMatchObject({ kind: 'invalid' });
      expect(await count('body')).toBe(before);
    });
  });

  describe('a § 17, stk. 4 committee', () => {
    let bodyId: string;

    beforeAll(async () => {
      bodyId = (await bodies.create(admin, { name: 'Struer Kommune', kind: 'municipality', ...TERM })).id;
    });

    it('is created with a mandate inside the election term, up to its last day', async () => {
      const inside = await committees.create(admin, { bodyId, name: 'Udvalg for nytænkning', kind: 'section-17-4', mandateStart: '2030-03-01', mandateEnd: '2031-12-31' });
      const toTheEnd = await committees.create(admin, { bodyId, name: 'Udvalg for hele perioden', kind: 'section-17-4', mandateStart: '2030-01-01', mandateEnd: '2033-12-31' });
      expect(inside).toMatchObject({ bodyId, kind: 'section-17-4', mandateStart: '2030-03-01', mandateEnd: '2031-12-31', agendaNoticeWorkingDays: 4 });
      const rows = await s.dataSource.query(`SELECT id, mandate_start::text AS start, mandate_end::text AS end FROM committee WHERE body_id = $1 ORDER BY mandate_start`, [bodyId]);
      expect(rows).toEqual([
        { id: toTheEnd.id, start: '2030-01-01', end: '2033-12-31' },
        { id: inside.id, start: '2030-03-01', end: '2031-12-31' },
      ]);
      expect((await audit(inside.id)).map((entry: { action: string }) => entry.action)).toEqual(['committee.created']);
    });

    it('is refused without a mandate end, or with one after the term ends, writing nothing', async () => {
      const before = { committees: await count('committee'), audit: await count('audit_entry') };
      await expect(committees.create(admin, { bodyId, name: 'Uden slutdato', kind: 'section-17-4', mandateStart: '2030-03-01' })).rejects.toMatchObject({
        kind: 'invalid',
        code: 'mandate_end_required',
      });
      await expect(committees.create(admin, { bodyId, name: 'For længe', kind: 'section-17-4', mandateStart: '2030-03-01', mandateEnd: '2034-01-01' })).rejects.toMatchObject({
        kind: 'invalid',
        code: 'mandate_beyond_election_term',
        details: { mandateEnd: '2034-01-01', electionTermEnd: '2033-12-31' },
      });
      expect({ committees: await count('committee'), audit: await count('audit_entry') }).toEqual(before);
    });

    it('cannot have its mandate moved past the term, nor the term cut short under it', async () => {
      const committee = await committees.create(admin, { bodyId, name: 'Udvalg for lighed', kind: 'section-17-4', mandateStart: '2030-03-01', mandateEnd: '2031-06-30' });
      await expect(committees.update(admin, committee.id, { mandateEnd: '2034-06-30' })).rejects.toMatchObject({ kind: 'invalid', code: 'mandate_beyond_election_term' });
      await expect(bodies.update(admin, bodyId, { electionTermEnd: '2031-03-31' })).rejects.toMatchObject({ kind: 'conflict', code: 'election_term_excludes_committees' });

      const [row] = await s.dataSource.query(`SELECT mandate_end::text AS end FROM committee WHERE id = $1`, [committee.id]);
      expect(row.end).toBe('2031-06-30');
      const [body] = await s.dataSource.query(`SELECT election_term_end::text AS end FROM body WHERE id = $1`, [bodyId]);
      expect(body.end).toBe('2033-12-31');
      expect((await audit(committee.id)).map((entry: { action: string }) => entry.action)).toEqual(['committee.created']);
    });
  });

  describe('seats', () => {
    let committeeId: string;

    beforeAll(async () => {
      const { id: bodyId } = await bodies.create(admin, { name: 'Norddjurs Kommune', kind: 'municipality', ...TERM });
      committeeId = (await committees.create(admin, { bodyId, name: 'Social- og Sundhedsudvalget', kind: 'standing', mandateStart: '2030-01-01', mandateEnd: '2033-12-31' })).id;
    });

    it('seats a person from the mandate’s first day when no start is given (the mandate has not begun), with the audit row on the committee', async () => {
      const personId = await person('Anders Andersen');
      const seat = await memberships.add(admin, committeeId, { personId, role: 'member' });
      expect(seat).toMatchObject({ committeeId, role: 'member', startDate: '2030-01-01', endDate: null, person: { id: personId, name: 'Anders Andersen' } });
      const rows = await s.dataSource.query(`SELECT id, role, start_date::text AS start, end_date FROM membership WHERE person_id = $1`, [personId]);
      expect(rows).toEqual([{ id: seat.id, role: 'member', start: '2030-01-01', end_date: null }]);
      const entries = await audit(committeeId);
      expect(entries.map((entry: { action: string }) => entry.action)).toEqual(['committee.created', 'membership.created']);
      expect(entries[1].details).toEqual({ membershipId: seat.id, personId, role: 'member', startDate: '2030-01-01', endDate: null });
    });

    it('refuses the same role to the same person for an overlapping period, writing nothing', async () => {
      const personId = await person('Bente Bentsen');
      await memberships.add(admin, committeeId, { personId, role: 'member', startDate: '2030-01-01', endDate: '2031-12-31' });
      const before = { seats: await count('membership', 'person_id = $1', [personId]), audit: await count('audit_entry') };

      await expect(memberships.add(admin, committeeId, { personId, role: 'member', startDate: '2031-06-01' })).rejects.toMatchObject({
        kind: 'conflict',
        code: 'membership_overlaps',
        message: expect.stringContaining('The person is already member of Social- og Sundhedsudvalget from'),
      });
      expect({ seats: await count('membership', 'person_id = $1', [personId]), audit: await count('audit_entry') }).toEqual(before);

      // The day after the first seat ends, the same role is free again.
      await memberships.add(admin, committeeId, { personId, role: 'member', startDate: '2032-01-01' });
      expect(await count('membership', 'person_id = $1', [personId])).toBe(2);
    });

    it('refuses a second chair at the same time, and a seat outside the mandate', async () => {
      await memberships.add(admin, committeeId, { personId: await person('Carl Carlsen'), role: 'chair', startDate: '2030-01-01' });
      const dorte = await person('Dorte Dahl');
      await expect(memberships.add(admin, committeeId, { personId: dorte, role: 'chair', startDate: '2032-01-01' })).rejects.toMatchObject({ kind: 'conflict', code: 'role_already_held' });
      await expect(memberships.add(admin, committeeId, { personId: dorte, role: 'member', startDate: '2029-12-01' })).rejects.toMatchObject({ kind: 'invalid', code: 'membership_outside_mandate' });
      expect(await count('membership', 'person_id = $1', [dorte])).toBe(0);
    });

    it('leaves the exclusion constraint as the last guard for a writer that bypasses the service', async () => {
      const personId = await person('Erik Eriksen');
      await memberships.add(admin, committeeId, { personId, role: 'secretary', startDate: '2030-01-01' });
      await expect(
        s.dataSource.query(`INSERT INTO membership (committee_id, person_id, role, start_date) VALUES ($1, $2, 'secretary', '2031-01-01')`, [committeeId, personId]),
      ).rejects.toMatchObject({ constraint: 'membership_no_overlap' });
      expect(await count('membership', 'person_id = $1', [personId])).toBe(1);
    });
  });
});
