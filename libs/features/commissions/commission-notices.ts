import { Injectable } from '@nestjs/common';
import { AppConfig, type WebPages } from '@app/config';
import { SeatRepository } from '@app/committees';
import type { Transaction } from '@app/database';
import { todayInCopenhagen } from '@app/domain';
import { DirectorsRepository, NoticeMailer } from '@app/people';
import type { FiredEvent } from '@app/workflows';
import { CommissionReminderRepository } from './commission-reminder.repository.js';
import type { Commission } from './commission.entity.js';

/**
 * Who hears at once of what happens to a kommissorium: the directors of the committee's body of a submission, the
 * committee's secretary of a decision.
 */
@Injectable()
export class CommissionNotices {
  private readonly pages: WebPages;

  constructor(
    private readonly notices: NoticeMailer,
    private readonly directors: DirectorsRepository,
    private readonly seats: SeatRepository,
    private readonly facts: CommissionReminderRepository,
    config: AppConfig,
  ) {
    this.pages = config.webPages;
  }

  async submitted(tx: Transaction, commission: Commission): Promise<void> {
    const { committeeName, bodyId } = await this.factsOf(tx, commission);
    await this.notices.send(tx, {
      kind: 'commission-submitted',
      subjectId: commission.id,
      occasion: String(commission.rowVersion),
      recipientIds: (await this.directors.ofBodyAsRecipients(bodyId, tx)).map((director) => director.personId),
      content: {
        subject: 'Kommissorium afventer din godkendelse',
        body: [
          { text: `Kommissoriet "${commission.title}" (version ${commission.version}) for ${committeeName} er sendt til godkendelse.` },
          { text: 'Læs det, og godkend det, eller send det tilbage til sekretariatet med en kommentar.' },
        ],
        link: { label: 'Kommissoriet', url: this.pages.commission(commission.id) },
      },
    });
  }

  async decided(tx: Transaction, commission: Commission, fired: FiredEvent): Promise<void> {
    const { committeeName } = await this.factsOf(tx, commission);
    const approved = commission.state === 'approved';
    const secretaries = await this.seats.seatedOn(commission.committeeId, todayInCopenhagen(), ['secretary'], tx);
    await this.notices.send(tx, {
      kind: approved ? 'commission-approved' : 'commission-returned',
      subjectId: commission.id,
      occasion: String(commission.rowVersion),
      recipientIds: secretaries.map((seat) => seat.personId),
      content: {
        subject: approved ? `Kommissoriet er godkendt: ${commission.title}` : `Kommissoriet er sendt tilbage: ${commission.title}`,
        body: [
          {
            text: approved
              ? `Kommissoriet "${commission.title}" (version ${commission.version}) for ${committeeName} er godkendt.`
              : `Kommissoriet "${commission.title}" (version ${commission.version}) for ${committeeName} er sendt tilbage til revision.`,
          },
          ...(fired.comment ? [{ lines: ['Kommentar:', fired.comment] }] : []),
        ],
        link: { label: 'Kommissoriet', url: this.pages.commission(commission.id) },
      },
    });
  }

  /** Read in the firing transaction, on its connection: a second connection while it holds one could exhaust the pool. */
  private async factsOf(tx: Transaction, commission: Commission): Promise<{ committeeName: string; bodyId: string }> {
    // The kommissorium and its committee exist: the transition firing this found and locked the record.
    return (await this.facts.find(commission.id, tx))!;
  }
}
