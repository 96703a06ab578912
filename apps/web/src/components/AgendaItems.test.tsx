import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AgendaItems, type AgendaItemView } from './AgendaItems';

const open: AgendaItemView = {
  number: 1,
  title: 'Status på partnerskaber',
  closed: false,
  caseNumber: '00.01.00-P22-1-19',
  startTime: '09:30',
  endTime: '10:30',
  summary: 'Udvalget orienteres.',
  recommendation: 'Direktionen indstiller, at udvalget drøfter status.',
  presentation: null,
  decision: 'Taget til efterretning.',
  state: 'on-agenda',
  sentLateAt: null,
  attachments: [{ id: 'a1', name: 'Statusnotat.pdf', size: 20_480, sentLateAt: null }],
};
const closed: AgendaItemView = { ...open, number: 2, title: 'Køb af ejendom', closed: true, caseNumber: null, summary: 'Fortroligt', attachments: [] };

describe('the agenda as members and the public read it', () => {
  const html = renderToStaticMarkup(<AgendaItems items={[open, closed]} attachmentUrl={(id) => `/api/attachments/${id}/content`} />);

  it('gives every item its number, time slot, case number, sections and Bilag', () => {
    expect(html).toContain('Punkt 1: Status på partnerskaber');
    expect(html).toContain('kl. 9.30-10.30');
    expect(html).toContain('Sagsnummer 00.01.00-P22-1-19');
    for (const section of ['Resume', 'Indstilling', 'Beslutning', 'Bilag']) expect(html).toContain(`>${section}</h3>`);
    expect(html).not.toContain('>Sagsfremstilling</h3>');
    expect(html).toContain('href="/api/attachments/a1/content"');
    expect(html).toContain('Statusnotat.pdf</a> (20 kB)');
  });

  it('marks a closed item "Lukket punkt"', () => {
    expect(html).toMatch(/Punkt 2: Køb af ejendom<\/h2><p class="agenda-item-meta"><span class="badge">Lukket punkt<\/span>/);
  });

  it('shows the earlier committees’ decisions of a referred case before its own Beslutning', () => {
    const referred: AgendaItemView = {
      ...open,
      number: 3,
      earlierDecisions: [{ committeeName: '§ 17, stk. 4-udvalget', meetingStartsAt: '2024-02-02T08:30:00.000Z', decision: 'Anbefalet over for PKØ-udvalget.' }],
    };
    const markup = renderToStaticMarkup(<AgendaItems items={[referred]} attachmentUrl={() => ''} />);
    expect(markup).toContain('<h3>Beslutning i § 17, stk. 4-udvalget den 2. februar 2024</h3><p class="prewrap">Anbefalet over for PKØ-udvalget.</p></section><section class="item-section"><h3>Beslutning</h3>');
  });

  it('names a closed item’s reason for members', () => {
    const markup = renderToStaticMarkup(<AgendaItems items={[{ ...closed, closedReason: 'real-estate' }]} attachmentUrl={() => ''} />);
    expect(markup).toContain('<span class="badge">Lukket punkt</span> (køb eller salg af fast ejendom)');
  });

  it('marks an item and a Bilag sent after the material deadline "Eftersendt", and shows a withdrawn item by number and title only', () => {
    const late: AgendaItemView = { ...open, number: 3, sentLateAt: '2027-01-29T10:00:00Z', attachments: [{ id: 'a2', name: 'Tillæg.pdf', size: 2048, sentLateAt: '2027-01-29T10:00:00Z' }] };
    const withdrawn: AgendaItemView = { ...open, number: 4, title: 'Skolestruktur', state: 'withdrawn' };
    const marked = renderToStaticMarkup(<AgendaItems items={[late, withdrawn]} attachmentUrl={(id) => `/api/attachments/${id}/content`} />);
    expect(marked).toMatch(/Punkt 3: Status på partnerskaber<\/h2><p class="agenda-item-meta"><span class="badge">Eftersendt<\/span>/);
    expect(marked).toContain('Tillæg.pdf</a> (2 kB) – Eftersendt');
    expect(marked).toContain('Punkt 4: Skolestruktur</h2><p class="agenda-item-meta"><span class="badge">Punktet udgår</span></p></li>');
    expect(marked.split('Punkt 4')[1]).not.toContain('Resume');
  });

  it('says so when the agenda is empty', () => {
    expect(renderToStaticMarkup(<AgendaItems items={[]} attachmentUrl={() => ''} />)).toContain('Dagsordenen har ingen punkter endnu.');
  });
});
