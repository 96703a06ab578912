import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { OutboxService } from '@app/outbox';
import './agenda-documents.jobs.js';

/** At most one build of a meeting's agenda documents waits at a time. */
function buildKey(meetingId: string): string {
  return `build-agenda-documents:${meetingId}`;
}

/** Queues the worker's build of a meeting's agenda PDFs, through the outbox. */
@Injectable()
export class AgendaDocumentBuilds {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * The agenda was published or changed, in this transaction: a build starts once it commits. One still waiting
   * is replaced, and one already running (reading the agenda before the change) is followed by this one.
   */
  agendaChanged(tx: Transaction, meetingId: string): Promise<string> {
    return this.outbox.add(tx, 'build-agenda-documents', { meetingId }, { dedupeKey: buildKey(meetingId) });
  }

  /**
   * A reader found no PDF of the agenda as it is now (a change no build followed yet, such as the committee's new
   * name): a build waiting or running is joined, else one starts. Many readers at once queue one build.
   */
  async ensureQueued(meetingId: string): Promise<void> {
    await this.unitOfWork.run((tx) => this.outbox.add(tx, 'build-agenda-documents', { meetingId }, { dedupeKey: buildKey(meetingId), joinPending: true }));
  }
}
