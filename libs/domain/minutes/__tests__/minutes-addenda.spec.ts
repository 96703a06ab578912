import { addendaOfVariant, type MinutesAddendumInput } from '../minutes-addenda.js';
import { buildMinutesDocument } from '../minutes-document.js';
import { appendAddendaToHtml, renderMinutesHtml } from '../minutes-html.renderer.js';
import { appendAddendaToMarkdown, renderMinutesMarkdown } from '../minutes-markdown.renderer.js';
import { HELD_MEETING } from '@app/domain/testing';

const createdAt = new Date('2024-03-05T09:05:00Z');
const ADDENDA: MinutesAddendumInput[] = [
  { createdAt, text: 'Beløbet rettes til 250.000 kr.', itemNumber: 1, itemClosed: false },
  { createdAt, text: 'Fortroligt tillæg', itemNumber: 2, itemClosed: true },
  { createdAt, text: 'Stavefejl rettet <b>', itemNumber: null, itemClosed: false },
];

describe('addenda to sealed minutes', () => {
  it('are dated and name the item; the public sees those on the whole referat and open items only', () => {
    expect(addendaOfVariant(ADDENDA, 'members').map((entry) => [entry.heading, entry.concerning])).toEqual([
      ['Tillæg til referatet, tilføjet tirsdag den 5. marts 2024 kl. 10.05', 'Vedrører punkt 1.'],
      ['Tillæg til referatet, tilføjet tirsdag den 5. marts 2024 kl. 10.05', 'Vedrører punkt 2.'],
      ['Tillæg til referatet, tilføjet tirsdag den 5. marts 2024 kl. 10.05', null],
    ]);
    expect(addendaOfVariant(ADDENDA, 'public').map((entry) => entry.text)).toEqual(['Beløbet rettes til 250.000 kr.', 'Stavefejl rettet <b>']);
  });

  it('follow what was signed, which is left as it was, in HTML and Markdown', () => {
    const document = buildMinutesDocument(HELD_MEETING, { variant: 'members' });
    const html = renderMinutesHtml(document);
    const withAddenda = appendAddendaToHtml(html, addendaOfVariant(ADDENDA, 'public'));
    expect(withAddenda.startsWith(html.slice(0, html.lastIndexOf('</body>')))).toBe(true);
    expect(withAddenda).toContain('<h2>Tillæg til referatet, tilføjet tirsdag den 5. marts 2024 kl. 10.05</h2>\n<p class="note">Vedrører punkt 1.</p>');
    expect(withAddenda).toContain('<p>Stavefejl rettet &lt;b&gt;</p>');
    expect(withAddenda.endsWith('</section>\n</body>\n</html>')).toBe(true);

    const markdown = renderMinutesMarkdown(document);
    const appended = appendAddendaToMarkdown(markdown, addendaOfVariant(ADDENDA, 'public'));
    expect(appended.startsWith(markdown)).toBe(true);
    expect(appended).toContain('## Tillæg til referatet, tilføjet tirsdag den 5. marts 2024 kl. 10.05\n\n*Vedrører punkt 1.*\n\nBeløbet rettes til 250.000 kr.');
    expect(appended).toContain('Stavefejl rettet \\<b\\>');
    expect(appendAddendaToMarkdown(markdown, [])).toBe(markdown);
  });
});

describe('the signature page', () => {
  it('ends the referat with who signed, in what seat and when, and the seal', () => {
    const sealHash = 'a'.repeat(64);
    const document = {
      ...buildMinutesDocument(HELD_MEETING, { variant: 'members' }),
      signaturePage: { signatures: [{ name: 'Birgit Jakobsen', role: 'Formand', signedAt: 'fredag den 2. februar 2024 kl. 14.05' }], sealHash },
    };
    const seal = `Referatet (medlemmernes udgave som PDF) er forseglet med kontrolsummen SHA-256 ${sealHash}.`;
    expect(renderMinutesHtml(document)).toContain(
      `<section class="signatures" id="underskrifter">\n<h2>Underskrifter</h2>\n<ul><li>Birgit Jakobsen, Formand, underskrevet fredag den 2. februar 2024 kl. 14.05</li></ul>\n<p class="seal">${seal}</p>\n</section>\n</body>`,
    );
    expect(renderMinutesMarkdown(document).endsWith(`## Underskrifter\n\n- Birgit Jakobsen, Formand, underskrevet fredag den 2. februar 2024 kl. 14.05\n\n${seal}\n`)).toBe(true);
  });
});
