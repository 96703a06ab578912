import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The handle a repository runs its statements on: inside a unit of work, its transaction; outside, the pool.
 * Services pass it along and never call its table methods themselves: only the owning feature's repositories do.
 */
export type Transaction = EntityManager;

/** Runs a piece of work in one database transaction; services take this and repositories, never a DataSource. */
@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Statements outside a transaction, each committed on its own: for reads, and for repositories' defaults. */
  get outside(): Transaction {
    return this.dataSource.manager;
  }
}
