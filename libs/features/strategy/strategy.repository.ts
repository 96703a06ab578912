import { Injectable } from '@nestjs/common';
import { BodySql, CommitteeSql } from '@app/committees';
import { type Transaction, UnitOfWork } from '@app/database';
import { AgendaSql } from '@app/meetings';
import { PhaseSql } from '@app/process-plans';
import { AgendaItemAim, CommitteeAim, PhaseAim, StrategicAim } from './strategic-aim.entity.js';

/** What can be tagged with aims, each with the join table that holds its tags. */
export type AimTarget = 'committee' | 'phase' | 'item';

const TAGS = {
  committee: { entity: CommitteeAim, table: 'committee_aim', column: 'committee_id' },
  phase: { entity: PhaseAim, table: 'phase_aim', column: 'phase_id' },
  item: { entity: AgendaItemAim, table: 'agenda_item_aim', column: 'agenda_item_id' },
} as const;

/** The committee a tagged thing works in, and that committee's body. */
const TARGET_HOME: Record<AimTarget, string> = {
  committee: `SELECT c.id AS committee_id, c.body_id FROM ${CommitteeSql.table('c')} WHERE c.id = $1`,
  phase: `SELECT c.id AS committee_id, c.body_id FROM ${PhaseSql.table('p')} ${CommitteeSql.join('c', 'p.committee_id')} WHERE p.id = $1`,
  item: `SELECT c.id AS committee_id, c.body_id FROM ${AgendaSql.items('i')} JOIN ${AgendaSql.meetings('m')} ON m.id = i.meeting_id ${CommitteeSql.join('c', 'm.committee_id')} WHERE i.id = $1`,
};

export interface StrategyCommitteeRow { aim_id: string; id: string; name: string }
export interface StrategyPhaseRow { aim_id: string; id: string; title: string; committee_id: string; committee_name: string; from_quarter: string; to_quarter: string; state: string }
export interface StrategyItemRow {
  aim_id: string;
  id: string;
  number: number;
  title: string;
  closed: boolean;
  meeting_id: string;
  starts_at: Date;
  committee_id: string;
  committee_name: string;
}

/** The strategic aims of the bodies and their tags: the only code that names these tables. */
@Injectable()
export class StrategyRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  aimsOf(bodyId: string, tx: Transaction = this.unitOfWork.outside): Promise<StrategicAim[]> {
    return tx.find(StrategicAim, { where: { bodyId }, order: { position: 'ASC', title: 'ASC' } });
  }

  findAim(id: string, tx: Transaction = this.unitOfWork.outside): Promise<StrategicAim | null> {
    return tx.findOne(StrategicAim, { where: { id } });
  }

  async findBody(bodyId: string): Promise<{ name: string } | null> {
    const [row] = await this.unitOfWork.outside.query(`SELECT b.name FROM ${BodySql.table('b')} WHERE b.id = $1`, [bodyId]);
    return row ?? null;
  }

  /** Whether the body exists; its row is locked so aims added at once get positions one after another. */
  async lockBody(tx: Transaction, bodyId: string): Promise<boolean> {
    const rows = await tx.query(`SELECT b.id FROM ${BodySql.table('b')} WHERE b.id = $1 FOR NO KEY UPDATE`, [bodyId]);
    return rows.length > 0;
  }

  /** Those of the committees that belong to the body. */
  async committeesOfBody(bodyId: string, committeeIds: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.unitOfWork.outside.query(`SELECT c.id FROM ${CommitteeSql.table('c')} WHERE c.body_id = $1 AND c.id = ANY($2::uuid[])`, [bodyId, committeeIds]);
    return rows.map((row) => row.id);
  }

  async titleTaken(tx: Transaction, bodyId: string, title: string, exceptId: string | null): Promise<boolean> {
    const rows = await tx.query(`SELECT 1 FROM strategic_aim WHERE body_id = $1 AND title = $2 AND id IS DISTINCT FROM $3`, [bodyId, title, exceptId]);
    return rows.length > 0;
  }

  async insertAim(tx: Transaction, values: Pick<StrategicAim, 'bodyId' | 'title' | 'description' | 'position'>): Promise<string> {
    const { identifiers } = await tx.insert(StrategicAim, values);
    return identifiers[0].id as string;
  }

  async updateAim(tx: Transaction, id: string, changes: Partial<Pick<StrategicAim, 'title' | 'description'>>): Promise<void> {
    if (Object.keys(changes).length > 0) await tx.update(StrategicAim, id, changes);
  }

  /** Numbers the body's aims 1, 2, 3 ... in the order given. */
  async renumber(tx: Transaction, orderedIds: readonly string[]): Promise<void> {
    if (orderedIds.length === 0) return;
    await tx.query(
      `UPDATE strategic_aim a SET position = o.position, updated_at = CASE WHEN a.position = o.position THEN a.updated_at ELSE now() END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position) WHERE a.id = o.id`,
      [orderedIds],
    );
  }

  async deleteAim(tx: Transaction, id: string): Promise<void> {
    await tx.delete(StrategicAim, id);
  }

  /** The committee and body a committee, phase or agenda item works in; null when there is no such record. */
  async homeOf(target: AimTarget, id: string, tx: Transaction = this.unitOfWork.outside): Promise<{ committeeId: string; bodyId: string } | null> {
    const [row] = await tx.query(TARGET_HOME[target], [id]);
    return row ? { committeeId: row.committee_id, bodyId: row.body_id } : null;
  }

  /** The aims among the ids that exist, with their bodies. */
  async aimBodies(tx: Transaction, aimIds: readonly string[]): Promise<Map<string, string>> {
    const rows: { id: string; body_id: string }[] = await tx.query(`SELECT id, body_id FROM strategic_aim WHERE id = ANY($1::uuid[])`, [aimIds]);
    return new Map(rows.map((row) => [row.id, row.body_id]));
  }

  async replaceTags(tx: Transaction, target: AimTarget, id: string, aimIds: readonly string[]): Promise<void> {
    const { table, column } = TAGS[target];
    await tx.query(`DELETE FROM ${table} WHERE ${column} = $1`, [id]);
    if (aimIds.length > 0) await tx.query(`INSERT INTO ${table} (${column}, aim_id) SELECT $1, unnest($2::uuid[])`, [id, aimIds]);
  }

  /** The aims a committee, phase or item is tagged with, in the body's order. */
  async tagsOf(target: AimTarget, id: string, tx: Transaction = this.unitOfWork.outside): Promise<string[]> {
    const { table, column } = TAGS[target];
    const rows: { aim_id: string }[] = await tx.query(
      `SELECT t.aim_id FROM ${table} t JOIN strategic_aim a ON a.id = t.aim_id WHERE t.${column} = $1 ORDER BY a.position, a.title`,
      [id],
    );
    return rows.map((row) => row.aim_id);
  }

  taggedCommittees(bodyId: string): Promise<StrategyCommitteeRow[]> {
    return this.unitOfWork.outside.query(
      `SELECT t.aim_id, c.id, c.name FROM committee_aim t JOIN strategic_aim a ON a.id = t.aim_id ${CommitteeSql.join('c', 't.committee_id')}
       WHERE a.body_id = $1 ORDER BY c.name, c.id`,
      [bodyId],
    );
  }

  /** The phases tagged with the body's aims, of the committees given (null: every committee). */
  taggedPhases(bodyId: string, committeeIds: readonly string[] | null): Promise<StrategyPhaseRow[]> {
    return this.unitOfWork.outside.query(
      `SELECT t.aim_id, p.id, p.title, c.id AS committee_id, c.name AS committee_name, p.from_quarter, p.to_quarter, p.state
       FROM phase_aim t JOIN strategic_aim a ON a.id = t.aim_id JOIN ${PhaseSql.table('p')} ON p.id = t.phase_id ${CommitteeSql.join('c', 'p.committee_id')}
       WHERE a.body_id = $1 AND ($2::uuid[] IS NULL OR c.id = ANY($2::uuid[])) ORDER BY p.start_date, c.name, p.id`,
      [bodyId, committeeIds],
    );
  }

  /** The agenda items tagged with the body's aims, of the committees given (null: every committee). */
  taggedItems(bodyId: string, committeeIds: readonly string[] | null): Promise<StrategyItemRow[]> {
    return this.unitOfWork.outside.query(
      `SELECT t.aim_id, i.id, i.number, i.title, i.closed, m.id AS meeting_id, m.starts_at, c.id AS committee_id, c.name AS committee_name
       FROM agenda_item_aim t JOIN strategic_aim a ON a.id = t.aim_id JOIN ${AgendaSql.items('i')} ON i.id = t.agenda_item_id
       JOIN ${AgendaSql.meetings('m')} ON m.id = i.meeting_id ${CommitteeSql.join('c', 'm.committee_id')}
       WHERE a.body_id = $1 AND ($2::uuid[] IS NULL OR c.id = ANY($2::uuid[])) ORDER BY m.starts_at, i.number, i.id`,
      [bodyId, committeeIds],
    );
  }
}
