import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import type { Actor } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import { DomainError, moveInOrder, redactItemForPublic } from '@app/domain';
import { StrategyRepository, type AimTarget } from './strategy.repository.js';
import { AimResponseDto, type AimTagsResponseDto, type CreateAimDto, type StrategyResponseDto, type UpdateAimDto } from './strategy.dto.js';

const NOT_FOUND_RECORD = { committee: 'committee', phase: 'phase', item: 'agenda item' } as const;
/** The audit trail's names for what was tagged, as the committees, process plans and agendas record them. */
const AUDIT_ENTITY = { committee: 'committee', phase: 'phase', item: 'agenda-item' } as const;

/** A body's strategic aims (sigtepunkter), the committees, phases and agenda items tagged with them, and the red thread read. */
@Injectable()
export class StrategyService {
  constructor(
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly strategy: StrategyRepository,
    private readonly audit: AuditService,
  ) {}

  /** The body's administrators, and the secretary of any of its committees: those who keep the body's plans. */
  private async assertAimKeeper(actor: Actor, bodyId: string): Promise<void> {
    if (this.access.isBodyAdmin(actor, bodyId)) return;
    const secretaryOf = actor.seats.filter((seat) => seat.role === 'secretary').map((seat) => seat.committeeId);
    if (secretaryOf.length > 0 && (await this.strategy.committeesOfBody(bodyId, secretaryOf)).length > 0) return;
    throw DomainError.forbidden("Only an administrator of the body or the secretary of one of its committees may change the body's aims");
  }

  async list(bodyId: string): Promise<AimResponseDto[]> {
    await this.bodyOrFail(bodyId);
    return (await this.strategy.aimsOf(bodyId)).map(AimResponseDto.from);
  }

  async create(actor: Actor, bodyId: string, dto: CreateAimDto): Promise<AimResponseDto> {
    await this.bodyOrFail(bodyId);
    await this.assertAimKeeper(actor, bodyId);
    return this.unitOfWork.run(async (tx) => {
      await this.strategy.lockBody(tx, bodyId);
      await this.assertTitleFree(tx, bodyId, dto.title, null);
      const aims = await this.strategy.aimsOf(bodyId, tx);
      const values = { bodyId, title: dto.title, description: dto.description ?? null, position: aims.length + 1 };
      const id = await this.strategy.insertAim(tx, values);
      if (dto.position !== undefined) await this.strategy.renumber(tx, moveInOrder([...aims.map((aim) => aim.id), id], id, dto.position));
      await this.audit.record(tx, { action: 'strategic_aim.created', entityType: 'strategic_aim', entityId: id, details: values });
      return AimResponseDto.from((await this.strategy.findAim(id, tx))!);
    });
  }

  async update(actor: Actor, bodyId: string, aimId: string, dto: UpdateAimDto): Promise<AimResponseDto> {
    await this.bodyOrFail(bodyId);
    await this.assertAimKeeper(actor, bodyId);
    return this.unitOfWork.run(async (tx) => {
      await this.strategy.lockBody(tx, bodyId);
      const aim = await this.aimOfBody(bodyId, aimId, tx);
      const { position, ...fields } = dto;
      if (fields.title !== undefined) await this.assertTitleFree(tx, bodyId, fields.title, aimId);
      await this.strategy.updateAim(tx, aimId, fields);
      if (position !== undefined && position !== aim.position) {
        const ids = (await this.strategy.aimsOf(bodyId, tx)).map((each) => each.id);
        await this.strategy.renumber(tx, moveInOrder(ids, aimId, position));
      }
      await this.audit.record(tx, { action: 'strategic_aim.updated', entityType: 'strategic_aim', entityId: aimId, details: { changes: dto } });
      return AimResponseDto.from((await this.strategy.findAim(aimId, tx))!);
    });
  }

  /** Removes the aim and every tag with it; the aims after it move up. */
  async remove(actor: Actor, bodyId: string, aimId: string): Promise<void> {
    await this.bodyOrFail(bodyId);
    await this.assertAimKeeper(actor, bodyId);
    await this.unitOfWork.run(async (tx) => {
      await this.strategy.lockBody(tx, bodyId);
      const aim = await this.aimOfBody(bodyId, aimId, tx);
      await this.strategy.deleteAim(tx, aimId);
      await this.strategy.renumber(tx, (await this.strategy.aimsOf(bodyId, tx)).map((each) => each.id));
      await this.audit.record(tx, { action: 'strategic_aim.deleted', entityType: 'strategic_aim', entityId: aimId, details: { title: aim.title } });
    });
  }

  /** Replaces the aims a committee, phase or agenda item serves: its committee's secretary or an administrator. */
  async setTags(actor: Actor, target: AimTarget, id: string, aimIds: readonly string[]): Promise<AimTagsResponseDto> {
    const home = await this.strategy.homeOf(target, id);
    if (!home) throw DomainError.notFound(NOT_FOUND_RECORD[target], id);
    this.access.assertCommitteeSecretary(actor, home.committeeId);
    return this.unitOfWork.run(async (tx) => {
      const bodies = await this.strategy.aimBodies(tx, aimIds);
      const unknown = aimIds.find((aimId) => !bodies.has(aimId));
      if (unknown) throw DomainError.notFound('strategic aim', unknown);
      const foreign = aimIds.filter((aimId) => bodies.get(aimId) !== home.bodyId);
      if (foreign.length > 0) {
        throw DomainError.unprocessable('aim_of_other_body', `The aims ${foreign.join(', ')} belong to another body than the one the ${NOT_FOUND_RECORD[target]} works in`, {
          aimIds: foreign,
        });
      }
      await this.strategy.replaceTags(tx, target, id, aimIds);
      await this.audit.record(tx, { action: `${AUDIT_ENTITY[target]}.aims-set`, entityType: AUDIT_ENTITY[target], entityId: id, details: { aimIds } });
      return { aimIds: await this.strategy.tagsOf(target, id, tx) };
    });
  }

  /** The aims a committee, phase or agenda item serves: anyone who may read its committee. */
  async tags(actor: Actor, target: AimTarget, id: string): Promise<AimTagsResponseDto> {
    const home = await this.strategy.homeOf(target, id);
    if (!home) throw DomainError.notFound(NOT_FOUND_RECORD[target], id);
    if (target !== 'committee') this.access.assertCommitteeReader(actor, home.committeeId);
    return { aimIds: await this.strategy.tagsOf(target, id) };
  }

  /**
   * The red thread: per aim of the body, the committees, phases and items tagged with it. Phases and items only of
   * the committees the reader may read; a closed item in full only to those seated in its committee, to the rest
   * as "Lukket punkt", as the public sees it.
   */
  async read(actor: Actor, bodyId: string): Promise<StrategyResponseDto> {
    const body = await this.bodyOrFail(bodyId);
    const readable = this.access.readableCommitteeIds(actor);
    const seated = new Set(actor.seats.map((seat) => seat.committeeId));
    const [aims, committees, phases, items] = await Promise.all([
      this.strategy.aimsOf(bodyId),
      this.strategy.taggedCommittees(bodyId),
      this.strategy.taggedPhases(bodyId, readable),
      this.strategy.taggedItems(bodyId, readable),
    ]);
    return {
      bodyId,
      bodyName: body.name,
      aims: aims.map((aim) => ({
        ...AimResponseDto.from(aim),
        committees: committees.filter((row) => row.aim_id === aim.id).map((row) => ({ id: row.id, name: row.name })),
        phases: phases
          .filter((row) => row.aim_id === aim.id)
          .map((row) => ({
            id: row.id,
            title: row.title,
            committeeId: row.committee_id,
            committeeName: row.committee_name,
            fromQuarter: row.from_quarter,
            toQuarter: row.to_quarter,
            state: row.state,
          })),
        items: items
          .filter((row) => row.aim_id === aim.id)
          .map((row) => {
            const shown = seated.has(row.committee_id) ? row : redactItemForPublic(row);
            return {
              id: row.id,
              number: row.number,
              title: shown.title,
              closed: row.closed,
              meetingId: row.meeting_id,
              meetingStartsAt: new Date(row.starts_at).toISOString(),
              committeeId: row.committee_id,
              committeeName: row.committee_name,
            };
          }),
      })),
    };
  }

  private async bodyOrFail(bodyId: string): Promise<{ name: string }> {
    const body = await this.strategy.findBody(bodyId);
    if (!body) throw DomainError.notFound('body', bodyId);
    return body;
  }

  private async aimOfBody(bodyId: string, aimId: string, tx: Transaction) {
    const aim = await this.strategy.findAim(aimId, tx);
    if (!aim || aim.bodyId !== bodyId) throw DomainError.notFound('strategic aim', aimId);
    return aim;
  }

  private async assertTitleFree(tx: Transaction, bodyId: string, title: string, exceptId: string | null): Promise<void> {
    if (await this.strategy.titleTaken(tx, bodyId, title, exceptId)) {
      throw DomainError.conflict('aim_title_taken', `The body already has an aim titled "${title}"`, { title });
    }
  }
}
