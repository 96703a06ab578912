import { PublicMeetingRule } from '../public/public-meeting-rule.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import type { Actor } from '@app/core';
import { copenhagenDate, DomainError, MEETING_PUBLIC, type MinutesVariant } from '@app/domain';
import type { MeetingDto } from '../meeting/meeting.dto.js';
import { MeetingReadAccess } from '../meeting/meeting-read-access.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';
import { AgendaDocumentBuilds } from './agenda-document-builds.js';
import { agendaDocumentOf } from './agenda-document.source.js';
import { AgendaDocumentRepository } from './agenda-document.repository.js';
import { AgendaDocumentStore } from './agenda-document.store.js';

/** How often a waiting download looks again for the PDF of the agenda as it is now. */
const POLL_MS = 200;

export interface AgendaPdf {
  content: Buffer;
  sha256: string;
  /** "dagsorden-udvalg-for-lighed-i-sundhed-2024-02-02.pdf", with "-offentlig" before ".pdf" for the public variant. */
  fileName: string;
}

/** A committee's name as part of a file name: lower case, words joined by hyphens, Danish letters kept. */
export function fileNamePart(text: string): string {
  return text
    .toLocaleLowerCase('da')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Serves the agenda as one PDF (samlet dagsorden), built by the worker: only the PDF rendered from the agenda as
 * it is now, found by the hash of the agenda document this request reads. When a change has not been built yet,
 * the download waits for the worker (AGENDA_PDF_WAIT_MS) rather than serve the PDF of an older agenda.
 */
@Injectable()
export class AgendaDocumentService {
  constructor(
    private readonly publicRule: PublicMeetingRule,
    private readonly views: MeetingViewRepository,
    private readonly documents: AgendaDocumentRepository,
    private readonly store: AgendaDocumentStore,
    private readonly builds: AgendaDocumentBuilds,
    private readonly readers: MeetingReadAccess,
    private readonly config: AppConfig,
  ) {}

  /**
   * For those who may read the meeting, as the meeting read decides: the members' variant, closed items in full,
   * since every reader of a meeting reads its closed items.
   */
  async membersPdf(actor: Actor, meetingId: string): Promise<AgendaPdf> {
    const meeting = await this.views.meeting(meetingId);
    if (!meeting) throw DomainError.notFound('meeting', meetingId);
    await this.readers.assertReader(actor, meeting);
    if (!MEETING_PUBLIC.has(meeting.state)) {
      throw DomainError.conflict('agenda_not_sent', `The meeting is ${meeting.state}; its agenda becomes a document when it is published`, { state: meeting.state });
    }
    return this.pdf(meeting, 'members');
  }

  /** For anyone: the public variant of a sent agenda; any other meeting does not exist for the public. */
  async publicPdf(meetingId: string): Promise<AgendaPdf> {
    const meeting = await this.views.meeting(meetingId);
    if (!meeting || !this.publicRule.holds(meeting)) throw DomainError.notFound('meeting', meetingId);
    return this.pdf(meeting, 'public');
  }

  private async pdf(meeting: MeetingDto, variant: MinutesVariant): Promise<AgendaPdf> {
    const { sourceHash } = agendaDocumentOf(meeting, variant);
    const deadline = Date.now() + this.config.AGENDA_PDF_WAIT_MS;
    for (;;) {
      const built = await this.documents.find(meeting.id, variant);
      if (built?.sourceHash === sourceHash) {
        const day = copenhagenDate(new Date(meeting.startsAt));
        return {
          content: await this.store.read(built.sha256),
          sha256: built.sha256,
          fileName: `dagsorden-${fileNamePart(meeting.committeeName)}-${day}${variant === 'public' ? '-offentlig' : ''}.pdf`,
        };
      }
      if (Date.now() >= deadline) {
        throw DomainError.conflict('agenda_pdf_not_ready', `The PDF of meeting ${meeting.id}'s agenda as it is now is still being built; try again in a moment`, { meetingId: meeting.id });
      }
      await this.builds.ensureQueued(meeting.id);
      await sleep(POLL_MS);
    }
  }
}
