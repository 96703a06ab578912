import { AppConfig, type WebPages } from '@app/config';
import type { Transaction } from '@app/database';
import { commissionApprovalReminderDay, copenhagenDate, runningDate, type IsoDate, todayInCopenhagen } from '@app/domain';
import { CalendarRepository } from '@app/committees';
import { DirectorsRepository } from '@app/people';
import { type ReminderCheck, type ReminderContent, type ReminderDay, type ReminderKindOf, Reminds, ReminderScheduler, type ScheduledReminder } from '@app/reminders';
import { WorkflowHistoryRepository } from '@app/workflows';
import { CommissionReminderRepository } from './commission-reminder.repository.js';

/** A kommissorium just submitted; `rowVersion` is the one after the submission. */
export interface SubmittedCommission {
  id: string;
  committeeId: string;
  rowVersion: number;
  approvalDeadline: IsoDate | null;
}

declare module '@app/reminders' {
  interface ReminderSubjects {
    'commission-approval': SubmittedCommission;
  }
}

export interface CommissionApprovalFacts {
  committeeName: string;
  title: string;
  version: number;
  submittedOn: IsoDate;
  approvalDeadline: IsoDate | null;
  url: string;
}

/** What the committee's body's directors are told of a kommissorium awaiting their approval. */
export function commissionApprovalReminderContent(facts: CommissionApprovalFacts): ReminderContent {
  return {
    subject: `Påmindelse: kommissoriet for ${facts.committeeName} afventer godkendelse`,
    body: [
      { text: `Kommissoriet "${facts.title}" (version ${facts.version}) for ${facts.committeeName} blev indsendt ${runningDate(facts.submittedOn)} og afventer stadig direktionens godkendelse.` },
      ...(facts.approvalDeadline ? [{ text: `Fristen for godkendelsen er ${runningDate(facts.approvalDeadline)}.` }] : []),
      { text: 'Godkend kommissoriet, eller send det tilbage til sekretariatet med en begrundelse.' },
    ],
    link: { label: 'Kommissoriet', url: facts.url },
  };
}

/** The directors of the committee's body hear of a submitted kommissorium on its approval deadline, or some working days after submission. */
@Reminds('commission-approval')
export class CommissionApprovalReminder implements ReminderKindOf<'commission-approval'> {
  private readonly pages: WebPages;

  constructor(
    private readonly scheduler: ReminderScheduler,
    private readonly calendars: CalendarRepository,
    private readonly commissions: CommissionReminderRepository,
    private readonly history: WorkflowHistoryRepository,
    private readonly directors: DirectorsRepository,
    private readonly config: AppConfig,
  ) {
    this.pages = config.webPages;
  }

  scheduleCommissionApproval(tx: Transaction, commission: SubmittedCommission): Promise<void> {
    return this.scheduler.schedule(tx, 'commission-approval', commission);
  }

  async dayOf(tx: Transaction, commission: SubmittedCommission): Promise<ReminderDay> {
    const { calendar } = await this.calendars.ofCommittee(commission.committeeId, tx);
    return { dueOn: commissionApprovalReminderDay(calendar, todayInCopenhagen(), commission.approvalDeadline, this.config.reminderOffsets), basis: String(commission.rowVersion) };
  }

  async check({ subjectId, basis }: ScheduledReminder): Promise<ReminderCheck> {
    const commission = await this.commissions.find(subjectId);
    if (!commission) return { gone: 'the kommissorium no longer exists' };
    if (commission.state !== 'submitted') return { gone: `the kommissorium is ${commission.state}, no longer awaiting approval` };
    if (String(commission.rowVersion) !== basis) return { gone: 'the kommissorium was returned and submitted again; that submission has its own reminder' };
    const [submittedAt, recipients] = await Promise.all([this.history.lastFiredAt('commission', commission.id, 'submit'), this.directors.ofBodyAsRecipients(commission.bodyId)]);
    return {
      recipients,
      listedUnder: null,
      content: commissionApprovalReminderContent({
        committeeName: commission.committeeName,
        title: commission.title,
        version: commission.version,
        submittedOn: copenhagenDate(submittedAt ?? new Date()),
        approvalDeadline: commission.approvalDeadline,
        url: this.pages.commission(commission.id),
      }),
    };
  }
}
