/** How a member voted on an item: for, against (imod) or abstained (undlod at stemme). */
export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** One member's vote as the minutes name it. */
export interface MinutesVoteInput {
  personName: string;
  party: string | null;
  vote: VoteChoice | string;
}

/** vedtaget when more voted for than against; an equal vote (stemmelighed) rejects the proposal. */
export type VoteResult = 'adopted' | 'rejected';

export function voteResult(votes: readonly Pick<MinutesVoteInput, 'vote'>[]): VoteResult {
  const count = (choice: VoteChoice) => votes.filter((v) => v.vote === choice).length;
  return count('for') > count('against') ? 'adopted' : 'rejected';
}

const GROUP_LEADS: Record<VoteChoice, string> = { for: 'For stemte', against: 'Imod stemte', abstain: 'Undlod at stemme' };

const RESULT_SENTENCES: Record<VoteResult, string> = { adopted: 'Forslaget blev vedtaget.', rejected: 'Forslaget blev forkastet.' };

/**
 * The vote in the minutes' usual form, "For stemte: A (V), B (A). Imod stemte: C (O). Undlod at stemme: D (F).",
 * the party in parentheses where the member has one and empty groups left out, then the result; nothing without votes.
 */
export function voteSentences(votes: readonly MinutesVoteInput[]): string[] {
  if (!votes.length) return [];
  const named = ({ personName, party }: MinutesVoteInput) => (party?.trim() ? `${personName} (${party.trim()})` : personName);
  const groups = VOTE_CHOICES.flatMap((choice) => {
    const names = votes.filter((v) => v.vote === choice).map(named);
    return names.length ? [`${GROUP_LEADS[choice]}: ${names.join(', ')}.`] : [];
  });
  return [groups.join(' '), RESULT_SENTENCES[voteResult(votes)]];
}
