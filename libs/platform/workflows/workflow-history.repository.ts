import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { type Transaction, UnitOfWork } from '@app/database';
import { WorkflowTransitionRecord } from './workflow-transition.entity.js';

/** The workflow_transition table: one row per event fired on any record. */
@Injectable()
export class WorkflowHistoryRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The rows of one transaction's transitions in one statement. */
  async appendMany(tx: Transaction, rows: readonly Omit<WorkflowTransitionRecord, 'id' | 'at'>[]): Promise<void> {
    if (rows.length) await tx.insert(WorkflowTransitionRecord, [...rows]);
  }

  /** The record's events in the order they were fired. */
  of(workflow: string, recordId: string): Promise<WorkflowTransitionRecord[]> {
    return this.ofRecords(workflow, [recordId]);
  }

  ofRecords(workflow: string, recordIds: readonly string[]): Promise<WorkflowTransitionRecord[]> {
    if (recordIds.length === 0) return Promise.resolve([]);
    return this.unitOfWork.outside.find(WorkflowTransitionRecord, { where: { workflow, recordId: In([...recordIds]) }, order: { at: 'ASC' } });
  }

  /** When the event was last fired on the record (a kommissorium's submission); null when never. */
  async lastFiredAt(workflow: string, recordId: string, event: string): Promise<Date | null> {
    // Plain SQL, as a worker-only process does not register the entity.
    const [row]: { at: Date | null }[] = await this.unitOfWork.outside.query(`SELECT max(at) AS at FROM workflow_transition WHERE workflow = $1 AND record_id = $2 AND event = $3`, [
      workflow,
      recordId,
      event,
    ]);
    return row.at;
  }
}
