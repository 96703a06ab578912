import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NoticeWarnings } from './NoticeWarnings';

describe('the warning of a missed notice deadline', () => {
  it('says in Danish which deadline was missed, by its day', () => {
    const html = renderToStaticMarkup(
      <NoticeWarnings
        warnings={[
          { code: 'agenda_notice_not_met', message: 'The agenda should have reached the members by 2027-01-27', deadline: '2027-01-27' },
          { code: 'material_notice_not_met', message: 'The material should have reached the members by 2027-01-28', deadline: '2027-01-28' },
        ]}
      />,
    );
    expect(html).toContain('class="alert alert-warning"');
    expect(html).toContain('Fristen for varsling er overskredet');
    expect(html).toContain('Medlemmerne skulle have haft dagsordenen senest onsdag den 27. januar 2027');
    expect(html).toContain('senest torsdag den 28. januar 2027. Det eftersendes og står som &quot;Eftersendt&quot; på dagsordenen.');
  });

  it('shows nothing when every deadline was met', () => {
    expect(renderToStaticMarkup(<NoticeWarnings warnings={[]} />)).toBe('');
  });
});
