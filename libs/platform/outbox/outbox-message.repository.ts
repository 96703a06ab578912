import { Injectable } from '@nestjs/common';
import { preparedStatement } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';

/** An outbox row as the relay and the reconciler put it on a queue. */
export interface QueueableOutboxMessage {
  id: string;
  jobName: string;
  payload: Record<string, unknown>;
  /** Until available_at, by the database's clock (0 when due). */
  delayMs: number;
}

/** An outbox row as a processor runs it. */
export interface RunnableOutboxMessage {
  id: string;
  jobName: string;
  payload: Record<string, unknown>;
  /** Until when failures for a passing reason are retried; null before the first such failure. */
  retryingUntil: Date | null;
  /** What the job's handler reads with its row (JobHandlerOf.readWithRow); undefined when it reads nothing so. */
  readWithRow?: unknown;
}

/** What the handlers of a queue's jobs read in the fetch of a job's row: by job name, a jsonb SQL expression over the payload. */
export type RowReads = ReadonlyMap<string, (payload: string) => string>;

const sqlLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

export type OutboxOutcome = 'done' | 'dropped' | 'failed';

interface QueueableRow {
  id: string;
  job_name: string;
  payload: Record<string, unknown>;
  delay_ms: string;
}

const QUEUEABLE_COLUMNS = `id, job_name, payload, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (available_at - now())) * 1000))::bigint AS delay_ms`;

function toQueueable(row: QueueableRow): QueueableOutboxMessage {
  return { id: row.id, jobName: row.job_name, payload: row.payload, delayMs: Number(row.delay_ms) };
}

/** Run once per job, so prepared (planned once per connection). */
const FIND_UNPROCESSED = preparedStatement('outbox-find-unprocessed', `SELECT id, job_name, payload, retrying_until FROM outbox_message WHERE id = $1 AND processed_at IS NULL`);

/**
 * The fetch of a job's row for the processor of one queue (`name`), with what its handlers read with the row: one
 * statement however many jobs of the queue read something, each reading only for its own rows.
 */
export function findUnprocessedStatement(name: string, reads: RowReads): string {
  if (!reads.size) return FIND_UNPROCESSED;
  const byJob = [...reads].map(([jobName, read]) => `WHEN ${sqlLiteral(jobName)} THEN (${read('o.payload')})::jsonb`).join(' ');
  return preparedStatement(
    `outbox-find-unprocessed-${name}`,
    `SELECT o.id, o.job_name, o.payload, o.retrying_until, CASE o.job_name ${byJob} END AS read_with_row FROM outbox_message o WHERE o.id = $1 AND o.processed_at IS NULL`,
  );
}
/**
 * The statement that finishes an outbox row once (a second run of the same job finds it finished); the arguments are
 * SQL expressions. A handler may end its own last write with it, so the write and the job's end commit together.
 */
export const finishOutboxRowSql = (id: string, outcome: string, attempts: string) =>
  `UPDATE outbox_message SET processed_at = now(), outcome = ${outcome}, attempts = ${attempts} WHERE id = ${id} AND processed_at IS NULL`;

const MARK_PROCESSED = preparedStatement('outbox-mark-processed', finishOutboxRowSql('$1', '$2', '$3'));

/** A message to write: which job, its payload, when it may run and the key under which it replaces another. */
export interface NewOutboxMessage {
  jobName: string;
  payload: Record<string, any>;
  availableAt: Date;
  dedupeKey: string | null;
}

/** The SQL of the outbox's life: written in the caller's transaction, relayed, re-enqueued, run, finished. */
@Injectable()
export class OutboxMessageRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Writes the message and wakes the relays (LISTEN 'outbox') once the transaction commits, in one statement. With
   * `replacing`, the unprocessed message of the same dedupe key is finished `replaced` by the same statement: the
   * insert reads the update's result, so the update is done before the insert meets the key's unique index.
   */
  async insertAndNotify(tx: Transaction, message: NewOutboxMessage, replacing = false): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `WITH replaced AS (
         UPDATE outbox_message SET processed_at = now(), outcome = 'replaced' WHERE $5 AND dedupe_key = $4 AND processed_at IS NULL RETURNING 1),
       inserted AS (
         INSERT INTO outbox_message (job_name, payload, available_at, dedupe_key)
         SELECT $1, $2::jsonb, $3, $4 FROM (SELECT count(*) FROM replaced) AS done RETURNING id)
       SELECT id, pg_notify('outbox', '') FROM inserted`,
      [message.jobName, JSON.stringify(message.payload), message.availableAt, message.dedupeKey, replacing],
    );
    return row.id;
  }

  /** Many messages of one job, due now, and the relays woken, in one statement. */
  async insertManyAndNotify(tx: Transaction, jobName: string, payloads: readonly unknown[]): Promise<void> {
    await tx.query(
      `WITH inserted AS (INSERT INTO outbox_message (job_name, payload) SELECT $1, p FROM unnest($2::jsonb[]) AS p RETURNING 1)
       SELECT pg_notify('outbox', '') WHERE EXISTS (SELECT FROM inserted)`,
      [jobName, payloads.map((payload) => JSON.stringify(payload))],
    );
  }

  async findPendingId(tx: Transaction, dedupeKey: string): Promise<string | null> {
    const [pending]: { id: string }[] = await tx.query(`SELECT id FROM outbox_message WHERE dedupe_key = $1 AND processed_at IS NULL`, [dedupeKey]);
    return pending?.id ?? null;
  }

  /** Finishes the unprocessed message with the key; returns whether there was one. */
  async finishPending(tx: Transaction, dedupeKey: string, outcome: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await tx.query(`UPDATE outbox_message SET processed_at = now(), outcome = $2 WHERE dedupe_key = $1 AND processed_at IS NULL`, [
      dedupeKey,
      outcome,
    ]);
    return affected > 0;
  }

  /** Finishes the message unless it was finished before; returns whether this call did. */
  async finishUnprocessed(tx: Transaction, id: string, attempt: number, outcome: OutboxOutcome): Promise<boolean> {
    const [, affected]: [unknown, number] = await tx.query(finishOutboxRowSql('$1', '$3', '$2'), [id, attempt, outcome]);
    return affected === 1;
  }

  /**
   * Locks the next due rows that are not on a queue yet. SKIP LOCKED lets several relays (processes) work
   * side by side, each taking rows the others do not hold.
   */
  async lockDueForRelay(manager: Transaction, horizonMs: number, limit: number): Promise<QueueableOutboxMessage[]> {
    const rows: QueueableRow[] = await manager.query(
      `SELECT ${QUEUEABLE_COLUMNS}
         FROM outbox_message
        WHERE processed_at IS NULL
          AND enqueued_at IS NULL
          AND available_at <= now() + $1::double precision * interval '1 millisecond'
        ORDER BY available_at, id
        LIMIT $2
          FOR UPDATE SKIP LOCKED`,
      [horizonMs, limit],
    );
    return rows.map(toQueueable);
  }

  async markEnqueued(manager: Transaction, ids: string[]): Promise<void> {
    if (ids.length) await manager.query(`UPDATE outbox_message SET enqueued_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** A page (by id) of the rows a queue should hold: relayed but not finished. */
  async findEnqueuedUnprocessed(afterId: string | null, limit: number): Promise<QueueableOutboxMessage[]> {
    const rows: QueueableRow[] = await this.unitOfWork.outside.query(
      `SELECT ${QUEUEABLE_COLUMNS}
         FROM outbox_message
        WHERE processed_at IS NULL
          AND enqueued_at IS NOT NULL
          AND ($1::uuid IS NULL OR id > $1::uuid)
        ORDER BY id
        LIMIT $2`,
      [afterId, limit],
    );
    return rows.map(toQueueable);
  }

  /** `statement`: the queue's fetch (findUnprocessedStatement), when its handlers read something with the row. */
  async findUnprocessed(id: string, statement: string = FIND_UNPROCESSED): Promise<RunnableOutboxMessage | null> {
    const [row]: { id: string; job_name: string; payload: Record<string, unknown>; retrying_until: Date | null; read_with_row?: unknown }[] =
      await this.unitOfWork.outside.query(statement, [id]);
    return row ? { id: row.id, jobName: row.job_name, payload: row.payload, retryingUntil: row.retrying_until, readWithRow: row.read_with_row } : null;
  }

  /** The job of a row, finished or not, to run it again as a new row. */
  async jobOf(id: string, manager: Transaction = this.unitOfWork.outside): Promise<{ jobName: string; payload: Record<string, unknown> } | null> {
    const [row] = await manager.query(`SELECT job_name AS "jobName", payload FROM outbox_message WHERE id = $1`, [id]);
    return row ?? null;
  }

  /**
   * Records a failure for a passing reason: the error and, on the first such failure, until when it may keep
   * trying. Spends no attempt.
   */
  async recordTransientFailure(id: string, error: string, windowMs: number): Promise<void> {
    await this.unitOfWork.outside.query(
      `UPDATE outbox_message
          SET last_error = $2,
              retrying_until = COALESCE(retrying_until, now() + $3::double precision * interval '1 millisecond')
        WHERE id = $1 AND processed_at IS NULL`,
      [id, error, windowMs],
    );
  }

  /** Finishes a row once; a second run of the same job (re-added after Redis lost it) finds it finished. */
  async markProcessed(id: string, outcome: OutboxOutcome, attempts: number, manager: Transaction = this.unitOfWork.outside): Promise<void> {
    await manager.query(MARK_PROCESSED, [id, outcome, attempts]);
  }

  /**
   * Finishes the row as failed with the reason, unless it was finished before; answers the row when this call
   * finished it, so what follows a failure happens once.
   */
  async finishFailed(tx: Transaction, id: string, attempts: number, reason: string): Promise<RunnableOutboxMessage | null> {
    const [rows]: [{ id: string; job_name: string; payload: Record<string, unknown>; retrying_until: Date | null }[], number] = await tx.query(
      `UPDATE outbox_message SET processed_at = now(), outcome = 'failed', last_error = $3, attempts = GREATEST(attempts, $2)
        WHERE id = $1 AND processed_at IS NULL
        RETURNING id, job_name, payload, retrying_until`,
      [id, attempts, reason],
    );
    return rows[0] ? { id: rows[0].id, jobName: rows[0].job_name, payload: rows[0].payload, retryingUntil: rows[0].retrying_until } : null;
  }

  /** Records a failed run; the final one finishes the row as failed, the others leave it for the retry. */
  async recordFailedAttempt(id: string, attempts: number, error: string, final: boolean, manager: Transaction = this.unitOfWork.outside): Promise<void> {
    await manager.query(
      `UPDATE outbox_message
          SET attempts = $2,
              last_error = $3,
              processed_at = CASE WHEN $4::boolean THEN now() END,
              outcome = CASE WHEN $4::boolean THEN 'failed' END
        WHERE id = $1 AND processed_at IS NULL`,
      [id, attempts, error, final],
    );
  }
}
