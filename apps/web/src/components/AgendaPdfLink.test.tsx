import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AgendaPdfLink } from './AgendaPdfLink';

describe('the link to the agenda as one PDF', () => {
  it.each(['published', 'held', 'closed'])('is offered once the agenda is sent (%s)', (state) => {
    const html = renderToStaticMarkup(<AgendaPdfLink href="/api/meetings/m1/agenda.pdf" meetingState={state} />);
    expect(html).toContain('href="/api/meetings/m1/agenda.pdf"');
    expect(html).toContain('Hent samlet dagsorden (PDF)');
  });

  it.each(['planned', 'cancelled'])('is not offered for a meeting whose agenda has no PDF (%s)', (state) => {
    expect(renderToStaticMarkup(<AgendaPdfLink href="/api/meetings/m1/agenda.pdf" meetingState={state} />)).toBe('');
  });
});
