import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import {
  buildMinutesDocument,
  minutesSignatories,
  MINUTES_VARIANTS,
  type MinutesSigners,
  renderMinutesHtml,
  renderMinutesMarkdown,
  type MinutesVariant,
} from '@app/domain';
import { MeetingViewRepository } from '@app/meetings';
import { type JobContext, JobHandler, type JobHandlerOf, type JobPayloads, type JobResult } from '@app/outbox';
import { Committee } from '@app/committees';
import { MinutesDocumentStore } from './minutes-document.store.js';
import { MinutesFile, type MinutesFormat } from './minutes-file.entity.js';
import { renderMinutesPdf } from './minutes-pdf.renderer.js';
import { MinutesSignature } from './minutes-signature.entity.js';
import { Minutes } from './minutes.entity.js';

const MAX_ERROR_LENGTH = 2_000;

type StoredFile = Pick<MinutesFile, 'variant' | 'format' | 'sha256' | 'size'>;

/**
 * Assembles the minutes of a held meeting: reads the meeting once, builds the members' and the public document
 * (the public one through the shared redaction), renders each as HTML, Markdown and PDF, stores the files by hash,
 * and in one transaction replaces the draft's files and the list of who signs. Progress goes to the BullMQ job and
 * to the minutes row, which GET reads.
 */
@JobHandler('assemble-minutes')
export class AssembleMinutesHandler implements JobHandlerOf<'assemble-minutes'> {
  private readonly logger = new Logger(AssembleMinutesHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly views: MeetingViewRepository,
    private readonly store: MinutesDocumentStore,
    private readonly audit: AuditService,
  ) {}

  async handle({ meetingId, generation }: JobPayloads['assemble-minutes'], context: JobContext): Promise<JobResult> {
    const minutes = await this.dataSource.getRepository(Minutes).findOneBy({ meetingId });
    const stale = this.whyStale(minutes, generation);
    if (stale) return { dropped: stale };
    try {
      return await this.assemble(minutes as Minutes, generation, context);
    } catch (error) {
      if (context.attempt >= context.maxAttempts) await this.markFailed(minutes as Minutes, generation, error);
      throw error;
    }
  }

  private async assemble(minutes: Minutes, generation: number, context: JobContext): Promise<JobResult> {
    const progress = (percent: number) => this.reportProgress(minutes.id, generation, percent, context);
    await progress(5);
    const meeting = await this.views.meeting(minutes.meetingId);
    if (!meeting) return { dropped: 'the meeting no longer exists' };
    const { minutesSignedBy } = await this.dataSource.getRepository(Committee).findOneByOrFail({ id: meeting.committeeId });
    await progress(20);

    const files: StoredFile[] = [];
    const steps = MINUTES_VARIANTS.length;
    for (const [index, variant] of MINUTES_VARIANTS.entries()) {
      const document = buildMinutesDocument(meeting, { variant });
      const rendered: Record<MinutesFormat, Buffer> = {
        html: Buffer.from(renderMinutesHtml(document)),
        md: Buffer.from(renderMinutesMarkdown(document)),
        pdf: await renderMinutesPdf(document, new Date(meeting.startsAt)),
      };
      for (const [format, content] of Object.entries(rendered) as [MinutesFormat, Buffer][]) {
        files.push({ variant: variant as MinutesVariant, format, ...(await this.store.put(content)) });
      }
      await progress(20 + Math.round((70 * (index + 1)) / steps));
    }

    const signatories = minutesSignatories(meeting.attendance, minutesSignedBy as MinutesSigners);
    return this.dataSource.transaction(async (manager) => {
      // Locked and read again: a newer request or an approval may have come while the files were rendered.
      const current = await manager.findOne(Minutes, { where: { id: minutes.id }, lock: { mode: 'pessimistic_write' } });
      const stale = this.whyStale(current, generation);
      if (stale) return { dropped: stale };
      await manager.delete(MinutesFile, { minutesId: minutes.id });
      await manager.insert(MinutesFile, files.map((file) => ({ ...file, minutesId: minutes.id })));
      await manager.delete(MinutesSignature, { minutesId: minutes.id });
      if (signatories.length) {
        await manager.insert(MinutesSignature, signatories.map((s, position) => ({ minutesId: minutes.id, personId: s.personId, position, signedAt: null })));
      }
      await manager.update(Minutes, { id: minutes.id }, { assembly: 'ready', progress: 100, assemblyError: null });
      await this.audit.record(manager, {
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
    if (minutes.state !== 'draft') return `the minutes are ${minutes.state}; only a draft is assembled`;
    if (minutes.assemblyGeneration !== generation) return `a newer assembly (${minutes.assemblyGeneration}) replaced this one (${generation})`;
    return null;
  }

  private async reportProgress(minutesId: string, generation: number, percent: number, context: JobContext): Promise<void> {
    await context.reportProgress(percent);
    await this.dataSource.query(`UPDATE minutes SET progress = $3, updated_at = now() WHERE id = $1 AND assembly_generation = $2 AND assembly = 'pending'`, [
      minutesId,
      generation,
      percent,
    ]);
  }

  private async markFailed(minutes: Minutes, generation: number, error: unknown): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    this.logger.error(`Assembling the minutes of meeting ${minutes.meetingId} failed for good: ${message}`);
    await this.dataSource.query(`UPDATE minutes SET assembly = 'failed', assembly_error = $3, updated_at = now() WHERE id = $1 AND assembly_generation = $2 AND state = 'draft'`, [
      minutes.id,
      generation,
      message,
    ]);
  }
}
