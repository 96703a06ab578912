import { MEETING_PUBLIC, MINUTES_VARIANTS } from '@app/domain';
import { JobHandler, type JobHandlerOf, type JobPayloads, type JobResult } from '@app/outbox';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';
import { agendaDocumentOf } from './agenda-document.source.js';
import { AgendaDocumentRepository } from './agenda-document.repository.js';
import { AgendaDocumentStore } from './agenda-document.store.js';
import { renderMeetingDocumentPdf } from './meeting-document-pdf.renderer.js';

/**
 * Builds the agenda as one PDF (samlet dagsorden) in both variants from the meeting as it is when the job runs:
 * the members' with closed items in full, the public one through the shared redaction. A variant whose agenda is
 * unchanged since its last build is not rendered again. Run twice, it stores the same files (content-addressed).
 */
@JobHandler('build-agenda-documents')
export class BuildAgendaDocumentsHandler implements JobHandlerOf<'build-agenda-documents'> {
  constructor(
    private readonly views: MeetingViewRepository,
    private readonly documents: AgendaDocumentRepository,
    private readonly store: AgendaDocumentStore,
  ) {}

  async handle({ meetingId }: JobPayloads['build-agenda-documents']): Promise<JobResult> {
    const meeting = await this.views.meeting(meetingId);
    if (!meeting) return { dropped: 'the meeting no longer exists' };
    if (!MEETING_PUBLIC.has(meeting.state)) return { dropped: `the meeting is ${meeting.state}; only a sent agenda is built as a document` };
    for (const variant of MINUTES_VARIANTS) {
      const { document, sourceHash } = agendaDocumentOf(meeting, variant);
      const built = await this.documents.find(meetingId, variant);
      if (built?.sourceHash === sourceHash) continue;
      // A fixed creation date keeps the bytes a function of the agenda, as for the minutes.
      const stored = await this.store.put(await renderMeetingDocumentPdf(document, new Date(meeting.startsAt)));
      await this.documents.save({ meetingId, variant, sourceHash, ...stored, builtAt: new Date() });
    }
  }
}
