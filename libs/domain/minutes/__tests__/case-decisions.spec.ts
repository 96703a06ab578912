import type { EarlierDecision } from '@app/domain';
import { buildAgendaDocument, buildMinutesDocument } from '../minutes-document.js';
import { HELD_MEETING } from '@app/domain/testing';

const earlier = (committeeName: string, meetingStartsAt: string, decision: string, published: { closed?: boolean; minutesPublic?: boolean } = {}): EarlierDecision => ({
  itemId: `item-${committeeName}`,
  meetingId: `meeting-${committeeName}`,
  committeeName,
  meetingStartsAt,
  decision,
  closed: published.closed ?? false,
  minutesPublic: published.minutesPublic ?? true,
});

describe('a case carries its decisions through the minutes and the agenda', () => {
  const [open] = HELD_MEETING.items;
  const referredItem = {
    ...open,
    earlierDecisions: [
      earlier('§ 17, stk. 4-udvalget', '2024-02-02T08:30:00Z', 'Udvalget anbefaler modellen.'),
      earlier('PKØ-udvalget', '2024-02-20T14:00:00Z', 'Anbefalet over for Byrådet.', { minutesPublic: false }),
    ],
  };
  const meeting = { ...HELD_MEETING, items: [referredItem] };

  it('puts each earlier committee’s decision, oldest first, before the item’s own Beslutning', () => {
    const headings = buildMinutesDocument(meeting, { variant: 'members' }).items[0].sections.map((section) => section.heading);
    expect(headings.slice(3, 6)).toEqual(['Beslutning i § 17, stk. 4-udvalget den 2. februar 2024', 'Beslutning i PKØ-udvalget den 20. februar 2024', 'Beslutning']);
    const agenda = buildAgendaDocument(meeting, { variant: 'members' }).items[0].sections;
    expect(agenda).toContainEqual({ heading: 'Beslutning i PKØ-udvalget den 20. februar 2024', blocks: [{ kind: 'paragraph', text: 'Anbefalet over for Byrådet.' }] });
  });

  it('shows the public only the earlier decisions of open items whose minutes are published', () => {
    const headings = buildMinutesDocument(meeting, { variant: 'public' }).items[0].sections.map((section) => section.heading);
    expect(headings).toContain('Beslutning i § 17, stk. 4-udvalget den 2. februar 2024');
    expect(headings.filter((heading) => heading.startsWith('Beslutning i PKØ'))).toEqual([]);
  });

  it('records in the referring committee’s minutes where the case went on', () => {
    const referred = { ...open, state: 'referred', referredToCommitteeName: 'PKØ-udvalget' };
    const decision = buildMinutesDocument({ ...HELD_MEETING, items: [referred] }, { variant: 'members' }).items[0].sections.find((section) => section.heading === 'Beslutning');
    expect(decision?.blocks).toEqual([
      { kind: 'paragraph', text: 'Udvalget drøftede status.' },
      { kind: 'paragraph', text: 'Oversendt til PKØ-udvalget.' },
    ]);
  });
});
