import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import type { VoteChoice } from '@app/domain';
import { ItemVote } from './item-vote.entity.js';

/** The item_vote table: how each member voted on an item. */
@Injectable()
export class ItemVoteRepository {
  /** The item's votes replaced by these; none leaves the item without a vote. */
  async replace(tx: Transaction, itemId: string, votes: readonly { personId: string; vote: VoteChoice }[], recordedBy: string | null): Promise<void> {
    await tx.delete(ItemVote, { itemId });
    if (votes.length) await tx.insert(ItemVote, votes.map(({ personId, vote }) => ({ itemId, personId, vote, recordedBy })));
  }
}
