import { AuditService } from '@app/audit';
import { CommitteeRepository } from '@app/committees';
import { AppConfig } from '@app/config';
import { type Transaction, UnitOfWork } from '@app/database';
import {
  buildMinutesDocument,
  minutesSignatories,
  MINUTES_ASSEMBLABLE,
  MINUTES_VARIANTS,
  type MinutesSigners,
  renderMinutesHtml,
  renderMinutesMarkdown,
  type MinutesVariant,
} from '@app/domain';
import { MeetingsForMinutes, renderMeetingDocumentPdf } from '@app/meetings';
import { type JobContext, JobHandler, type JobHandlerOf, type JobPayloads, type JobResult } from '@app/outbox';
import { MinutesDocumentStore } from './minutes-document.store.js';
import type { MinutesFormat } from './minutes-file.entity.js';
import { MinutesFileRepository, type StoredMinutesFile } from './minutes-file.repository.js';
import { MinutesSignatureRepository } from './minutes-signature.repository.js';
import type { Minutes } from './minutes.entity.js';
import { MinutesRepository } from './minutes.repository.js';

/**
 * Assembles the minutes of a held meeting: reads the meeting once, builds the members' and the public document
 * (the public one through the shared redaction), renders each as HTML, Markdown and PDF, stores the files by hash,
 * and in one transaction replaces the draft's files and the list of who signs. Progress goes to the BullMQ job and
 * to the minutes row, which GET reads.
 */
@JobHandler('assemble-minutes')
export class AssembleMinutesHandler implements JobHandlerOf<'assemble-minutes'> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly minutes: MinutesRepository,
    private readonly files: MinutesFileRepository,
    private readonly signatures: MinutesSignatureRepository,
    private readonly meetings: MeetingsForMinutes,
    private readonly committees: CommitteeRepository,
    private readonly store: MinutesDocumentStore,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async handle({ meetingId, generation }: JobPayloads['assemble-minutes'], context: JobContext): Promise<JobResult> {
    const minutes = await this.minutes.findByMeeting(meetingId);
    const stale = this.whyStale(minutes, generation);
    if (stale) return { dropped: stale };
    return this.assemble(minutes as Minutes, generation, context);
  }

  /**
   * However the job ended for good (its last attempt threw, or it kept stopping its worker until BullMQ gave it
   * up), the draft it was assembling says so and why, and the secretary can correct the text and ask again.
   */
  async gaveUp({ meetingId, generation }: JobPayloads['assemble-minutes'], reason: string, tx: Transaction): Promise<void> {
    await this.minutes.markAssemblyFailed(tx, meetingId, generation, reason);
  }

  private async assemble(minutes: Minutes, generation: number, context: JobContext): Promise<JobResult> {
    const progress = (percent: number) => this.reportProgress(minutes.id, generation, percent, context);
    await progress(5);
    const meeting = await this.meetings.heldMeetingForMinutes(minutes.meetingId);
    if (!meeting) return { dropped: 'the meeting no longer exists' };
    const { minutesSignedBy } = await this.committees.findOrFail(meeting.committeeId);
    await progress(20);
    if (this.config.MINUTES_ASSEMBLY_HOLD_MS > 0) await new Promise((resolve) => setTimeout(resolve, this.config.MINUTES_ASSEMBLY_HOLD_MS));

    const files: StoredMinutesFile[] = [];
    const steps = MINUTES_VARIANTS.length;
    for (const [index, variant] of MINUTES_VARIANTS.entries()) {
      const document = buildMinutesDocument(meeting, { variant });
      const rendered: Record<MinutesFormat, Buffer> = {
        html: Buffer.from(renderMinutesHtml(document)),
        md: Buffer.from(renderMinutesMarkdown(document)),
        pdf: await renderMeetingDocumentPdf(document, new Date(meeting.startsAt)),
      };
      for (const [format, content] of Object.entries(rendered) as [MinutesFormat, Buffer][]) {
        files.push({ variant: variant as MinutesVariant, format, ...(await this.store.put(content)) });
      }
      await progress(20 + Math.round((70 * (index + 1)) / steps));
    }

    const signatories = minutesSignatories(meeting.attendance, minutesSignedBy as MinutesSigners);
    return this.unitOfWork.run(async (tx) => {
      // Locked and read again: a newer request or an approval may have come while the files were rendered.
      const current = await this.minutes.findLocked(minutes.id, tx);
      const stale = this.whyStale(current, generation);
      if (stale) return { dropped: stale };
      await this.files.replace(tx, minutes.id, files);
      await this.signatures.replace(tx, minutes.id, signatories.map((s) => s.personId));
      await this.minutes.update(tx, minutes.id, { assembly: 'ready', progress: 100, assemblyError: null });
      await this.audit.record(tx, {
        action: 'minutes.assembled',
        entityType: 'minutes',
        entityId: minutes.id,
        details: { meetingId: minutes.meetingId, generation, files: files.map((f) => `${f.variant}.${f.format}:${f.sha256}`) },
      });
      await context.reportProgress(100);
    });
  }

  /** Why this job no longer has work to do, or null when it does. */
  private whyStale(minutes: Minutes | null, generation: number): string | null {
    if (!minutes) return 'the minutes no longer exist';
    if (!MINUTES_ASSEMBLABLE.has(minutes.state)) return `the minutes are ${minutes.state}; only a draft is assembled`;
    if (minutes.assemblyGeneration !== generation) return `a newer assembly (${minutes.assemblyGeneration}) replaced this one (${generation})`;
    return null;
  }

  private async reportProgress(minutesId: string, generation: number, percent: number, context: JobContext): Promise<void> {
    await context.reportProgress(percent);
    await this.minutes.reportProgress(minutesId, generation, percent);
  }
}
