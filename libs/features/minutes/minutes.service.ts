import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { AppConfig, type WebPages } from '@app/config';
import type { Actor } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import {
  ADDENDUM_TITLE,
  addendaOfVariant,
  addendumEntry,
  addendumIsPublic,
  appendAddendaToHtml,
  appendAddendaToMarkdown,
  buildMinutesDocument,
  copenhagenDate,
  DomainError,
  type MinutesAddendumInput,
  MINUTES_VARIANTS,
  type MinutesSignaturePage,
  referatDateLine,
  referatTitleDate,
  renderMinutesHtml,
  renderMinutesMarkdown,
  runningDateTime,
  signatoryRoleName,
  MEETING_TOOK_PLACE,
  MINUTES_PUBLIC,
  minutesWorkflow,
  type AvailableEvent,
  type MinutesContext,
  type MinutesVariant,
} from '@app/domain';
import { confirmationsOf, MeetingReadAccess, PublicationPrivacyCheck, PublicMeetingRule, MeetingService, MeetingsForMinutes, MeetingViewRepository, renderAddendumPdf, renderMeetingDocumentPdf } from '@app/meetings';
import { OutboxService } from '@app/outbox';
import { IntendedMail, NoticeMailer } from '@app/people';
import { ReminderScheduler } from '@app/reminders';
import { WorkflowService, type WorkflowTransitionRecord } from '@app/workflows';
import { sha256Hex } from '@app/storage';
import { MinutesDocumentStore } from './minutes-document.store.js';
import type { MinutesAddendum } from './minutes-addendum.entity.js';
import { MinutesAddendumRepository } from './minutes-addendum.repository.js';
import type { MinutesEdition, MinutesFormat } from './minutes-file.entity.js';
import { MinutesFileRepository, type StoredMinutesFile } from './minutes-file.repository.js';
import { addendumHash, firstBrokenAddendum } from './minutes-seal.js';
import { minutesDocumentUrl } from './minutes-urls.js';
import { MinutesSignatureRepository } from './minutes-signature.repository.js';
import { Minutes } from './minutes.entity.js';
import { minutesPublishedDelivery } from './minutes.jobs.js';
import { MinutesRepository } from './minutes.repository.js';
import type { MinutesAddendumDto, MinutesDto, MinutesFileDto, MinutesStatus } from './minutes.dto.js';

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
/** A document of the minutes' file name, e.g. "referat-2024-02-02-offentlig.pdf". */
export function minutesFileName(startsAt: Date | string, variant: MinutesVariant, format: MinutesFormat): string {
  return `referat-${copenhagenDate(new Date(startsAt))}${variant === 'public' ? '-offentlig' : ''}.${format}`;
}

@Injectable()
export class MinutesService {
  /** The minutes of a meeting, found by the meeting's id: the API speaks of a meeting's minutes. */
  private readonly records;
  private readonly pages: WebPages;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly minutes: MinutesRepository,
    private readonly files: MinutesFileRepository,
    private readonly signatures: MinutesSignatureRepository,
    private readonly addenda: MinutesAddendumRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly meetings: MeetingService,
    private readonly meetingReaders: MeetingReadAccess,
    private readonly meetingsForMinutes: MeetingsForMinutes,
    private readonly views: MeetingViewRepository,
    private readonly store: MinutesDocumentStore,
    private readonly reminders: ReminderScheduler,
    private readonly notices: NoticeMailer,
    private readonly intendedMail: IntendedMail,
    private readonly privacy: PublicationPrivacyCheck,
    private readonly publicRule: PublicMeetingRule,
    config: AppConfig,
    workflows: WorkflowService,
  ) {
    this.pages = config.webPages;
    this.records = workflows.declare({
      definition: minutesWorkflow,
      entity: Minutes,
      find: (meetingId: string, tx, lock) => this.minutes.findByMeeting(meetingId, tx, lock),
      notFound: (meetingId) => this.minutesNotFound(meetingId),
      // On the transaction's own connection: a firing transaction waiting for a second one could exhaust the pool.
      committeeOfKey: async (meetingId, tx) => (await this.meetings.meetingOrNotFound(meetingId, tx)).committeeId,
      committeeOf: async (minutes, tx) => (await this.meetings.meetingOrNotFound(minutes.meetingId, tx)).committeeId,
      context: (minutes, tx, actor) => this.context(tx, minutes, actor?.personId ?? null),
      // Signers take turns on the row lock, so two signing at once both succeed instead of one losing a race.
      lockToFire: true,
      refuse: (event, minutes, context) =>
        event === 'sign' && minutes.state === 'approved' && !context.actorMustSign
          ? DomainError.forbidden('Only those who took part in the meeting sign its minutes (or the chair and secretary, where the committee is set so)', 'not_a_signatory')
          : null,
      // A substitute called in for the meeting reads its minutes and, having sat, signs them as the members do.
      rolesOfRecordReader: async (meetingId, actor) => ((await this.meetingReaders.isCalledIn(actor, meetingId)) ? ['member'] : null),
      effects: {
        'ask-signatories-to-sign': async (tx, minutes, _decision, payload) => {
          // The last chance to redact: from the last signature on, the texts are sealed and can only be confirmed.
          await this.privacy.assertCleared(tx, minutes.meetingId, 'minutes-approval', confirmationsOf(payload));
          await this.askSignatoriesToSign(tx, minutes);
        },
        'discard-signatures': (tx, minutes) => this.discardSignatures(tx, minutes),
        'record-signature': (tx, minutes, _decision, payload) => this.recordSignature(tx, minutes, payload.personId as string),
        'seal-document': (tx, minutes) => this.seal(tx, minutes),
        'mail-members-the-link': async (tx, minutes, _decision, payload) => {
          await this.privacy.assertCleared(tx, minutes.meetingId, 'minutes', confirmationsOf(payload));
          await this.mailMembersTheLink(tx, minutes);
        },
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
    if (!MEETING_TOOK_PLACE.has(meeting.state)) {
      throw DomainError.conflict('meeting_not_held', `The meeting is ${meeting.state}; its minutes are assembled once it has been held`);
    }
    return this.unitOfWork.run(async (tx) => {
      const generation = await this.minutes.requestAssembly(tx, meetingId);
      if (generation === null) throw this.notDraft(await this.minutes.findByMeetingOrFail(meetingId, tx));
      // An older job still waiting is replaced; one already running finds the generation changed and stops.
      await this.outbox.add(tx, 'assemble-minutes', { meetingId, generation }, { dedupeKey: `assemble-minutes:${meetingId}` });
      await this.audit.record(tx, { action: 'minutes.assembly-requested', entityType: 'meeting', entityId: meetingId, details: { generation } });
      // Read in the transaction: the answer is the request's own state, whatever the worker has done since.
      return this.toDto(await this.minutes.findByMeetingOrFail(meetingId, tx), tx);
    });
  }

  /** What the secretary's page polls while the minutes are assembled: the same few statements however long the agenda. */
  async status(actor: Actor, meetingId: string): Promise<MinutesDto> {
    const { record: minutes } = await this.records.readable(actor, meetingId);
    return this.toDto(minutes);
  }

  /** A rendered document for the committee's readers: the members' variant, or a preview of the public one. */
  async document(actor: Actor, meetingId: string, format: MinutesFormat, variant: MinutesVariant = 'members', edition?: MinutesEdition): Promise<MinutesContent> {
    const { minutes, meeting } = await this.readable(actor, meetingId);
    return this.content(minutes, new Date(meeting.startsAt), variant, format, edition);
  }

  /** The public variant, for anyone, once the minutes are published; before that they do not exist for the public. */
  async publicDocument(meetingId: string, format: MinutesFormat): Promise<MinutesContent> {
    const minutes = await this.publishedMinutes(meetingId);
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    return this.content(minutes, new Date(meeting.startsAt), 'public', format);
  }

  availableTransitions(actor: Actor, meetingId: string): Promise<AvailableEvent<string>[]> {
    return this.records.available(actor, meetingId);
  }

  async fire(actor: Actor, meetingId: string, event: string, comment?: string, confirmPublic: readonly string[] = []): Promise<MinutesDto> {
    await this.records.fire(actor, meetingId, event, { comment, payload: { personId: actor.personId, confirmPublic } });
    return this.status(actor, meetingId);
  }

  history(actor: Actor, meetingId: string): Promise<WorkflowTransitionRecord[]> {
    return this.records.history(actor, meetingId);
  }

  /**
   * Appends a dated addition to sealed minutes, chained by hash to the seal or the addition before it, on the
   * whole referat or one of its items; the people on the meeting's list are told by e-mail, in the same transaction.
   */
  async addAddendum(actor: Actor, meetingId: string, text: string, itemId: string | null = null): Promise<MinutesDto> {
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    const item = itemId === null ? null : await this.views.item(itemId);
    if (itemId !== null && item?.meetingId !== meetingId) throw DomainError.invalid('addendum_item_not_on_agenda', `Item ${itemId} is not on the agenda of meeting ${meetingId}`, { field: 'itemId' });
    await this.unitOfWork.run(async (tx) => {
      const minutes = await this.minutes.findByMeeting(meetingId, tx, true);
      if (!minutes) throw this.minutesNotFound(meetingId);
      if (!minutes.sealedHash) {
        throw DomainError.conflict('minutes_not_sealed', `The minutes are ${minutes.state}; additions are appended once the last signature has sealed them`);
      }
      const last = await this.addenda.last(tx, minutes.id);
      const previousHash = last?.sha256 ?? minutes.sealedHash;
      const createdAt = new Date();
      const sha256 = addendumHash({ previousHash, createdAt, text });
      const addendumId = await this.addenda.insert(tx, { minutesId: minutes.id, text, itemId, createdBy: actor.personId, createdAt, sha256, previousHash });
      await this.audit.record(tx, { action: 'minutes.addendum-added', entityType: 'minutes', entityId: minutes.id, details: { sha256, previousHash, itemId } });
      await this.mailAddendum(tx, meeting, addendumId, { createdAt, text, itemNumber: item?.number ?? null, itemClosed: item?.closed ?? false });
    });
    return this.status(actor, meetingId);
  }

  /** A dated addition as its own PDF (Tillæg til referatet) for the committee's readers. */
  async addendumPdf(actor: Actor, meetingId: string, addendumId: string): Promise<MinutesContent> {
    const { minutes } = await this.readable(actor, meetingId);
    return this.addendumContent(minutes, addendumId, 'members');
  }

  /** The public additions of published minutes: on the whole referat or an open item, never on a closed one. */
  async publicAddenda(meetingId: string): Promise<MinutesAddendumDto[]> {
    const minutes = await this.publishedMinutes(meetingId);
    return (await this.addendaOf(minutes)).filter((addendum) => addendum.public);
  }

  async publicAddendumPdf(meetingId: string, addendumId: string): Promise<MinutesContent> {
    return this.addendumContent(await this.publishedMinutes(meetingId), addendumId, 'public');
  }

  /** Published minutes of a meeting the public rule still holds public: past the public retention they are gone for the public. */
  private async publishedMinutes(meetingId: string): Promise<Minutes> {
    const minutes = await this.minutes.findByMeeting(meetingId);
    const meeting = minutes && MINUTES_PUBLIC.has(minutes.state) ? await this.views.summary(meetingId) : null;
    if (!minutes || !meeting || !this.publicRule.holds(meeting)) throw new DomainError('not-found', 'minutes_not_found', `No published minutes for meeting ${meetingId}`, { meetingId });
    return minutes;
  }

  private async addendumContent(minutes: Minutes, addendumId: string, variant: MinutesVariant): Promise<MinutesContent> {
    const addendum = (await this.addendaOf(minutes)).find((candidate) => candidate.id === addendumId && (variant === 'members' || candidate.public));
    const meeting = await this.views.summary(minutes.meetingId);
    if (!addendum || !meeting) throw DomainError.notFound('minutes addendum', addendumId);
    const { startsAt, committeeName } = meeting;
    const day = copenhagenDate(new Date(startsAt));
    const content = await renderAddendumPdf(
      {
        title: `${ADDENDUM_TITLE.toUpperCase()} ${committeeName} d. ${referatTitleDate(day)}`,
        meetingDate: referatDateLine(new Date(startsAt)),
        entry: addendumEntry(addendum),
        sha256: addendum.sha256,
      },
      addendum.createdAt,
    );
    return { content, contentType: CONTENT_TYPES.pdf, sha256: sha256Hex(content), fileName: `tillaeg-${day}-${copenhagenDate(addendum.createdAt)}.pdf` };
  }

  /**
   * The minutes' additions, oldest first, each with the item it concerns and whether the public sees it; only the
   * items they name are read, not the agenda.
   */
  private async addendaOf(
    minutes: Minutes,
    tx: Transaction = this.unitOfWork.outside,
    read: MinutesAddendum[] | null = null,
  ): Promise<(MinutesAddendumDto & MinutesAddendumInput)[]> {
    const addenda = read ?? (await this.addenda.ofMinutes(minutes.id, tx));
    const itemIds = [...new Set(addenda.flatMap(({ itemId }) => (itemId ? [itemId] : [])))];
    const items = itemIds.length ? await this.views.itemPlaces(itemIds, tx) : [];
    const published = MINUTES_PUBLIC.has(minutes.state);
    return addenda.map(({ id, text, createdAt, sha256, previousHash, itemId }) => {
      const item = items.find((candidate) => candidate.id === itemId);
      const concerning = { itemNumber: item?.number ?? null, itemClosed: item?.closed ?? false };
      const isPublic = addendumIsPublic(concerning);
      const url = isPublic && published ? `/api/public/meetings/${minutes.meetingId}/minutes/addenda/${id}/tillaeg.pdf` : `/api/meetings/${minutes.meetingId}/minutes/addenda/${id}/tillaeg.pdf`;
      return { id, text, createdAt, sha256, previousHash, itemId, ...concerning, public: isPublic, url };
    });
  }

  /** The signed HTML or Markdown with the additions the variant shows, dated, after what was signed. */
  private async withAddenda(minutes: Minutes, variant: MinutesVariant, format: 'html' | 'md', stored: Buffer): Promise<Buffer> {
    const entries = addendaOfVariant(await this.addendaOf(minutes), variant);
    if (!entries.length) return stored;
    const text = stored.toString('utf8');
    return Buffer.from(format === 'html' ? appendAddendaToHtml(text, entries) : appendAddendaToMarkdown(text, entries));
  }

  /** Tells everyone on the meeting's list of the addition; the text itself only when the public may read it too. */
  private async mailAddendum(tx: Transaction, meeting: { id: string; startsAt: Date; title: string | null }, addendumId: string, addendum: MinutesAddendumInput): Promise<void> {
    const people = await this.meetingsForMinutes.peopleOnTheList(meeting.id, tx);
    if (!people) throw this.minutesNotFound(meeting.id);
    const entry = addendumEntry(addendum);
    await this.notices.send(tx, {
      kind: 'minutes-addendum',
      subjectId: meeting.id,
      occasion: addendumId,
      recipientIds: people,
      content: {
        subject: ADDENDUM_TITLE,
        body: [
          { text: `Referatet af mødet ${runningDateTime(new Date(meeting.startsAt))}${meeting.title ? ` (${meeting.title})` : ''} har fået et tillæg.` },
          { text: [entry.heading, entry.concerning].filter(Boolean).join('. ') },
          ...(addendumIsPublic(addendum) ? [{ text: addendum.text }] : [{ text: 'Tillægget vedrører et lukket punkt og kan læses på mødets side.' }]),
        ],
        link: { label: 'Mødet og referatet', url: this.pages.meeting(meeting.id) },
      },
    });
  }

  /** The minutes for those who may read them, as the workflow's records decide (the committee's readers, a substitute who was called in). */
  private async readable(actor: Actor, meetingId: string) {
    const { record: minutes } = await this.records.readable(actor, meetingId);
    return { minutes, meeting: await this.meetings.meetingOrNotFound(meetingId) };
  }

  /**
   * A stored document: by default the signed edition once the minutes are sealed (the referat ending with its
   * Underskrifter), else the assembled one; `assembled` asks for the documents as signed, the members' PDF the seal covers.
   */
  private async content(minutes: Minutes, startsAt: Date, variant: MinutesVariant, format: MinutesFormat, edition?: MinutesEdition): Promise<MinutesContent> {
    const chosen = edition ?? (minutes.sealedHash ? 'signed' : 'assembled');
    const file = await this.files.find(minutes.id, variant, format, chosen);
    if (!file) {
      throw new DomainError('not-found', 'minutes_not_ready', `The minutes of meeting ${minutes.meetingId} are not assembled yet; GET /api/meetings/${minutes.meetingId}/minutes shows the progress`);
    }
    const stored = await this.store.read(file.sha256);
    const content = chosen === 'signed' && format !== 'pdf' ? await this.withAddenda(minutes, variant, format, stored) : stored;
    return {
      content,
      contentType: CONTENT_TYPES[format],
      sha256: content === stored ? file.sha256 : sha256Hex(content),
      fileName: minutesFileName(startsAt, variant, format),
    };
  }

  /** `personId` is who acts; null when the application fires its own event (the seal). */
  private async context(tx: Transaction, minutes: Minutes, personId: string | null): Promise<MinutesContext> {
    const signature = personId ? await this.signatures.find(tx, minutes.id, personId) : null;
    return { documentsReady: minutes.assembly === 'ready', actorMustSign: signature !== null, actorHasSigned: Boolean(signature?.signedAt) };
  }

  private async discardSignatures(tx: Transaction, minutes: Minutes): Promise<void> {
    await this.signatures.discardAll(tx, minutes.id);
  }

  /** Records the signature; the last one seals the minutes, as the system's own event in the same transaction. */
  private async recordSignature(tx: Transaction, minutes: Minutes, personId: string): Promise<void> {
    await this.signatures.sign(tx, minutes.id, personId);
    if ((await this.signatures.unsignedCount(tx, minutes.id)) > 0) return;
    await this.records.fireAsSystem(tx, minutes, 'seal');
  }

  /**
   * Stores the hash of the members' PDF: from now on the database refuses to change the files or the seal. The
   * reminder of unsigned minutes has lost its reason (it would also find the seal and stay silent).
   */
  private async seal(tx: Transaction, minutes: Minutes): Promise<void> {
    const pdf = await this.files.findOrFail(tx, minutes.id, 'members', 'pdf');
    await this.minutes.update(tx, minutes.id, { sealedHash: pdf.sha256, sealedAt: new Date() });
    await this.reminders.cancel(tx, 'minutes-unsigned', minutes.meetingId);
    await this.addSignedEdition(tx, minutes, pdf.sha256);
  }

  /**
   * The referat as signed: the same document, from the same record (frozen from this transaction on), ending with
   * Underskrifter (who signed, in what seat, when) and the seal's hash. The seal keeps covering the assembled
   * members' PDF, whose bytes never change; the signed edition only names that hash.
   */
  private async addSignedEdition(tx: Transaction, minutes: Minutes, sealHash: string): Promise<void> {
    const meeting = await this.meetingsForMinutes.heldMeetingForMinutes(minutes.meetingId);
    if (!meeting) throw this.minutesNotFound(minutes.meetingId);
    const signatories = await this.signatures.signatories(minutes.id, tx);
    const attendees = new Map(meeting.attendance.map((attendee) => [attendee.personId, attendee]));
    const signaturePage: MinutesSignaturePage = {
      signatures: signatories.map(({ personId, name, signedAt }) => ({
        name,
        role: signatoryRoleName(attendees.get(personId) ?? { roles: [] }),
        signedAt: runningDateTime(new Date(signedAt as Date)),
      })),
      sealHash,
    };
    const files: StoredMinutesFile[] = [];
    for (const variant of MINUTES_VARIANTS) {
      const document = { ...buildMinutesDocument(meeting, { variant }), signaturePage };
      const rendered: [MinutesFormat, Buffer][] = [
        ['html', Buffer.from(renderMinutesHtml(document))],
        ['md', Buffer.from(renderMinutesMarkdown(document))],
        ['pdf', await renderMeetingDocumentPdf(document, new Date(meeting.startsAt))],
      ];
      for (const [format, content] of rendered) files.push({ variant, format, ...(await this.store.put(content)) });
    }
    await this.files.addSigned(tx, minutes.id, files);
  }

  /** One e-mail job per person on the meeting's list (everyone seated that day, and recorded guests), in this transaction. */
  private async askSignatoriesToSign(tx: Transaction, minutes: Minutes): Promise<void> {
    const meeting = await this.meetings.meetingOrNotFound(minutes.meetingId, tx);
    const signatories = await this.signatures.signatories(minutes.id, tx);
    await this.notices.send(tx, {
      kind: 'minutes-awaiting-signature',
      subjectId: minutes.meetingId,
      // Reopened and approved again, the minutes are signed anew: each approval asks once.
      occasion: String(minutes.rowVersion),
      recipientIds: signatories.map((signatory) => signatory.personId),
      content: {
        subject: 'Referatet afventer din underskrift',
        body: [
          { text: `Referatet af mødet ${runningDateTime(new Date(meeting.startsAt))}${meeting.title ? ` (${meeting.title})` : ''} er godkendt og afventer din underskrift.` },
          { text: 'Læs referatet, og underskriv det på mødets side.' },
        ],
        link: { label: 'Mødet og referatet', url: this.pages.meeting(minutes.meetingId) },
      },
    });
  }

  private async mailMembersTheLink(tx: Transaction, minutes: Minutes): Promise<void> {
    const publishedAt = new Date();
    await this.minutes.update(tx, minutes.id, { publishedAt });
    await this.meetingsForMinutes.recordMinutesPublished(tx, minutes.meetingId, publishedAt);
    const people = await this.meetingsForMinutes.peopleOnTheList(minutes.meetingId, tx);
    if (!people) throw this.minutesNotFound(minutes.meetingId);
    const mails = people.map((personId) => ({ meetingId: minutes.meetingId, personId }));
    await this.intendedMail.record(tx, mails, minutesPublishedDelivery);
    await this.outbox.addMany(tx, 'send-minutes-published-mail', mails);
  }

  private async toDto(minutes: Minutes, tx: Transaction = this.unitOfWork.outside): Promise<MinutesDto> {
    const [files, signatories, addenda] = await Promise.all([
      this.files.ofMinutes(minutes.id, tx),
      this.signatures.signatories(minutes.id, tx),
      this.addenda.ofMinutes(minutes.id, tx),
    ]);
    const published = MINUTES_PUBLIC.has(minutes.state);
    const documents: MinutesFileDto[] = files.map((f) => ({
      variant: f.variant,
      format: f.format,
      edition: f.edition,
      url: minutesDocumentUrl(minutes.meetingId, f.variant, f.format, published, f.edition, minutes.sealedHash !== null),
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
      addenda: (await this.addendaOf(minutes, tx, addenda)).map(({ id, text, createdAt, sha256, previousHash, itemId, itemNumber, public: isPublic, url }) => ({
        id,
        text,
        createdAt,
        sha256,
        previousHash,
        itemId,
        itemNumber,
        public: isPublic,
        url,
      })),
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
