import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityTarget } from 'typeorm';
import { AccessService } from '@app/access';
import { type AuditRecord, AuditService } from '@app/audit';
import { type Actor, RequestContext } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import {
  ALL_WORKFLOWS,
  assertWorkflowsValid,
  availableEvents,
  decideTransition,
  DomainError,
  eventReadsContext,
  SYSTEM_ACTOR,
  type AvailableEvent,
  type Decision,
  type WorkflowActor,
  type WorkflowDefinition,
  type WorkflowRole,
} from '@app/domain';
import { WorkflowHistoryRepository } from './workflow-history.repository.js';
import { workflowRolesOf } from './workflow-roles.js';
import type { WorkflowTransitionRecord } from './workflow-transition.entity.js';

/** A record that runs through a workflow: its state and a version that every transition raises. */
export interface WorkflowRecord {
  id: string;
  state: string;
  rowVersion: number;
}

/** Carries out a named effect of a transition inside its transaction, on the record as the transition left it. */
/** Who fired the event and what they said (a director's reason for returning a kommissorium), for effects that tell others. */
export interface FiredEvent {
  actorId: string | null;
  comment: string | null;
}

export type EffectHandler<R extends WorkflowRecord, F extends string> = (
  tx: Transaction,
  record: R,
  decision: Decision<string, F>,
  payload: Record<string, unknown>,
  fired: FiredEvent,
) => Promise<void>;

/**
 * Everything the product knows about one kind of record that runs through a workflow, said once: its table, its
 * entity, how a request finds it (`K` is the key the API uses: its id, or the meeting of the minutes), whose
 * committee it belongs to, what the table's guards read, and one handler for each effect the table names: a
 * missing or misspelt effect does not compile.
 */
export interface WorkflowRecordDeclaration<S extends string, E extends string, C, F extends string, R extends WorkflowRecord & { state: S }, K = string> {
  definition: WorkflowDefinition<S, E, C, F>;
  entity: EntityTarget<R>;
  /** The record, or null when the key names none; `lock` takes its row lock for the transaction given. */
  find(key: K, tx: Transaction, lock: boolean): Promise<R | null>;
  notFound(key: K): DomainError;
  committeeOf(record: R, tx: Transaction): Promise<string> | string;
  /**
   * The committee known from the key alone, when it is (the minutes of a meeting): then who may read is checked
   * before whether the record exists, so an outsider learns nothing of it.
   */
  committeeOfKey?(key: K, tx: Transaction): Promise<string>;
  /** What the guards need; `actor` is null when the application fires a system event. */
  context(record: R, tx: Transaction, actor: Actor | null): Promise<C> | C;
  effects: { [Effect in F]: EffectHandler<R, F> };
  /** Fire with the record's row locked, so people acting at once take turns (signing) instead of losing a race. */
  lockToFire?: boolean;
  /** A refusal the table cannot express, checked in the firing transaction (e.g. who must sign). */
  refuse?(event: string, record: R, context: C, actor: Actor): DomainError | null;
  /**
   * One who may read this record without reading its committee (a substitute who sat at the meeting, for its
   * minutes), with the roles the table knows them by for this record alone; null for everyone else, who is refused.
   */
  rolesOfRecordReader?(key: K, actor: Actor, tx: Transaction): Promise<readonly WorkflowRole[] | null>;
}

/** A record as its reader may act on it: the committee it belongs to, and the actor as the table knows them there. */
export interface ReadableRecord<R> {
  record: R;
  committeeId: string;
  actor: WorkflowActor & { personId: string };
}

/** The operations every workflow-backed record has: what may be fired now, fire, the history, and system events. */
export class WorkflowRecords<S extends string, E extends string, C, F extends string, R extends WorkflowRecord & { state: S }, K = string> {
  constructor(
    private readonly declaration: WorkflowRecordDeclaration<S, E, C, F, R, K>,
    private readonly engine: WorkflowService,
  ) {}

  get definition(): WorkflowDefinition<S, E, C, F> {
    return this.declaration.definition;
  }

  get handledEffects(): ReadonlySet<string> {
    return new Set(Object.keys(this.declaration.effects));
  }

  /**
   * The record for a reader of its committee, or of this record alone (see `rolesOfRecordReader`), with that
   * committee; 404 for an unknown key, 403 for others.
   */
  async readable(actor: Actor, key: K, tx: Transaction = this.engine.unitOfWork.outside, lock = false): Promise<ReadableRecord<R>> {
    const knownCommittee = this.declaration.committeeOfKey ? await this.declaration.committeeOfKey(key, tx) : null;
    const rolesForKnown = knownCommittee ? await this.readerRoles(actor, key, knownCommittee, tx) : null;
    const record = await this.declaration.find(key, tx, lock);
    if (!record) throw this.declaration.notFound(key);
    const committeeId = knownCommittee ?? (await this.declaration.committeeOf(record, tx));
    const roles = rolesForKnown ?? (await this.readerRoles(actor, key, committeeId, tx));
    return { record, committeeId, actor: { roles, personId: actor.personId } };
  }

  /** A committee reader's roles in the committee, else the roles the declaration gives a reader of this record; 403 for others. */
  private async readerRoles(actor: Actor, key: K, committeeId: string, tx: Transaction): Promise<readonly WorkflowRole[]> {
    try {
      this.engine.access.assertCommitteeReader(actor, committeeId);
      return workflowRolesOf(actor, committeeId);
    } catch (refusal) {
      const roles = await this.declaration.rolesOfRecordReader?.(key, actor, tx);
      if (roles) return roles;
      throw refusal;
    }
  }

  async available(actor: Actor, key: K): Promise<AvailableEvent<E>[]> {
    const tx = this.engine.unitOfWork.outside;
    const { record, actor: reader } = await this.readable(actor, key, tx);
    const context = await this.declaration.context(record, tx, actor);
    return availableEvents(this.definition, record.state, reader, context);
  }

  /** Fires `event` as the actor; the returned record is as the transition left it. */
  async fire(actor: Actor, key: K, event: string, options: { comment?: string | null; payload?: Record<string, unknown> } = {}): Promise<R> {
    // Who may is settled before any transaction opens, so a refused request never holds a connection and a lock.
    const { record: unlocked, actor: firing } = await this.readable(actor, key);
    const fireOn = async (tx: Transaction, record: R) => {
      const context = await this.declaration.context(record, tx, actor);
      const refusal = this.declaration.refuse?.(event, record, context, actor);
      if (refusal) throw refusal;
      return this.engine.transition(tx, this.declaration, record, event, firing, context, options);
    };
    if (!this.declaration.lockToFire) return fireOn(this.engine.unitOfWork.outside, unlocked);
    return this.engine.unitOfWork.run(async (tx) => {
      const locked = await this.declaration.find(key, tx, true);
      if (!locked) throw this.declaration.notFound(key);
      return fireOn(tx, locked);
    });
  }

  /** The application's own event, fired as an effect inside the transaction of another. */
  async fireAsSystem(tx: Transaction, record: R, event: E, comment?: string): Promise<R> {
    const [updated] = await this.fireManyAsSystem(tx, [record], event, comment);
    return updated;
  }

  /**
   * The application's own event on many records at once (publishing puts every ready item on the agenda): each
   * record compared and set by its state and version, in one statement for all; one record changed meanwhile
   * answers 409 and the caller's transaction changes nothing. The guards' context is read only when they need it.
   */
  async fireManyAsSystem(tx: Transaction, records: readonly R[], event: E, comment?: string): Promise<R[]> {
    const contexts: C[] = [];
    for (const record of records) {
      contexts.push(eventReadsContext(this.definition, record.state, event) ? await this.declaration.context(record, tx, null) : (undefined as C));
    }
    return this.engine.transitionMany(tx, this.declaration, records, contexts, event, { ...SYSTEM_ACTOR, personId: null }, { comment });
  }

  async history(actor: Actor, key: K): Promise<WorkflowTransitionRecord[]> {
    const { record } = await this.readable(actor, key);
    return this.engine.history.of(this.definition.name, record.id);
  }
}

type FiringActor = WorkflowActor & { personId: string | null };

interface TransitionOptions {
  comment?: string | null;
  payload?: Record<string, unknown>;
}

/** The history and audit rows of the transitions in one transaction, written together by the outermost. */
interface Trail {
  history: Omit<WorkflowTransitionRecord, 'id' | 'at'>[];
  audit: AuditRecord[];
}

/**
 * Fires workflow events. The table decides (pure); then one transaction compare-and-sets state and version,
 * runs the effects and writes a history row and an audit row per record, those of every transition in the
 * transaction in one statement each. A lost race changes nothing and answers 409.
 */
@Injectable()
export class WorkflowService implements OnApplicationBootstrap {
  private readonly declared = new Map<string, WorkflowRecords<any, any, any, any, any, any>>();
  private readonly trails = new WeakMap<Transaction, Trail>();

  constructor(
    readonly unitOfWork: UnitOfWork,
    readonly access: AccessService,
    readonly history: WorkflowHistoryRepository,
    private readonly audit: AuditService,
  ) {}

  /** The one declaration of a workflow-backed record; a second declaration of the same workflow is refused. */
  declare<S extends string, E extends string, C, F extends string, R extends WorkflowRecord & { state: S }, K = string>(
    declaration: WorkflowRecordDeclaration<S, E, C, F, R, K>,
  ): WorkflowRecords<S, E, C, F, R, K> {
    const { name } = declaration.definition;
    if (this.declared.has(name)) throw new Error(`The ${name} workflow's records are declared twice`);
    const records = new WorkflowRecords(declaration, this);
    this.declared.set(name, records);
    return records;
  }

  /**
   * The declared records of a workflow, for an effect that fires another record's system event (publishing a
   * meeting puts its items on the agenda): looked up when the effect runs, so two declarations never need each other.
   */
  recordsOf<S extends string, E extends string, C, F extends string>(definition: WorkflowDefinition<S, E, C, F>): WorkflowRecords<S, E, C, F, any, any> {
    const records = this.declared.get(definition.name);
    if (!records) throw new Error(`The ${definition.name} workflow's records are not declared`);
    return records;
  }

  /** Every table is sound and its records are declared, with a handler for every effect, or the process does not start. */
  onApplicationBootstrap(): void {
    for (const definition of ALL_WORKFLOWS) {
      const records = this.declared.get(definition.name);
      if (!records) throw new Error(`The ${definition.name} workflow's records are not declared (WorkflowService.declare)`);
      assertWorkflowsValid([definition], records.handledEffects);
    }
  }

  async transition<S extends string, E extends string, C, F extends string, R extends WorkflowRecord & { state: S }, K>(
    tx: Transaction,
    declaration: WorkflowRecordDeclaration<S, E, C, F, R, K>,
    record: R,
    event: string,
    actor: FiringActor,
    context: C,
    options: TransitionOptions,
  ): Promise<R> {
    const [updated] = await this.transitionMany(tx, declaration, [record], [context], event, actor, options);
    return updated;
  }

  /**
   * Fires `event` on each record, `contexts[i]` being the context of `records[i]`. Every record is decided before
   * anything is written; then one compare-and-set statement per kind of change (from and to), each record's effects,
   * and, unless an outer transition of the same transaction will, the history and audit rows. A record changed
   * meanwhile answers 409 and the transaction rolls back.
   */
  async transitionMany<S extends string, E extends string, C, F extends string, R extends WorkflowRecord & { state: S }, K>(
    tx: Transaction,
    declaration: WorkflowRecordDeclaration<S, E, C, F, R, K>,
    records: readonly R[],
    contexts: readonly C[],
    event: string,
    actor: FiringActor,
    options: TransitionOptions,
  ): Promise<R[]> {
    if (records.length === 0) return [];
    const { definition } = declaration;
    const comment = options.comment?.trim() || null;
    const decisions = records.map((record, index) => decideTransition(definition, record.state, event, actor, contexts[index], options.comment));
    const run = async (manager: Transaction) => {
      // The outermost transition of the transaction writes the trail of every transition its effects fire, together.
      const joined = this.trails.get(manager);
      const trail: Trail = joined ?? { history: [], audit: [] };
      if (!joined) this.trails.set(manager, trail);
      try {
        await this.compareAndSet(manager, declaration, records, decisions, event);
        const requestId = RequestContext.current()?.requestId ?? null;
        for (const [index, record] of records.entries()) {
          const { from, to } = decisions[index];
          trail.history.push({ workflow: definition.name, recordId: record.id, event, fromState: from, toState: to, actorId: actor.personId, comment, requestId });
          trail.audit.push({
            action: `${definition.name}.${event}`,
            entityType: definition.name,
            entityId: record.id,
            details: { from, to, ...(options.comment ? { comment: options.comment } : {}) },
          });
        }
        const fired = { actorId: actor.personId, comment };
        const updated = records.map((record, index) => ({ ...record, state: decisions[index].to, rowVersion: record.rowVersion + 1 }));
        for (const [index, record] of updated.entries()) {
          for (const effect of decisions[index].effects) await declaration.effects[effect](manager, record, decisions[index], options.payload ?? {}, fired);
        }
        if (!joined) {
          await this.history.appendMany(manager, trail.history);
          await this.audit.recordMany(manager, trail.audit);
        }
        return updated;
      } finally {
        if (!joined) this.trails.delete(manager);
      }
    };
    // A transaction given is joined; the pool's manager is not one, so the transition opens its own.
    return tx.queryRunner?.isTransactionActive ? run(tx) : this.unitOfWork.run(run);
  }

  /** Moves every record from its state to the decided one, if its state and version are still those it was read with. */
  private async compareAndSet<R extends WorkflowRecord>(
    manager: Transaction,
    declaration: WorkflowRecordDeclaration<any, any, any, any, R, any>,
    records: readonly R[],
    decisions: readonly Decision<string>[],
    event: string,
  ): Promise<void> {
    const changes = new Map<string, { from: string; to: string; records: R[] }>();
    for (const [index, record] of records.entries()) {
      const { from, to } = decisions[index];
      const change = changes.get(`${from}>${to}`) ?? { from, to, records: [] };
      change.records.push(record);
      changes.set(`${from}>${to}`, change);
    }
    for (const { from, to, records: changing } of changes.values()) {
      const result = await manager
        .createQueryBuilder()
        .update(declaration.entity)
        .set({ state: to, rowVersion: () => 'row_version + 1' } as never)
        .where('state = :from AND (id, row_version) IN (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:versions AS int[])))', {
          from,
          ids: changing.map((record) => record.id),
          versions: changing.map((record) => record.rowVersion),
        })
        .execute();
      if (result.affected !== changing.length) {
        const { title } = declaration.definition;
        const message =
          changing.length === 1
            ? `The ${title.toLowerCase()} changed meanwhile; reload it and try again`
            : `${changing.length - (result.affected ?? 0)} of the ${changing.length} records (${title.toLowerCase()}) changed meanwhile; reload them and try again`;
        throw DomainError.conflict('stale_state', message, { event });
      }
    }
  }
}
