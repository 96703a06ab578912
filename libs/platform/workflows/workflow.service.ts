import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget } from 'typeorm';
import { AuditService } from '@app/audit';
import { RequestContext } from '@app/core';
import {
  ALL_WORKFLOWS,
  assertWorkflowsValid,
  decideTransition,
  DomainError,
  type Decision,
  type WorkflowActor,
  type WorkflowDefinition,
} from '@app/domain';
import { WorkflowTransitionRecord } from './workflow-transition.entity.js';

/** A record that runs through a workflow: its state and a version that every transition raises. */
export interface WorkflowRecord {
  id: string;
  state: string;
  rowVersion: number;
}

/** Carries out a named effect of a transition inside its transaction. */
export type EffectHandler<R extends WorkflowRecord> = (
  manager: EntityManager,
  record: R,
  decision: Decision<string>,
  payload: Record<string, unknown>,
) => Promise<void>;

export interface FireRequest<S extends string, E extends string, C, R extends WorkflowRecord> {
  definition: WorkflowDefinition<S, E, C>;
  entity: EntityTarget<R>;
  record: R;
  event: string;
  actor: WorkflowActor & { personId: string | null };
  context: C;
  comment?: string | null;
  /** What an effect needs beyond the record, e.g. the meeting a referred case goes on to. */
  payload?: Record<string, unknown>;
  /** Run inside this transaction instead of opening one (an effect firing a system event). */
  manager?: EntityManager;
}

/**
 * Fires workflow events. The table decides (pure); then one transaction compare-and-sets state and version,
 * writes the history row and the audit row, and runs the effects. A lost race changes nothing and answers 409.
 */
@Injectable()
export class WorkflowService implements OnApplicationBootstrap {
  private readonly effectHandlers = new Map<string, EffectHandler<any>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Called by each feature for the effects its workflow names; checked at start-up. */
  registerEffects<R extends WorkflowRecord>(definition: WorkflowDefinition<string, string, any>, handlers: Record<string, EffectHandler<R>>): void {
    for (const [effect, handler] of Object.entries(handlers)) this.effectHandlers.set(`${definition.name}:${effect}`, handler);
  }

  /** Every table is sound and every effect it names has a handler, or the process does not start. */
  onApplicationBootstrap(): void {
    for (const definition of ALL_WORKFLOWS) {
      const handled = new Set([...this.effectHandlers.keys()].filter((key) => key.startsWith(`${definition.name}:`)).map((key) => key.slice(definition.name.length + 1)));
      assertWorkflowsValid([definition], handled);
    }
  }

  async fire<S extends string, E extends string, C, R extends WorkflowRecord>(request: FireRequest<S, E, C, R>): Promise<Decision<S>> {
    const { definition, record, event, actor, context, comment } = request;
    const decision = decideTransition(definition, record.state as S, event, actor, context, comment);
    const run = async (manager: EntityManager) => {
      const result = await manager
        .createQueryBuilder()
        .update(request.entity)
        .set({ state: decision.to, rowVersion: () => 'row_version + 1' } as never)
        .where('id = :id AND state = :from AND row_version = :version', { id: record.id, from: decision.from, version: record.rowVersion })
        .execute();
      if (result.affected !== 1) {
        throw DomainError.conflict('stale_state', `The ${definition.title.toLowerCase()} changed meanwhile; reload it and try again`, { event });
      }
      await manager.insert(WorkflowTransitionRecord, {
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
      for (const effect of decision.effects) {
        const handler = this.effectHandlers.get(`${definition.name}:${effect}`);
        if (!handler) throw new Error(`${definition.name}: effect ${effect} has no handler`);
        await handler(manager, updated, decision, request.payload ?? {});
      }
    };
    await (request.manager ? run(request.manager) : this.dataSource.transaction(run));
    return decision;
  }

  history(workflow: string, recordId: string): Promise<WorkflowTransitionRecord[]> {
    return this.dataSource.getRepository(WorkflowTransitionRecord).find({ where: { workflow, recordId }, order: { at: 'ASC' } });
  }
}
