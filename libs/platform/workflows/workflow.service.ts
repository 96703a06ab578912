import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityTarget } from 'typeorm';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { type Actor, RequestContext } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import {
  ALL_WORKFLOWS,
  assertWorkflowsValid,
  availableEvents,
  decideTransition,
  DomainError,
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
    const context = await this.declaration.context(record, tx, null);
    return this.engine.transition(tx, this.declaration, record, event, { ...SYSTEM_ACTOR, personId: null }, context, { comment });
  }

  async history(actor: Actor, key: K): Promise<WorkflowTransitionRecord[]> {
    const { record } = await this.readable(actor, key);
    return this.engine.history.of(this.definition.name, record.id);
  }
}

/**
 * Fires workflow events. The table decides (pure); then one transaction compare-and-sets state and version,
 * writes the history row and the audit row, and runs the effects. A lost race changes nothing and answers 409.
 */
@Injectable()
export class WorkflowService implements OnApplicationBootstrap {
  private readonly declared = new Map<string, WorkflowRecords<any, any, any, any, any, any>>();

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
    actor: Parameters<typeof decideTransition>[3] & { personId: string | null },
    context: C,
    options: { comment?: string | null; payload?: Record<string, unknown> },
  ): Promise<R> {
    const { definition } = declaration;
    const { comment } = options;
    const decision = decideTransition(definition, record.state, event, actor, context, comment);
    const run = async (manager: Transaction) => {
      const result = await manager
        .createQueryBuilder()
        .update(declaration.entity)
        .set({ state: decision.to, rowVersion: () => 'row_version + 1' } as never)
        .where('id = :id AND state = :from AND row_version = :version', { id: record.id, from: decision.from, version: record.rowVersion })
        .execute();
      if (result.affected !== 1) {
        throw DomainError.conflict('stale_state', `The ${definition.title.toLowerCase()} changed meanwhile; reload it and try again`, { event });
      }
      await this.history.append(manager, {
        workflow: definition.name,
        recordId: record.id,
        event,
        fromState: decision.from,
        toState: decision.to,
        actorId: actor.personId,
        comment: comment?.trim() || null,
        requestId: RequestContext.current()?.requestId ?? null,
      });
      await this.audit.record(manager, {
        action: `${definition.name}.${event}`,
        entityType: definition.name,
        entityId: record.id,
        details: { from: decision.from, to: decision.to, ...(comment ? { comment } : {}) },
      });
      const updated = { ...record, state: decision.to, rowVersion: record.rowVersion + 1 };
      const fired = { actorId: actor.personId, comment: comment?.trim() || null };
      for (const effect of decision.effects) await declaration.effects[effect](manager, updated, decision, options.payload ?? {}, fired);
      return updated;
    };
    // A transaction given is joined; the pool's manager is not one, so the transition opens its own.
    return tx.queryRunner?.isTransactionActive ? run(tx) : this.unitOfWork.run(run);
  }
}
