import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import type { Actor } from '@app/core';
import { copenhagenDate, DomainError, minutesWorkflow, type AvailableEvent, type MinutesContext, type MinutesVariant } from '@app/domain';
import { MeetingService, MeetingViewRepository } from '@app/meetings';
import { OutboxService } from '@app/outbox';
import { ReminderScheduler } from '@app/reminders';
import { WorkflowService, type WorkflowTransitionRecord } from '@app/workflows';
import { sha256Hex } from '@app/storage';
import { MinutesDocumentStore } from './minutes-document.store.js';
import { MinutesAddendum } from './minutes-addendum.entity.js';
import { MinutesFile, type MinutesFormat } from './minutes-file.entity.js';
import { addendumHash, firstBrokenAddendum } from './minutes-seal.js';
import { minutesDocumentUrl } from './minutes-urls.js';
import { MinutesSignature } from './minutes-signature.entity.js';
import { Minutes } from './minutes.entity.js';
import type { MinutesDto, MinutesFileDto, MinutesStatus } from './minutes.dto.js';

/** Meetings whose minutes may be assembled: the meeting has taken place. */
const HELD: ReadonlySet<string> = new Set(['held', 'closed']);

const CONTENT_TYPES: Record<MinutesFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
};

export interface MinutesContent {
  content: Buffer;
  contentType: string;
  sha256: string;
  /** A file name for Content-Disposition, e.g. "referat-2024-02-02.pdf". */
  fileName: string;
}

/**
 * The minutes of a meeting over HTTP: requests assembly (the job does the work), answers its state, serves the
 * documents, fires the workflow (approve, sign, seal, publish) and appends additions to sealed minutes.
 */
@Injectable()
export class MinutesService {
  /** The minutes of a meeting, found by the meeting's id: the API speaks of a meeting's minutes. */
  private readonly records;

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly meetings: MeetingService,
    private readonly views: MeetingViewRepository,
    private readonly store: MinutesDocumentStore,
    private readonly reminders: ReminderScheduler,
    workflows: WorkflowService,
  ) {
    this.records = workflows.declare({
      definition: minutesWorkflow,
      entity: Minutes,
      find: (meetingId: string, tx, lock) => tx.findOne(Minutes, { where: { meetingId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) }),
      notFound: (meetingId) => this.minutesNotFound(meetingId),
      committeeOfKey: async (meetingId) => (await this.meetings.meetingOrNotFound(meetingId)).committeeId,
      committeeOf: async (minutes) => (await this.meetings.meetingOrNotFound(minutes.meetingId)).committeeId,
      context: (minutes, tx, actor) => this.context(tx, minutes, actor?.personId ?? null),
      // Signers take turns on the row lock, so two signing at once both succeed instead of one losing a race.
      lockToFire: true,
      refuse: (event, minutes, context) =>
        event === 'sign' && minutes.state === 'approved' && !context.actorMustSign
          ? DomainError.forbidden('Only those who took part in the meeting sign its minutes (or the chair and secretary, where the committee is set so)', 'not_a_signatory')
          : null,
      effects: {
        'discard-signatures': (tx, minutes) => this.discardSignatures(tx, minutes),
        'record-signature': (tx, minutes, _decision, payload) => this.recordSignature(tx, minutes, payload.personId as string),
        'seal-document': (tx, minutes) => this.seal(tx, minutes),
        'mail-members-the-link': (tx, minutes) => this.mailMembersTheLink(tx, minutes),
      },
    });
  }

  /**
   * Queues the assembly job (202). Again for a draft replaces the draft once the job is done; approved minutes
   * must be reopened first; signed minutes are sealed and never assembled again.
   */
  async requestAssembly(actor: Actor, meetingId: string): Promise<MinutesDto> {
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    if (!HELD.has(meeting.state)) {
      throw DomainError.conflict('meeting_not_held', `The meeting is ${meeting.state}; its minutes are assembled once it has been held`);
    }
    return this.dataSource.transaction(async (manager) => {
      // One statement decides, so two requests at once cannot both start from a draft that one of them has left.
      const [row]: { generation: number }[] = await manager.query(
        `INSERT INTO minutes (meeting_id, state, assembly) VALUES ($1, 'draft', 'pending')
         ON CONFLICT (meeting_id) DO UPDATE
            SET assembly = 'pending', assembly_generation = minutes.assembly_generation + 1, progress = 0, assembly_error = NULL, updated_at = now()
          WHERE minutes.state = 'draft'
         RETURNING assembly_generation AS generation`,
        [meetingId],
      );
      if (!row) throw this.notDraft(await manager.findOneByOrFail(Minutes, { meetingId }));
      // An older job still waiting is replaced; one already running finds the generation changed and stops.
      await this.outbox.add(manager, 'assemble-minutes', { meetingId, generation: row.generation }, { dedupeKey: `assemble-minutes:${meetingId}` });
      await this.audit.record(manager, { action: 'minutes.assembly-requested', entityType: 'meeting', entityId: meetingId, details: { generation: row.generation } });
      // Read in the transaction: the answer is the request's own state, whatever the worker has done since.
      return this.toDto(await manager.findOneByOrFail(Minutes, { meetingId }), manager);
    });
  }

  async status(actor: Actor, meetingId: string): Promise<MinutesDto> {
    const { minutes } = await this.readable(actor, meetingId);
    return this.toDto(minutes);
  }

  /** A rendered document for the committee's readers: the members' variant, or a preview of the public one. */
  async document(actor: Actor, meetingId: string, format: MinutesFormat, variant: MinutesVariant = 'members'): Promise<MinutesContent> {
    const { minutes, meeting } = await this.readable(actor, meetingId);
    return this.content(minutes, new Date(meeting.startsAt), variant, format);
  }

  /** The public variant, for anyone, once the minutes are published; before that they do not exist for the public. */
  async publicDocument(meetingId: string, format: MinutesFormat): Promise<MinutesContent> {
    const minutes = await this.dataSource.getRepository(Minutes).findOneBy({ meetingId });
    if (!minutes || minutes.state !== 'published') throw new DomainError('not-found', 'minutes_not_found', `No published minutes for meeting ${meetingId}`, { meetingId });
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    return this.content(minutes, new Date(meeting.startsAt), 'public', format);
  }

  availableTransitions(actor: Actor, meetingId: string): Promise<AvailableEvent<string>[]> {
    return this.records.available(actor, meetingId);
  }

  async fire(actor: Actor, meetingId: string, event: string, comment?: string): Promise<MinutesDto> {
    await this.records.fire(actor, meetingId, event, { comment, payload: { personId: actor.personId } });
    return this.status(actor, meetingId);
  }

  history(actor: Actor, meetingId: string): Promise<WorkflowTransitionRecord[]> {
    return this.records.history(actor, meetingId);
  }

  /** Appends a dated addition to sealed minutes, chained by hash to the seal or the addition before it. */
  async addAddendum(actor: Actor, meetingId: string, text: string): Promise<MinutesDto> {
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    await this.dataSource.transaction(async (manager) => {
      const minutes = await manager.findOne(Minutes, { where: { meetingId }, lock: { mode: 'pessimistic_write' } });
      if (!minutes) throw this.minutesNotFound(meetingId);
      if (!minutes.sealedHash) {
        throw DomainError.conflict('minutes_not_sealed', `The minutes are ${minutes.state}; additions are appended once the last signature has sealed them`);
      }
      const [last] = await manager.find(MinutesAddendum, { where: { minutesId: minutes.id }, order: { createdAt: 'DESC', id: 'DESC' }, take: 1 });
      const previousHash = last?.sha256 ?? minutes.sealedHash;
      const createdAt = new Date();
      const sha256 = addendumHash({ previousHash, createdAt, text });
      await manager.insert(MinutesAddendum, { minutesId: minutes.id, text, createdBy: actor.personId, createdAt, sha256, previousHash });
      await this.audit.record(manager, { action: 'minutes.addendum-added', entityType: 'minutes', entityId: minutes.id, details: { sha256, previousHash } });
    });
    return this.status(actor, meetingId);
  }

  private async readable(actor: Actor, meetingId: string) {
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    this.access.assertCommitteeReader(actor, meeting.committeeId);
    const minutes = await this.dataSource.getRepository(Minutes).findOneBy({ meetingId });
    if (!minutes) throw this.minutesNotFound(meetingId);
    return { minutes, meeting };
  }

  private async content(minutes: Minutes, startsAt: Date, variant: MinutesVariant, format: MinutesFormat): Promise<MinutesContent> {
    const file = await this.dataSource.getRepository(MinutesFile).findOneBy({ minutesId: minutes.id, variant, format });
    if (!file) {
      throw new DomainError('not-found', 'minutes_not_ready', `The minutes of meeting ${minutes.meetingId} are not assembled yet; GET /api/meetings/${minutes.meetingId}/minutes shows the progress`);
    }
    const day = copenhagenDate(startsAt);
    return {
      content: await this.store.read(file.sha256),
      contentType: CONTENT_TYPES[format],
      sha256: file.sha256,
      fileName: `referat-${day}${variant === 'public' ? '-offentlig' : ''}.${format}`,
    };
  }

  /** `personId` is who acts; null when the application fires its own event (the seal). */
  private async context(manager: EntityManager, minutes: Minutes, personId: string | null): Promise<MinutesContext> {
    const signature = personId ? await manager.findOneBy(MinutesSignature, { minutesId: minutes.id, personId }) : null;
    return { documentsReady: minutes.assembly === 'ready', actorMustSign: signature !== null, actorHasSigned: Boolean(signature?.signedAt) };
  }

  private async discardSignatures(manager: EntityManager, minutes: Minutes): Promise<void> {
    await manager.update(MinutesSignature, { minutesId: minutes.id }, { signedAt: null });
  }

  /** Records the signature; the last one seals the minutes, as the system's own event in the same transaction. */
  private async recordSignature(manager: EntityManager, minutes: Minutes, personId: string): Promise<void> {
    await manager.update(MinutesSignature, { minutesId: minutes.id, personId }, { signedAt: new Date() });
    const [{ unsigned }]: { unsigned: number }[] = await manager.query(
      `SELECT count(*)::int AS unsigned FROM minutes_signature WHERE minutes_id = $1 AND signed_at IS NULL`,
      [minutes.id],
    );
    if (unsigned > 0) return;
    await this.records.fireAsSystem(manager, minutes, 'seal');
  }

  /**
   * Stores the hash of the members' PDF: from now on the database refuses to change the files or the seal. The
   * reminder of unsigned minutes has lost its reason (it would also find the seal and stay silent).
   */
  private async seal(manager: EntityManager, minutes: Minutes): Promise<void> {
    const pdf = await manager.findOneByOrFail(MinutesFile, { minutesId: minutes.id, variant: 'members', format: 'pdf' });
    await manager.update(Minutes, { id: minutes.id }, { sealedHash: pdf.sha256, sealedAt: new Date() });
    await this.reminders.cancel(manager, 'minutes-unsigned', minutes.meetingId);
  }

  /** One e-mail job per person on the meeting's list (everyone seated that day, and recorded guests), in this transaction. */
  private async mailMembersTheLink(manager: EntityManager, minutes: Minutes): Promise<void> {
    await manager.update(Minutes, { id: minutes.id }, { publishedAt: new Date() });
    const meeting = await this.views.summary(minutes.meetingId, manager);
    if (!meeting) throw this.minutesNotFound(minutes.meetingId);
    for (const { personId } of await this.views.attendance(meeting)) {
      await this.outbox.add(manager, 'send-minutes-published-mail', { meetingId: minutes.meetingId, personId });
    }
  }

  private async toDto(minutes: Minutes, manager: EntityManager = this.dataSource.manager): Promise<MinutesDto> {
    const [files, signatories, addenda] = await Promise.all([
      manager.find(MinutesFile, { where: { minutesId: minutes.id }, order: { variant: 'ASC', format: 'ASC' } }),
      manager.query(
        `SELECT s.person_id AS "personId", p.name, s.signed_at AS "signedAt"
           FROM minutes_signature s JOIN person p ON p.id = s.person_id WHERE s.minutes_id = $1 ORDER BY s.position`,
        [minutes.id],
      ) as Promise<{ personId: string; name: string; signedAt: Date | null }[]>,
      manager.find(MinutesAddendum, { where: { minutesId: minutes.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    const published = minutes.state === 'published';
    const documents: MinutesFileDto[] = files.map((f) => ({
      variant: f.variant,
      format: f.format,
      url: minutesDocumentUrl(minutes.meetingId, f.variant, f.format, published),
      sha256: f.sha256,
      size: f.size,
    }));
    return {
      meetingId: minutes.meetingId,
      state: this.statusOf(minutes),
      workflowState: minutes.state,
      rowVersion: minutes.rowVersion,
      progress: minutes.progress,
      error: minutes.assemblyError,
      documents,
      signatures: { needed: signatories.length, given: signatories.filter((s) => s.signedAt).length, signatories },
      seal: minutes.sealedHash && minutes.sealedAt ? { hash: minutes.sealedHash, sealedAt: minutes.sealedAt, verified: await this.sealHolds(minutes.sealedHash, addenda) } : null,
      addenda: addenda.map(({ id, text, createdAt, sha256, previousHash }) => ({ id, text, createdAt, sha256, previousHash })),
      publishedAt: minutes.publishedAt,
    };
  }

  /** The sealed PDF's bytes still hash to the seal, and every addition's link and hash hold. */
  private async sealHolds(sealedHash: string, addenda: MinutesAddendum[]): Promise<boolean> {
    const pdf = await this.store.read(sealedHash).catch(() => null);
    return pdf !== null && sha256Hex(pdf) === sealedHash && firstBrokenAddendum(sealedHash, addenda) === null;
  }

  private statusOf(minutes: Minutes): MinutesStatus {
    return minutes.state === 'draft' ? minutes.assembly : minutes.state;
  }

  private notDraft(minutes: Minutes): DomainError {
    if (minutes.state === 'approved') {
      return DomainError.conflict('minutes_not_draft', 'The minutes are approved; reopen them (event reopen) before assembling them again', { state: minutes.state });
    }
    return DomainError.conflict(
      'minutes_sealed',
      `The minutes are ${minutes.state} and sealed; they are never assembled again. Append an addition (POST .../minutes/addenda) instead`,
      { state: minutes.state },
    );
  }

  private minutesNotFound(meetingId: string): DomainError {
    return new DomainError('not-found', 'minutes_not_found', `Meeting ${meetingId} has no minutes yet; the secretary starts them with POST /api/meetings/${meetingId}/minutes`, {
      meetingId,
    });
  }
}
