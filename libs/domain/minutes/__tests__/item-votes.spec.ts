import { buildMinutesDocument } from '../minutes-document.js';
import { type MinutesVoteInput, voteResult, voteSentences } from '../item-votes.js';
import { HELD_MEETING } from '@app/domain/testing';

const vote = (personName: string, party: string | null, choice: string): MinutesVoteInput => ({ personName, party, vote: choice });

describe('the vote on an item (afstemning)', () => {
  it('is written in the usual form, the party in parentheses, then the result', () => {
    expect(voteSentences([vote('A', 'V', 'for'), vote('B', 'A', 'for'), vote('C', 'O', 'against'), vote('D', 'F', 'abstain')])).toEqual([
      'For stemte: A (V), B (A). Imod stemte: C (O). Undlod at stemme: D (F).',
      'Forslaget blev vedtaget.',
    ]);
  });

  it('leaves out empty groups and the parentheses of a member without a party', () => {
    expect(voteSentences([vote('A', null, 'against'), vote('B', ' ', 'abstain')])).toEqual(['Imod stemte: A. Undlod at stemme: B.', 'Forslaget blev forkastet.']);
  });

  it('is adopted only when more vote for than against; a tie rejects it', () => {
    expect(voteResult([vote('A', null, 'for'), vote('B', null, 'abstain')])).toBe('adopted');
    expect(voteResult([vote('A', null, 'for'), vote('B', null, 'against')])).toBe('rejected');
  });

  it('says nothing without votes', () => {
    expect(voteSentences([])).toEqual([]);
  });

  it('stands under the item’s Beslutning, after its text, and never in the public variant of a closed item', () => {
    const votes = [vote('Birgit Jakobsen', 'KD', 'for')];
    const meeting = { ...HELD_MEETING, items: HELD_MEETING.items.map((item) => ({ ...item, votes })) };
    const [open, closed] = buildMinutesDocument(meeting, { variant: 'members' }).items;
    expect(open.sections.find((s) => s.heading === 'Beslutning')?.blocks).toEqual([
      { kind: 'paragraph', text: 'Udvalget drøftede status.' },
      { kind: 'paragraph', text: 'For stemte: Birgit Jakobsen (KD).' },
      { kind: 'paragraph', text: 'Forslaget blev vedtaget.' },
    ]);
    expect(closed.sections.find((s) => s.heading === 'Beslutning')?.blocks).toHaveLength(3);
    expect(buildMinutesDocument(meeting, { variant: 'public' }).items[1].sections).toEqual([]);
  });
});
