import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { foundText } from '../pages/PublicPortalPage';
import { ShowMore } from './ShowMore';

describe('browsing a paged list', () => {
  it('offers "Vis flere" while there is a next page, and nothing after the last', () => {
    expect(renderToStaticMarkup(<ShowMore hasMore loading={false} onShowMore={() => {}} />)).toBe('<button type="button" class="button button-secondary" aria-busy="false">Vis flere</button>');
    expect(renderToStaticMarkup(<ShowMore hasMore={false} loading={false} onShowMore={() => {}} />)).toBe('');
  });

  it('cannot be pressed twice while the next page is on its way', () => {
    expect(renderToStaticMarkup(<ShowMore hasMore loading onShowMore={() => {}} />)).toContain('disabled=""');
  });

  it('tells how many meetings were found, or that more follow', () => {
    expect(foundText(1, false)).toBe('Ét møde fundet.');
    expect(foundText(0, false)).toBe('0 møder fundet.');
    expect(foundText(10, true)).toBe('De første 10 møder vises.');
  });
});
