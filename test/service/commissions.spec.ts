import { CommissionsModule } from '@app/commissions';
import { BodyService, CommitteeService, MembershipService } from '@app/committees';
import type { Actor } from '@app/core';
import { PersonService } from '@app/people';
import { asActor, providerOf, type ServiceModule, startServiceModule, INSTALLATION_ADMIN } from '@app/test-kit';

const admin = INSTALLATION_ADMIN;

/**
 * What the spec calls of CommissionService. @app/commissions exports the module and the entity but not the
 * service, so the spec reaches it through the module's providers and names the methods it uses.
 */
interface CommissionService {
  create(actor: Actor, committeeId: string, dto: Record<string, unknown>): Promise<any>;
  get(actor: Actor, id: string): Promise<any>;
  update(actor: Actor, id: string, dto: Record<string, unknown>): Promise<any>;
  fire(actor: Actor, id: string, event: string, comment?: string): Promise<any>;
  history(actor: Actor, id: string): Promise<any[]>;
}

describe('CommissionService', () => {
  let s: ServiceModule;
  let commissions: CommissionService;
  let committeeId: string;
  let secretary: Actor;
  let director: Actor;
  let member: Actor;

  /** The service call as a request by `actor` runs it, so the audit trail names the actor. */
  const as = <T>(actor: Actor, call: (service: CommissionService) => Promise<T>) => asActor(actor, () => call(commissions));
  const row = async (id: string) =>
    (await s.dataSource.query(`SELECT version, state, row_version, purpose, previous_version_id, created_by FROM commission WHERE id = $1`, [id]))[0];
  const audit = (id: string) => s.dataSource.query(`SELECT action, actor_id, details FROM audit_entry WHERE entity_type = 'commission' AND entity_id = $1 ORDER BY at, action`, [id]);
  const transitions = (id: string) =>
    s.dataSource.query(`SELECT event, from_state, to_state, actor_id, comment FROM workflow_transition WHERE workflow = 'commission' AND record_id = $1 ORDER BY at`, [id]);

  beforeAll(async () => {
    s = await startServiceModule();
    commissions = s.get(providerOf(CommissionsModule, 'CommissionService')) as CommissionService;
    const people = s.get(PersonService);
    const { id: bodyId } = await s.get(BodyService).create(admin, { name: 'Hedensted Kommune', kind: 'municipality' });
    committeeId = (await s.get(CommitteeService).create(admin, { bodyId, name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01' })).id;
    const seated = async (name: string, email: string, role: string): Promise<Actor> => {
      const person = await people.create(admin, { name, email });
      await s.get(MembershipService).add(admin, committeeId, { personId: person.id, role: role as 'secretary' });
      return { personId: person.id, email, roles: [], seats: [{ committeeId, role }], bodyIds: [], bodyCommitteeIds: [] };
    };
    secretary = await seated('Sekretær Sara', 'sara@hedensted.dk', 'secretary');
    member = await seated('Anders Andersen', 'anders@hedensted.dk', 'member');
    const dorthe = await people.create(admin, { name: 'Direktør Dorthe', email: 'dorthe@hedensted.dk', roles: ['director'], bodyIds: [bodyId] });
    director = { personId: dorthe.id, email: 'dorthe@hedensted.dk', roles: ['director'], seats: [], bodyIds: [bodyId], bodyCommitteeIds: [committeeId] };
  });
  afterAll(() => s?.close());

  let v1: string;

  it('creates the first version as a draft by the secretary, once per committee', async () => {
    const created = await as(secretary, (c) => c.create(secretary, committeeId, { title: 'Kommissorium for lighed i sundhed', purpose: 'Mindske ulighed.', themes: [' Partnerskaber '] }));
    v1 = created.id;
    expect(created).toMatchObject({ committeeId, version: 1, state: 'draft', inForce: false, rowVersion: 1, themes: ['Partnerskaber'], submitted: null, createdBy: secretary.personId });
    expect(await row(v1)).toEqual({ version: 1, state: 'draft', row_version: 1, purpose: 'Mindske ulighed.', previous_version_id: null, created_by: secretary.personId });
    expect(await audit(v1)).toEqual([{ action: 'commission.created', actor_id: secretary.personId, details: { committeeId, version: 1 } }]);

    await expect(as(secretary, (c) => c.create(secretary, committeeId, { title: 'Endnu et', purpose: 'Formål' }))).rejects.toMatchObject({
      kind: 'conflict',
      code: 'commission_exists',
      details: { commissionId: v1 },
    });
    await expect(as(member, (c) => c.create(member, committeeId, { title: 'Medlemmets', purpose: 'Formål' }))).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await s.dataSource.query(`SELECT id FROM commission WHERE committee_id = $1`, [committeeId])).map((r: { id: string }) => r.id)).toEqual([v1]);
  });

  it('edits a draft against the rowVersion it was read at, and refuses a stale one without changing the row', async () => {
    const edited = await as(secretary, (c) => c.update(secretary, v1, { purpose: 'Mindske ulighed i sundhed.', rowVersion: 1 }));
    expect(edited).toMatchObject({ rowVersion: 2, purpose: 'Mindske ulighed i sundhed.' });

    await expect(as(secretary, (c) => c.update(secretary, v1, { purpose: 'Et forældet formål', rowVersion: 1 }))).rejects.toMatchObject({
      kind: 'conflict',
      code: 'stale_row_version',
      message: expect.stringContaining('now rowVersion 2'),
    });
    expect(await row(v1)).toMatchObject({ row_version: 2, purpose: 'Mindske ulighed i sundhed.' });
    expect((await audit(v1)).map((entry: { action: string; details: unknown }) => [entry.action, entry.details])).toEqual([
      ['commission.created', { committeeId, version: 1 }],
      ['commission.updated', { fields: ['purpose'] }],
    ]);
  });

  it('is submitted by the secretary, returned by a director with a reason, and submitted again', async () => {
    const submitted = await as(secretary, (c) => c.fire(secretary, v1, 'submit'));
    expect(submitted).toMatchObject({ state: 'submitted', rowVersion: 3, submitted: { by: secretary.personId }, awaitingApproval: { by: 'director' } });
    // The effect of submitting: the directors are reminded, a row in the outbox written with the transition.
    const [reminder] = await s.dataSource.query(`SELECT job_name, processed_at FROM outbox_message WHERE dedupe_key = $1`, [`reminder:commission-approval:${v1}`]);
    expect(reminder).toEqual({ job_name: 'send-reminder', processed_at: null });

    await expect(as(director, (c) => c.fire(director, v1, 'return'))).rejects.toMatchObject({ kind: 'invalid', code: 'comment_required' });
    await expect(as(secretary, (c) => c.fire(secretary, v1, 'approve'))).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await row(v1)).toMatchObject({ state: 'submitted', row_version: 3 });

    const returned = await as(director, (c) => c.fire(director, v1, 'return', 'Budgettet mangler'));
    expect(returned).toMatchObject({ state: 'draft', rowVersion: 4, returned: { by: director.personId, comment: 'Budgettet mangler' } });
    expect(await as(secretary, (c) => c.fire(secretary, v1, 'submit'))).toMatchObject({ state: 'submitted', rowVersion: 5 });
  });

  it('is approved by a director and then in force', async () => {
    const approved = await as(director, (c) => c.fire(director, v1, 'approve'));
    expect(approved).toMatchObject({ state: 'approved', inForce: true, approved: { by: director.personId }, awaitingApproval: null });
    expect(await row(v1)).toMatchObject({ state: 'approved', row_version: 6 });
    await expect(as(secretary, (c) => c.update(secretary, v1, { purpose: 'Efter godkendelsen' }))).rejects.toMatchObject({ kind: 'conflict', code: 'commission_not_draft' });
  });

  let v2: string;

  it('is amended by opening a new draft version, one at a time, while the approved one stays in force', async () => {
    const amended = await as(secretary, (c) => c.fire(secretary, v1, 'amend'));
    expect(amended).toMatchObject({ state: 'approved', inForce: true });
    v2 = amended.amendmentId;
    expect(await row(v2)).toEqual({ version: 2, state: 'draft', row_version: 1, purpose: 'Mindske ulighed i sundhed.', previous_version_id: v1, created_by: secretary.personId });
    expect(await audit(v2)).toEqual([{ action: 'commission.created', actor_id: secretary.personId, details: { committeeId, version: 2, amends: v1 } }]);

    await expect(as(secretary, (c) => c.fire(secretary, v1, 'amend'))).rejects.toMatchObject({
      kind: 'conflict',
      code: 'transition_guard_failed',
      message: 'An amendment of this kommissorium is already open',
    });
    expect(await s.dataSource.query(`SELECT count(*)::int AS n FROM commission WHERE committee_id = $1`, [committeeId])).toEqual([{ n: 2 }]);
  });

  it('supersedes the version in force when the amendment is approved, as the system, in the same transaction', async () => {
    await as(secretary, (c) => c.update(secretary, v2, { purpose: 'Mindske ulighed i sundhed og trivsel.' }));
    await as(secretary, (c) => c.fire(secretary, v2, 'submit'));
    expect(await as(director, (c) => c.fire(director, v2, 'approve'))).toMatchObject({ version: 2, state: 'approved', inForce: true, previousVersionId: v1 });

    expect(await row(v1)).toMatchObject({ state: 'superseded', row_version: 8 });
    expect(await as(member, (c) => c.get(member, v1))).toMatchObject({ state: 'superseded', inForce: false, amendmentId: null });
    const [approval] = await s.dataSource.query(`SELECT xmin::text AS tx FROM workflow_transition WHERE record_id = $1 AND event = 'approve'`, [v2]);
    const [supersession] = await s.dataSource.query(`SELECT xmin::text AS tx FROM workflow_transition WHERE record_id = $1 AND event = 'supersede'`, [v1]);
    expect(supersession.tx).toBe(approval.tx);
  });

  it('tells each version’s history from its transitions, as the audit trail does', async () => {
    const history = await as(member, (c) => c.history(member, v1));
    const steps = history.map((step) => [step.event, step.fromState, step.toState, step.actorId, step.comment]);
    expect(steps).toEqual([
      ['submit', 'draft', 'submitted', secretary.personId, null],
      ['return', 'submitted', 'draft', director.personId, 'Budgettet mangler'],
      ['submit', 'draft', 'submitted', secretary.personId, null],
      ['approve', 'submitted', 'approved', director.personId, null],
      ['amend', 'approved', 'approved', secretary.personId, null],
      ['supersede', 'approved', 'superseded', null, 'Version 2 was approved'],
    ]);
    expect((await transitions(v1)).map((t: { event: string; from_state: string; to_state: string; actor_id: string | null; comment: string | null }) => [t.event, t.from_state, t.to_state, t.actor_id, t.comment])).toEqual(steps);
    const fired = (await audit(v1)).filter((entry: { action: string }) => !['commission.created', 'commission.updated'].includes(entry.action));
    expect(fired.map((entry: { action: string }) => entry.action).sort()).toEqual(steps.map(([event]) => `commission.${event}`).sort());
    expect((await as(member, (c) => c.history(member, v2))).map((step) => step.event)).toEqual(['submit', 'approve']);
  });
});
