import type { Readable } from 'node:stream';
import { Injectable, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import { type Actor, type Page, pageOf, type PageQueryDto, pageRequest } from '@app/core';
import type { Transaction } from '@app/database';
import { DomainError, MEETING_ATTACHABLE, MEETING_PUBLIC, type MeetingState, type NoticeWarning } from '@app/domain';
import { AgendaItemChangeRepository } from '../agenda/agenda-item-change.repository.js';
import { AgendaMailScheduler } from '../mail/agenda-mail.scheduler.js';
import { AgendaDocumentBuilds } from '../documents/agenda-document-builds.js';
import type { AttachmentChangeDto, AttachmentDto } from '../agenda/agenda-item.dto.js';
import { AgendaItemService } from '../agenda/agenda-item.service.js';
import { AttachmentContentStore, type ReceivedContent } from './attachment-content.store.js';
import { ACCEPTED_ATTACHMENT_TYPES_TEXT, ATTACHMENT_TYPES, acceptedAttachmentType, attachmentFileName, formatByteSize } from './attachment-file.util.js';
import { conflictingExtension, contentMatchesType, SNIFF_BYTES } from './attachment-sniff.util.js';
import type { ItemAttachment } from './item-attachment.entity.js';
import { type LocatedAttachment, ItemAttachmentRepository } from './item-attachment.repository.js';
import type { Meeting } from '../meeting/meeting.entity.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { MeetingNotice } from '../meeting/meeting-notice.js';
import { MeetingReadAccess } from '../meeting/meeting-read-access.js';
import { MeetingRecordSeal } from '../attendance/meeting-record-seal.js';

export type { LocatedAttachment } from './item-attachment.repository.js';

/** A file part of an upload, its bytes not yet read. `truncated` is set by the parser when the size limit cut it off. */
export interface AttachmentUpload {
  fileName: string;
  declaredType: string;
  stream: Readable & { truncated?: boolean };
}

export interface AttachmentContent {
  name: string;
  contentType: string;
  size: number;
  stream: Readable;
}

/**
 * Whether the public reads a Bilag: on an open item, not withdrawn, of a sent agenda not cancelled since, as the
 * public agenda shows them (PublicAgendaSql.attachmentIsPublic says the same in SQL).
 */
export function attachmentIsPublic({ itemClosed, itemState, meetingState }: { itemClosed: boolean; itemState: string; meetingState: MeetingState }): boolean {
  return !itemClosed && itemState !== 'withdrawn' && MEETING_PUBLIC.has(meetingState);
}

export function toAttachmentDto(row: ItemAttachment): AttachmentDto {
  return { id: row.id, name: row.name, contentType: row.contentType, size: row.size, sha256: row.sha256, createdAt: row.createdAt, sentLateAt: row.sentLateAt };
}

/** Bilag: files on agenda items, stored once per content, uploaded and removed by the committee's secretary. */
@Injectable()
export class AttachmentService {
  constructor(
    private readonly attachments: ItemAttachmentRepository,
    private readonly changes: AgendaItemChangeRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly items: AgendaItemService,
    private readonly meetings: MeetingService,
    private readonly store: AttachmentContentStore,
    private readonly agendaMail: AgendaMailScheduler,
    private readonly agendaDocuments: AgendaDocumentBuilds,
    private readonly seal: MeetingRecordSeal,
    private readonly notice: MeetingNotice,
    private readonly readers: MeetingReadAccess,
  ) {}

  get maxBytes(): number {
    return this.config.ATTACHMENT_MAX_BYTES;
  }

  /**
   * Checks who and when before reading a byte, then streams the file to the store while hashing it; the row, the
   * audit entry and the file's placing happen under a lock on the content's hash, so a concurrent delete of the
   * last row with the same bytes cannot remove the file this row needs.
   */
  /** A Bilag reaching a published agenda after the material's deadline is marked Eftersendt, and the answer warns of it. */
  async add(actor: Actor, itemId: string, upload: AttachmentUpload): Promise<AttachmentChangeDto> {
    const { meetingId, contentType } = await this.admit(actor, itemId, upload).catch((refusal: unknown) => {
      // Read the refused file to its end, so the client gets to finish sending and reads the answer.
      upload.stream.resume();
      throw refusal;
    });
    const name = attachmentFileName(upload.fileName, contentType);
    const received = await this.receive(upload);
    try {
      await this.assertContentIs(received, contentType, upload);
      const { id, warning } = await this.attachments.withContentLock(received.sha256, (session) => this.insert(session, actor, { itemId, meetingId }, { name, contentType }, received));
      return { ...toAttachmentDto(await this.attachments.findOrFail(id)), warnings: warning ? [warning] : [] };
    } finally {
      await this.store.discard(received);
    }
  }

  async list(actor: Actor, itemId: string, query: PageQueryDto): Promise<Page<AttachmentDto>> {
    const { meeting } = await this.items.itemWithMeeting(itemId);
    await this.readers.assertReader(actor, meeting);
    const page = pageRequest(query, { itemId });
    return pageOf(await this.attachments.pageOfItem(itemId, page), page.limit, (row) => row.position, page.filters, (row) => toAttachmentDto(row.entity));
  }

  /** The file for members of the item's committee (closed items included), directors and admins. */
  async content(actor: Actor, id: string): Promise<AttachmentContent> {
    const attachment = await this.located(id);
    if (!attachment) throw DomainError.notFound('attachment', id);
    await this.readers.assertReader(actor, { id: attachment.meetingId, committeeId: attachment.committeeId });
    return this.open(attachment);
  }

  /**
   * Removes the row; the file goes too unless another row holds the same bytes. A Bilag the public could read is
   * remembered as removed, so open data answers it as deleted.
   */
  async remove(actor: Actor, id: string): Promise<void> {
    const attachment = await this.attachments.find(id);
    if (!attachment) throw DomainError.notFound('attachment', id);
    const { item, meeting } = await this.items.itemWithMeeting(attachment.itemId);
    this.assertMayChange(actor, meeting);
    await this.attachments.withContentLock(attachment.sha256, async (session) => {
      const remaining = await session.transaction(async (tx) => {
        const current = await this.assertStillChangeable(tx, actor, meeting.id);
        const before = await this.namesOn(tx, attachment.itemId);
        if (!(await this.attachments.delete(tx, id))) throw DomainError.notFound('attachment', id);
        if (attachmentIsPublic({ itemClosed: item.closed, itemState: item.state, meetingState: current.state })) await this.attachments.recordPublicRemoval(tx, attachment);
        await this.recordChange(tx, actor, current, attachment.itemId, before);
        await this.audit.record(tx, {
          action: 'item-attachment.removed',
          entityType: 'agenda-item',
          entityId: attachment.itemId,
          details: { attachmentId: id, name: attachment.name, sha256: attachment.sha256 },
        });
        return this.attachments.countWithContent(attachment.sha256, tx);
      });
      if (remaining === 0) await this.store.remove(attachment.sha256);
    });
  }

  /** The attachment, its item's closed flag, and its meeting's state and committee. */
  located(id: string): Promise<LocatedAttachment | null> {
    return this.attachments.located(id);
  }

  async open(attachment: LocatedAttachment): Promise<AttachmentContent> {
    const stream = await this.store.open(attachment.sha256);
    // Only a delete that committed after the row was read takes the file away: the attachment is gone.
    if (!stream) throw DomainError.notFound('attachment', attachment.id);
    return { name: attachment.name, contentType: attachment.contentType, size: attachment.size, stream };
  }

  /** Who may upload, to which meeting, and what the file is, decided from the part's headers alone. */
  private async admit(actor: Actor, itemId: string, upload: AttachmentUpload): Promise<{ meetingId: string; contentType: string }> {
    const { item, meeting } = await this.items.itemWithMeeting(itemId);
    this.assertMayChange(actor, meeting);
    if (item.state === 'withdrawn') throw DomainError.conflict('item_withdrawn', `Punkt ${item.number} is withdrawn from the agenda (Punktet udgår); it takes no Bilag`);
    const contentType = acceptedAttachmentType(upload.declaredType, upload.fileName);
    if (!contentType) {
      throw new UnsupportedMediaTypeException({
        code: 'attachment_type_not_accepted',
        message: `A Bilag of type ${upload.declaredType || 'unknown'} ("${upload.fileName}") is not accepted; send ${ACCEPTED_ATTACHMENT_TYPES_TEXT}`,
      });
    }
    const extension = conflictingExtension(upload.fileName, contentType);
    if (extension) {
      throw new UnsupportedMediaTypeException({
        code: 'attachment_type_mismatch',
        message: `"${upload.fileName}" is sent as ${ATTACHMENT_TYPES[contentType].label} but its name ends in ${extension}; send it with the type and name of what it is`,
      });
    }
    return { meetingId: meeting.id, contentType };
  }

  /** The bytes must be what the declared type (or the name) says: an HTML page sent as a PDF or a PNG is refused. */
  private async assertContentIs(received: ReceivedContent, contentType: string, upload: AttachmentUpload): Promise<void> {
    if (contentMatchesType(await this.store.head(received, SNIFF_BYTES), contentType)) return;
    throw new UnsupportedMediaTypeException({
      code: 'attachment_content_mismatch',
      message: `The content of "${upload.fileName}" is not ${ATTACHMENT_TYPES[contentType].label}, as it was sent; send it with the type of what it is`,
    });
  }

  private assertMayChange(actor: Actor, meeting: Meeting): void {
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    if (!MEETING_ATTACHABLE.has(meeting.state)) {
      throw DomainError.conflict('attachments_closed', `The meeting is ${meeting.state}; its Bilag can no longer change`);
    }
  }

  /** The meeting may have moved on while the file was arriving; checked again under the meeting's row lock. */
  private async assertStillChangeable(tx: Transaction, actor: Actor, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetings.lockedMeeting(tx, meetingId);
    this.assertMayChange(actor, meeting);
    await this.seal.assertNotSealed(tx, meetingId, 'the Bilag they record');
    return meeting;
  }

  private async receive(upload: AttachmentUpload): Promise<ReceivedContent> {
    let received: ReceivedContent;
    try {
      received = await this.store.receive(upload.stream);
    } catch (error) {
      // A file-system failure is ours (500); anything else is the client's body breaking off.
      if ((error as NodeJS.ErrnoException).syscall) throw error;
      throw DomainError.invalid('upload_incomplete', `The upload broke off before the file was complete: ${(error as Error).message}`);
    }
    if (upload.stream.truncated) {
      await this.store.discard(received);
      throw new PayloadTooLargeException({
        code: 'attachment_too_large',
        message: `"${upload.fileName}" is larger than the ${formatByteSize(this.maxBytes)} a Bilag may be`,
      });
    }
    return received;
  }

  private async insert(
    session: Transaction,
    actor: Actor,
    { itemId, meetingId }: { itemId: string; meetingId: string },
    file: { name: string; contentType: string },
    received: ReceivedContent,
  ): Promise<{ id: string; warning: NoticeWarning | null }> {
    let placed = false;
    try {
      return await session.transaction(async (tx) => {
        const meeting = await this.assertStillChangeable(tx, actor, meetingId);
        const before = await this.namesOn(tx, itemId);
        const warning = meeting.state === 'published' ? await this.notice.materialWarning(tx, meeting) : null;
        const id = await this.attachments.insert(tx, {
          itemId,
          name: file.name,
          contentType: file.contentType,
          size: received.size,
          sha256: received.sha256,
          sha512: received.sha512,
          uploadedBy: actor.personId,
          sentLateAt: warning ? new Date() : null,
        });
        await this.recordChange(tx, actor, meeting, itemId, before);
        await this.audit.record(tx, {
          action: 'item-attachment.added',
          entityType: 'agenda-item',
          entityId: itemId,
          details: { attachmentId: id, name: file.name, contentType: file.contentType, size: received.size, sha256: received.sha256 },
        });
        await this.store.place(received);
        placed = true;
        return { id, warning };
      });
    } catch (error) {
      // The commit failed after the file was placed: keep it only if other rows hold the same bytes.
      if (placed && !(await this.attachments.anyWithContent(received.sha256, session))) await this.store.remove(received.sha256);
      throw error;
    }
  }

  private async namesOn(tx: Transaction, itemId: string): Promise<string[]> {
    const rows = await this.attachments.ofItem(itemId, tx);
    return rows.map((row) => row.name);
  }

  /**
   * After the agenda went out, a Bilag added or removed is a change of the item, in its history like any other;
   * before the meeting the members are also sent the update. The caller holds the meeting's row lock.
   */
  private async recordChange(tx: Transaction, actor: Actor, meeting: Meeting, itemId: string, before: string[]): Promise<void> {
    if (meeting.state === 'planned') return;
    await this.changes.record(tx, { itemId, changedFields: ['attachments'], previous: { attachments: before }, actorId: actor.personId });
    if (meeting.state === 'published') await this.agendaMail.publishedMeetingChanged(tx, meeting.id);
    // Once held, no e-mail, but the agenda's PDFs list the Bilag (and open data describes the PDF as built).
    else await this.agendaDocuments.agendaChanged(tx, meeting.id);
  }
}
