import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AimSection } from './StrategyPage';

const AIM = {
  id: 'a1',
  bodyId: 'b1',
  title: 'Forpligtende fællesskaber',
  description: 'Vi løfter i flok',
  position: 1,
  committees: [{ id: 'c1', name: 'Udvalg for lighed i sundhed' }],
  phases: [{ id: 'p1', title: 'Partnerskaber', committeeId: 'c1', committeeName: 'Udvalg for lighed i sundhed', fromQuarter: '2024-Q2', toQuarter: '2024-Q4', state: 'planned' }],
  items: [
    { id: 'i2', number: 2, title: 'Lukket punkt', closed: true, meetingId: 'm1', meetingStartsAt: '2025-03-03T08:00:00.000Z', committeeId: 'c1', committeeName: 'Udvalg for lighed i sundhed' },
  ],
};

const render = (aim: typeof AIM) => renderToStaticMarkup(
  <MemoryRouter>
    <AimSection aim={aim} />
  </MemoryRouter>,
);

describe('an aim on "Den røde tråd"', () => {
  it('lists the committees, phases and items that serve it, with the dates as the documents write them', () => {
    const html = render(AIM);
    expect(html).toContain('<h2 id="sigtepunkt-a1">1. Forpligtende fællesskaber</h2>');
    expect(html).toContain('href="/udvalg/c1" data-discover="true">Udvalg for lighed i sundhed</a>');
    expect(html).toContain('Partnerskaber</a> (Udvalg for lighed i sundhed, 2.-4. kvt. 2024, planlagt)');
    expect(html).toContain('Punkt 2: Lukket punkt</a> (Udvalg for lighed i sundhed, mandag den 3. marts 2025)');
  });

  it('says when nothing serves it yet', () => {
    const html = render({ ...AIM, committees: [], phases: [], items: [] });
    expect(html).toContain('Ingen udvalg.');
    expect(html).toContain('Ingen faser.');
    expect(html).toContain('Ingen dagsordenspunkter.');
  });
});
