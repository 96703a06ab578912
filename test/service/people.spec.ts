import { type Actor } from '@app/core';
import { PersonService } from '@app/people';
import { ADMIN, asActor, type ServiceModule, startServiceModule } from '@app/test-kit';

describe('PersonService', () => {
  let s: ServiceModule;
  let people: PersonService;
  let admin: Actor;

  const rowsOf = (email: string) => s.dataSource.query(`SELECT id, name, email, party, title, roles, password_hash FROM person WHERE email = $1`, [email]);
  const auditOf = (id: string) => s.dataSource.query(`SELECT action, actor_id, details FROM audit_entry WHERE entity_type = 'person' AND entity_id = $1 ORDER BY at`, [id]);
  const welcomesOf = (id: string) => s.dataSource.query(`SELECT job_name, payload FROM outbox_message WHERE job_name = $1 AND payload->>'personId' = $2`, ['send-welcome-email', id]);

  beforeAll(async () => {
    s = await startServiceModule();
    people = s.get(PersonService);
    const [row] = await s.dataSource.query(`SELECT id FROM person WHERE email = $1`, [ADMIN.email]);
    admin = { personId: row.id, email: ADMIN.email, roles: ['admin'], seats: [], bodyIds: [], bodyCommitteeIds: [] };
  });
  afterAll(() => s?.close());

  describe('create', () => {
    it('writes the person and its audit row, naming who did it, and no welcome e-mail without a login', async () => {
      const created = await asActor(admin, () => people.create(admin, { name: 'Birgit Jakobsen', email: 'bija@hedensted.dk', party: 'KD', title: 'Formand' }));

      expect(created).toMatchObject({ name: 'Birgit Jakobsen', email: 'bija@hedensted.dk', party: 'KD', title: 'Formand', roles: [], hasLogin: false });
      expect(await rowsOf('bija@hedensted.dk')).toEqual([
        { id: created.id, name: 'Birgit Jakobsen', email: 'bija@hedensted.dk', party: 'KD', title: 'Formand', roles: [], password_hash: null },
      ]);
      expect(await auditOf(created.id)).toEqual([
        {
          action: 'person.created',
          actor_id: admin.personId,
          details: { name: 'Birgit Jakobsen', email: 'bija@hedensted.dk', party: 'KD', title: 'Formand', roles: [], bodyIds: [], login: false },
        },
      ]);
      expect(await welcomesOf(created.id)).toEqual([]);
    });

    it('stores only an argon2id hash of a password, and records the welcome e-mail in the same transaction', async () => {
      const created = await asActor(admin, () => people.create(admin, { name: 'Ann Hermansen', email: 'anhe@hedensted.dk', roles: ['director'], password: 'direktør-2024-hemmelig' }));

      expect(created).toMatchObject({ roles: ['director'], hasLogin: true });
      expect(created).not.toHaveProperty('passwordHash');
      const [row] = await rowsOf('anhe@hedensted.dk');
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain('direktør-2024-hemmelig');
      expect(await welcomesOf(created.id)).toEqual([{ job_name: 'send-welcome-email', payload: { personId: created.id } }]);
      const [person] = await s.dataSource.query(`SELECT xmin::text AS tx FROM person WHERE id = $1`, [created.id]);
      const [welcome] = await s.dataSource.query(`SELECT xmin::text AS tx FROM outbox_message WHERE payload->>'personId' = $1`, [created.id]);
      const [audit] = await s.dataSource.query(`SELECT xmin::text AS tx, details->>'login' AS login FROM audit_entry WHERE entity_id = $1`, [created.id]);
      expect(audit.login).toBe('true');
      expect(new Set([person.tx, welcome.tx, audit.tx]).size).toBe(1);
    });
  });

  describe('search', () => {
    beforeAll(async () => {
      for (const [name, email] of [
        ['Anders Andersen', 'aa@struer.dk'],
        ['Bente Jakobsen', 'bente@norddjurs.dk'],
        ['Carl Carlsen', 'carl.jakob@hedensted.dk'],
        ['Dorte 100% Dahl', 'dd@hedensted.dk'],
      ]) {
        await people.create(admin, { name, email });
      }
    });

    it('finds by part of the name or the e-mail in any case, ordered by name', async () => {
      const found = await people.list(admin, { q: 'JAKOB' });
      expect(found.items.map((person) => person.name)).toEqual(['Bente Jakobsen', 'Birgit Jakobsen', 'Carl Carlsen']);
      expect((await people.list(admin, { q: 'struer' })).items.map((person) => person.email)).toEqual(['aa@struer.dk']);
    });

    it('takes % and _ as the characters they are, not as patterns', async () => {
      expect((await people.list(admin, { q: '100%' })).items.map((person) => person.name)).toEqual(['Dorte 100% Dahl']);
      expect((await people.list(admin, { q: '%' })).items).toHaveLength(1);
      // Unescaped, n_e would match the "nde" of Anders and the "nte" of Bente.
      expect((await people.list(admin, { q: 'n_e' })).items).toEqual([]);
    });

    it('pages through everyone by name, the search carried in the cursor', async () => {
      const everyone = await people.list(admin, {});
      const rows: { id: string }[] = await s.dataSource.query(`SELECT id FROM person ORDER BY name, id`);
      expect(everyone.items.map((person) => person.id)).toEqual(rows.map((row) => row.id));
      const first = await people.list(admin, { limit: 2 });
      expect(first.items).toEqual(everyone.items.slice(0, 2));
      expect((await people.list(admin, { limit: 2, cursor: first.nextCursor! })).items).toEqual(everyone.items.slice(2, 4));
      const jakob = await people.list(admin, { q: 'jakob', limit: 1 });
      expect((await people.list(admin, { cursor: jakob.nextCursor!, limit: 5 })).items.map((person) => person.name)).toEqual(['Birgit Jakobsen', 'Carl Carlsen']);
    });
  });

  describe('a duplicate e-mail', () => {
    it('is refused as a conflict naming the e-mail, and writes nothing', async () => {
      const first = await people.create(admin, { name: 'Erik Eriksen', email: 'erik@hedensted.dk' });
      const before = await s.dataSource.query(`SELECT (SELECT count(*)::int FROM person) AS people, (SELECT count(*)::int FROM audit_entry) AS audit, (SELECT count(*)::int FROM outbox_message) AS outbox`);

      await expect(people.create(admin, { name: 'Erik Andersen', email: 'erik@hedensted.dk', password: 'en-anden-erik-2024' })).rejects.toMatchObject({
        kind: 'conflict',
        code: 'email_taken',
        message: 'Another person already has the e-mail erik@hedensted.dk',
      });

      expect(await rowsOf('erik@hedensted.dk')).toEqual([expect.objectContaining({ id: first.id, name: 'Erik Eriksen', password_hash: null })]);
      expect(await s.dataSource.query(`SELECT (SELECT count(*)::int FROM person) AS people, (SELECT count(*)::int FROM audit_entry) AS audit, (SELECT count(*)::int FROM outbox_message) AS outbox`)).toEqual(before);
    });

    it('is refused when another person is changed to it, leaving that person as it was', async () => {
      const other = await people.create(admin, { name: 'Frida Friis', email: 'frida@hedensted.dk' });
      await expect(people.update(admin, other.id, { email: 'erik@hedensted.dk' })).rejects.toMatchObject({ kind: 'conflict', code: 'email_taken' });
      expect(await rowsOf('frida@hedensted.dk')).toEqual([expect.objectContaining({ id: other.id })]);
      expect((await auditOf(other.id)).map((entry: { action: string }) => entry.action)).toEqual(['person.created']);
    });
  });
});
