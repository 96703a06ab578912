import { CLOSED_ITEM_TITLE } from '../closed-items.js';
import { redactItemsForPublic } from '../redaction.js';

describe('public redaction of closed items', () => {
  const open = { id: 'a', number: 1, closed: false, title: 'Gensidig orientering', summary: 'Kort orientering', attachments: [{ name: 'slides.pdf' }] };
  const closed = {
    id: 'b',
    number: 2,
    closed: true,
    title: 'Personsag: Anna Hansen',
    caseNumber: '00.01.00-P22-1-19',
    startTime: '10:30',
    endTime: '11:00',
    closedReason: 'Personfølsomme oplysninger',
    summary: 'Hemmelig resume',
    recommendation: 'Direktionen indstiller, at ...',
    presentation: 'Sagsfremstilling om Anna Hansen',
    decision: 'Godkendt',
    attachments: [{ name: 'anna-hansen.pdf' }],
    dissents: [{ personName: 'B', text: 'imod' }],
  };

  it('leaves open items as they are and reduces closed ones to number, time slot and "Lukket punkt"', () => {
    const [first, second] = redactItemsForPublic([open, closed]);
    expect(first).toBe(open);
    expect(second).toEqual({
      id: null,
      number: 2,
      closed: true,
      title: CLOSED_ITEM_TITLE,
      caseNumber: null,
      startTime: '10:30',
      endTime: '11:00',
      closedReason: null,
      summary: null,
      recommendation: null,
      presentation: null,
      decision: null,
      attachments: [],
      dissents: [],
    });
  });

  it('lets no text of a closed item through, whatever fields it has', () => {
    const text = JSON.stringify(redactItemsForPublic([closed, { ...closed, extra: 'Anna Hansen' }]));
    for (const secret of ['Anna Hansen', 'Hemmelig', '00.01.00-P22-1-19', 'Personfølsomme', 'Godkendt', 'imod']) expect(text).not.toContain(secret);
  });
});
