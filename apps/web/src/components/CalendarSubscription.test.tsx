import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CalendarSubscriptionView, type CalendarSubscriptionState } from './CalendarSubscription';

const render = (state: CalendarSubscriptionState) => renderToStaticMarkup(<CalendarSubscriptionView state={state} busy={false} message={null} onCreate={() => {}} onEnd={() => {}} />);

describe('the calendar subscription on the Forside', () => {
  it('offers to make one when there is none', () => {
    const html = render({ active: false, createdAt: null, url: null });
    expect(html).toContain('Opret kalenderabonnement');
    expect(html).not.toContain('Forny adressen');
    expect(html).not.toContain('Stop abonnement');
  });

  it('shows the address just made, in a labelled field, with renewal and stop', () => {
    const url = 'https://udvalg.kommune.dk/api/calendar/abc.ics';
    const html = render({ active: true, createdAt: '2026-12-01T19:00:00Z', url });
    expect(html).toContain('<label class="form-label" for="kalenderadresse">Adresse til din kalender</label>');
    expect(html).toContain(`value="${url}"`);
    expect(html).toContain('readOnly=""');
    expect(html).toContain('Forny adressen');
    expect(html).toContain('Stop abonnement');
    expect(html).not.toContain('Opret kalenderabonnement');
  });

  it('says since when a subscription runs when its address is no longer known', () => {
    const html = render({ active: true, createdAt: '2026-12-01T19:00:00Z', url: null });
    expect(html).toContain('Du har et kalenderabonnement, oprettet tirsdag den 1. december 2026.');
    expect(html).not.toContain('kalenderadresse');
  });
});
