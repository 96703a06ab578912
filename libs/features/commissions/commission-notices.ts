import { Injectable } from '@nestjs/common';
import { AppConfig, type WebPages } from '@app/config';
import { SeatRepository } from '@app/committees';
import type { Transaction } from '@app/database';
import { type CommissionState, todayInCopenhagen } from '@app/domain';
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

  /**
   * The secretary hears of every decision on the kommissorium: a director's return or approval (which, for a
   * committee the council decides, sends it on to the council), and the council's adoption or sending it back.
   */
  async decided(tx: Transaction, commission: Commission, from: CommissionState, fired: FiredEvent, councilName: string | null): Promise<void> {
    const { committeeName } = await this.factsOf(tx, commission);
    const secretaries = await this.seats.seatedOn(commission.committeeId, todayInCopenhagen(), ['secretary'], tx);
    const named = `Kommissoriet "${commission.title}" (version ${commission.version}) for ${committeeName}`;
    const told = decisionNotice(commission.state, from, named, councilName ?? 'rådet');
    await this.notices.send(tx, {
      kind: told.kind,
      subjectId: commission.id,
      occasion: String(commission.rowVersion),
      recipientIds: secretaries.map((seat) => seat.personId),
      content: {
        subject: `${told.subject}: ${commission.title}`,
        body: [{ text: told.text }, ...(fired.comment ? [{ lines: [told.commentLabel, fired.comment] }] : [])],
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

/** What the secretary is told of the state a decision left the kommissorium in. */
function decisionNotice(
  state: CommissionState,
  from: CommissionState,
  named: string,
  councilName: string,
): { kind: string; subject: string; text: string; commentLabel: string } {
  switch (state) {
    case 'approved':
      return { kind: 'commission-approved', subject: 'Kommissoriet er godkendt', text: `${named} er godkendt.`, commentLabel: 'Kommentar:' };
    case 'awaiting-council':
      return {
        kind: 'commission-awaiting-council',
        subject: `Kommissoriet afventer ${councilName}s vedtagelse`,
        text: `${named} er godkendt af direktionen og sendt til ${councilName}, som vedtager det.`,
        commentLabel: 'Kommentar:',
      };
    case 'adopted':
      return { kind: 'commission-adopted', subject: `Kommissoriet er vedtaget af ${councilName}`, text: `${named} er vedtaget af ${councilName} og er gældende.`, commentLabel: 'Beslutning:' };
    default:
      return from === 'awaiting-council'
        ? { kind: 'commission-not-adopted', subject: `Kommissoriet er ikke godkendt af ${councilName}`, text: `${named} er ikke godkendt af ${councilName} og er sendt tilbage til revision.`, commentLabel: 'Beslutning:' }
        : { kind: 'commission-returned', subject: 'Kommissoriet er sendt tilbage', text: `${named} er sendt tilbage til revision.`, commentLabel: 'Kommentar:' };
  }
}

