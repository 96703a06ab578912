import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { type Transaction, UnitOfWork } from '@app/database';
import { WorkflowTransitionRecord } from './workflow-transition.entity.js';

/** The workflow_transition table: one row per event fired on any record. */
@Injectable()
export class WorkflowHistoryRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async append(tx: Transaction, row: Omit<WorkflowTransitionRecord, 'id' | 'at'>): Promise<void> {
    await tx.insert(WorkflowTransitionRecord, row);
  }

  /** The record's events in the order they were fired. */
  of(workflow: string, recordId: string): Promise<WorkflowTransitionRecord[]> {
    return this.ofRecords(workflow, [recordId]);
  }

  ofRecords(workflow: string, recordIds: readonly string[]): Promise<WorkflowTransitionRecord[]> {
    if (recordIds.length === 0) return Promise.resolve([]);
    return this.unitOfWork.outside.find(WorkflowTransitionRecord, { where: { workflow, recordId: In([...recordIds]) }, order: { at: 'ASC' } });
  }
}
