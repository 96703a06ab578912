import { Commission, CommissionsModule } from '@app/commissions';
import { BodyService, CommitteeService, MembershipService } from '@app/committees';
import type { Actor } from '@app/core';
import { commissionWorkflow, defineWorkflow, DomainError, type WorkflowDefinition } from '@app/domain';
import { OutboxService } from '@app/outbox';
import { PersonService } from '@app/people';
import { asActor, INSTALLATION_ADMIN, providerOf, type ServiceModule, startServiceModule } from '@app/test-kit';

const admin = INSTALLATION_ADMIN;
import { type EffectHandler, WorkflowService } from '@app/workflows';

interface CommissionService {
  create(actor: Actor, committeeId: string, dto: Record<string, unknown>): Promise<{ id: string }>;
  update(actor: Actor, id: string, dto: Record<string, unknown>): Promise<unknown>;
}

/** A table of the spec's own on the kommissorium's rows, whose one effect writes to the outbox and then fails. */
const failingWorkflow = defineWorkflow<'draft' | 'submitted', 'submit', Record<string, never>, 'write-then-fail'>({
  name: 'failing-commission',
  title: 'Kommissorium med fejlende effekt',
  initial: 'draft',
  states: ['draft', 'submitted'],
  final: ['submitted'],
  transitions: [{ event: 'submit', from: ['draft'], to: 'submitted', roles: ['secretary'], effects: ['write-then-fail'], description: 'Submit; its effect fails' }],
});

describe('WorkflowService', () => {
  let s: ServiceModule;
  let workflows: WorkflowService;
  let commissions: CommissionService;
  let secretary: Actor;
  let committeeId: string;

  /** A fresh kommissorium, alone in a committee of its own (one may be open per committee), as the database has it. */
  async function draft(): Promise<Commission> {
    const { id: bodyId } = await s.get(BodyService).create(admin, { name: 'Hedensted Kommune', kind: 'municipality' });
    committeeId = (await s.get(CommitteeService).create(admin, { bodyId, name: `Udvalg ${Math.random().toString(36).slice(2, 8)}`, kind: 'standing', mandateStart: '2024-01-01' })).id;
    await s.get(MembershipService).add(admin, committeeId, { personId: secretary.personId, role: 'secretary' });
    secretary = { ...secretary, seats: [...secretary.seats, { committeeId, role: 'secretary' }] };
    const { id } = await asActor(secretary, () => commissions.create(secretary, committeeId, { title: 'Kommissorium', purpose: 'Formål' }));
    return s.dataSource.getRepository(Commission).findOneByOrFail({ id });
  }

  /** Submits the kommissorium through its own declaration, which reads it afresh. */
  const submit = (record: Commission) => asActor(secretary, () => workflows.recordsOf(commissionWorkflow).fire(secretary, record.id, 'submit'));

  /**
   * Declares the spec's own records on the kommissorium's rows, found as `found` returns them: a record read before
   * another change is what a request that lost a race fires on.
   */
  function declareOnCommissions<F extends string>(definition: WorkflowDefinition<any, any, Record<string, never>, F>, found: () => Commission, effects: { [E in F]: EffectHandler<Commission, F> }) {
    return workflows.declare({
      definition: { ...definition, name: `${definition.name}-${Math.random().toString(36).slice(2, 8)}` },
      entity: Commission,
      find: async () => found(),
      notFound: (id: string) => DomainError.notFound('kommissorium', id),
      committeeOf: (record) => record.committeeId,
      context: () => ({}),
      effects,
    });
  }
  const noEffects = { 'open-amendment': async () => undefined, 'supersede-previous-version': async () => undefined, 'remind-directors-of-approval': async () => undefined };
  /** Submits `record` as it was read, whatever has happened to its row since. */
  const submitAsRead = (record: Commission) =>
    asActor(secretary, () => declareOnCommissions(commissionWorkflow as WorkflowDefinition<any, any, any, keyof typeof noEffects>, () => record, noEffects).fire(secretary, record.id, 'submit'));
  const stored = async (id: string) => (await s.dataSource.query(`SELECT state, row_version, xmin::text AS tx FROM commission WHERE id = $1`, [id]))[0];
  const history = (id: string) => s.dataSource.query(`SELECT workflow, event, from_state, to_state, actor_id, xmin::text AS tx FROM workflow_transition WHERE record_id = $1`, [id]);
  const fired = (id: string) => s.dataSource.query(`SELECT action, actor_id, details, xmin::text AS tx FROM audit_entry WHERE entity_id = $1 AND action NOT IN ('commission.created', 'commission.updated')`, [id]);
  const outbox = (id: string) => s.dataSource.query(`SELECT job_name, dedupe_key, xmin::text AS tx FROM outbox_message WHERE payload->>'subjectId' = $1`, [id]);

  beforeAll(async () => {
    s = await startServiceModule();
    workflows = s.get(WorkflowService);
    commissions = s.get(providerOf(CommissionsModule, 'CommissionService')) as CommissionService;
    const person = await s.get(PersonService).create(admin, { name: 'Sekretær Sara', email: 'sara@hedensted.dk' });
    secretary = { personId: person.id, email: person.email, roles: [], seats: [], bodyIds: [], bodyCommitteeIds: [] };
  });
  afterAll(() => s?.close());

  it('moves the record and writes its history row, its audit row and its effects’ rows in one transaction', async () => {
    const record = await draft();
    const submitted = await submit(record);

    expect(submitted).toMatchObject({ id: record.id, state: 'submitted', rowVersion: record.rowVersion + 1 });
    const after = await stored(record.id);
    expect(after).toMatchObject({ state: 'submitted', row_version: record.rowVersion + 1 });
    const [step] = await history(record.id);
    expect(step).toMatchObject({ workflow: 'commission', event: 'submit', from_state: 'draft', to_state: 'submitted', actor_id: secretary.personId });
    const [entry] = await fired(record.id);
    expect(entry).toMatchObject({ action: 'commission.submit', actor_id: secretary.personId, details: { from: 'draft', to: 'submitted' } });
    const [reminder] = await outbox(record.id);
    expect(reminder).toMatchObject({ job_name: 'send-reminder', dedupe_key: `reminder:commission-approval:${record.id}` });
    // Rows written by one transaction carry its id.
    expect(new Set([after.tx, step.tx, entry.tx, reminder.tx])).toEqual(new Set([after.tx]));
  });

  it('compares and sets: a record read before another change answers a conflict and changes nothing', async () => {
    const record = await draft();
    await submit(record);
    const once = { record: await stored(record.id), history: await history(record.id), audit: await fired(record.id), outbox: await outbox(record.id) };

    // Read in draft, submitted meanwhile: the state no longer matches.
    await expect(submitAsRead(record)).rejects.toMatchObject({ kind: 'conflict', code: 'stale_state', details: { event: 'submit' } });
    expect({ record: await stored(record.id), history: await history(record.id), audit: await fired(record.id), outbox: await outbox(record.id) }).toEqual(once);
    expect(once.history).toHaveLength(1);

    // Still a draft, but edited meanwhile: the state matches, the row version does not.
    const edited = await draft();
    await asActor(secretary, () => commissions.update(secretary, edited.id, { purpose: 'Et nyt formål' }));
    await expect(submitAsRead(edited)).rejects.toMatchObject({ kind: 'conflict', code: 'stale_state' });
    expect(await stored(edited.id)).toMatchObject({ state: 'draft', row_version: edited.rowVersion + 1 });
    expect({ history: await history(edited.id), audit: await fired(edited.id), outbox: await outbox(edited.id) }).toEqual({ history: [], audit: [], outbox: [] });
  });

  it('rolls back the state, the history row, the audit row and what the effect wrote when an effect fails', async () => {
    const outboxService = s.get(OutboxService);
    const record = await draft();
    const failing = declareOnCommissions(failingWorkflow, () => record, {
      'write-then-fail': async (tx, submitted) => {
        await outboxService.add(tx, 'send-reminder', { kind: 'commission-approval', subjectId: submitted.id, dueOn: '2027-01-04', basis: 'test' });
        throw new Error('The effect failed');
      },
    });
    const before = { record: await stored(record.id), outbox: await s.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message`) };

    await expect(
      asActor(secretary, () => failing.fire(secretary, record.id, 'submit')),
    ).rejects.toThrow('The effect failed');

    expect(await stored(record.id)).toEqual(before.record);
    expect(await history(record.id)).toEqual([]);
    expect(await fired(record.id)).toEqual([]);
    expect(await outbox(record.id)).toEqual([]);
    expect(await s.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message`)).toEqual(before.outbox);
  });

  it('refuses an event the role may not fire before it looks at the state, writing nothing', async () => {
    const record = await draft();
    const chair: Actor = { personId: secretary.personId, email: secretary.email, roles: [], seats: [{ committeeId: record.committeeId, role: 'chair' }], bodyIds: [], bodyCommitteeIds: [] };
    await expect(
      asActor(chair, () => workflows.recordsOf(commissionWorkflow).fire(chair, record.id, 'approve')),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await stored(record.id)).toMatchObject({ state: 'draft', row_version: record.rowVersion });
    expect(await history(record.id)).toEqual([]);
  });
});
