import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import type { DecisionOutcome } from '@app/domain';

/** A decided item that another record proposed, as that record's feature hears of it. */
export interface DecidedProposal {
  originId: string;
  outcome: DecisionOutcome;
  /** The Beslutning. */
  decision: string;
  itemId: string;
  itemNumber: number;
  meetingId: string;
  meetingStartsAt: Date;
  committeeId: string;
}

export type ProposalDecidedHandler = (tx: Transaction, decided: DecidedProposal) => Promise<void>;

/**
 * The records that propose items to a meeting and follow their decision (a kommissorium for the council), each
 * told by its own feature at start-up: those features depend on meetings, not the other way round.
 */
@Injectable()
export class AgendaItemOrigins {
  private readonly handlers = new Map<string, ProposalDecidedHandler>();

  /** Called once at start-up by the feature whose records are of `kind`. */
  followDecisions(kind: string, handler: ProposalDecidedHandler): void {
    if (this.handlers.has(kind)) throw new Error(`AgendaItemOrigins: the decisions on ${kind} items are followed twice`);
    this.handlers.set(kind, handler);
  }

  /** Tells the proposing record, in the deciding transaction; fails closed when no feature follows its kind. */
  decided(tx: Transaction, kind: string, decided: DecidedProposal): Promise<void> {
    const handler = this.handlers.get(kind);
    if (!handler) throw new Error(`AgendaItemOrigins: nothing follows the decisions on ${kind} items`);
    return handler(tx, decided);
  }
}
