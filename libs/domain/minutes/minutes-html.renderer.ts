import type { MinutesAddendumEntry } from './minutes-addenda.js';
import { type MinutesBlock, type MinutesDocument, type MinutesItem, type MinutesSignaturePage, SIGNATURE_PAGE_HEADING, sealSentence, signatureSentence } from './minutes-document.js';

/** The line the public variant carries, so nobody takes it for the full minutes. */
export const PUBLIC_VARIANT_NOTE = 'Offentlig udgave: lukkede punkter vises kun med nummer, "Lukket punkt" og deres offentlige titel.';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Paragraphs split on blank lines; single line breaks are kept. */
export function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

const STYLE = `
  body { font-family: Roboto, "Helvetica Neue", Arial, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #111; }
  h1 { font-size: 1.5rem; margin-bottom: 0.5rem; }
  h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; }
  h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
  dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
  dl.meta dt { font-weight: bold; }
  dl.meta dd { margin: 0; }
  nav ol { list-style: none; padding-left: 0; }
  .case-number, .note { color: #444; }
  section.closed { border-left: 3px solid #999; padding-left: 0.75rem; }
  @media print {
    body { margin: 0; max-width: none; }
    a { color: inherit; text-decoration: none; }
    section.item, section.signatures { break-before: page; }
    h2, h3 { break-after: avoid; }
  }
`;

function block(b: MinutesBlock): string {
  if (b.kind === 'list') return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  return paragraphsOf(b.text)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

function item(i: MinutesItem): string {
  return [
    `<section class="item${i.closed ? ' closed' : ''}" id="${i.anchor}">`,
    `<h2>${escapeHtml(i.heading)}</h2>`,
    i.caseNumber ? `<p class="case-number">Sagsnr.: ${escapeHtml(i.caseNumber)}</p>` : '',
    ...i.sections.map((s) => `<h3>${escapeHtml(s.heading)}</h3>\n${s.blocks.map(block).join('\n')}`),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

function signaturePage(page: MinutesSignaturePage): string {
  return [
    '<section class="signatures" id="underskrifter">',
    `<h2>${SIGNATURE_PAGE_HEADING}</h2>`,
    `<ul>${page.signatures.map((line) => `<li>${escapeHtml(signatureSentence(line))}</li>`).join('')}</ul>`,
    `<p class="seal">${escapeHtml(sealSentence(page.sealHash))}</p>`,
    '</section>',
  ].join('\n');
}

/**
 * The sealed page with the additions made since, each dated, before its end: the page as signed is left as it
 * was above them, so the additions read as what they are.
 */
export function appendAddendaToHtml(page: string, entries: readonly MinutesAddendumEntry[]): string {
  if (!entries.length) return page;
  const sections = entries.map((entry) =>
    [
      '<section class="addendum">',
      `<h2>${escapeHtml(entry.heading)}</h2>`,
      entry.concerning ? `<p class="note">${escapeHtml(entry.concerning)}</p>` : '',
      block({ kind: 'paragraph', text: entry.text }),
      '</section>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const end = page.lastIndexOf('</body>');
  return `${page.slice(0, end)}${sections.join('\n')}\n${page.slice(end)}`;
}

/** A self-contained, printable HTML page; every text from the meeting is escaped. */
export function renderMinutesHtml(document: MinutesDocument): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="da">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(document.title)}</h1>`,
    document.variant === 'public' ? `<p class="note">${escapeHtml(PUBLIC_VARIANT_NOTE)}</p>` : '',
    '<dl class="meta">',
    `<dt>Mødedato</dt><dd>${escapeHtml(document.meetingDate)}</dd>`,
    `<dt>Mødested</dt><dd>${escapeHtml(document.place)}</dd>`,
    document.attendance.length ? `<dt>Mødedeltagelse</dt><dd>${document.attendance.map(escapeHtml).join(' ')}</dd>` : '',
    '</dl>',
    '</header>',
    '<nav>',
    '<h2>Indholdsfortegnelse</h2>',
    `<ol>${document.items.map((i) => `<li><a href="#${i.anchor}">${escapeHtml(i.heading)}</a></li>`).join('')}</ol>`,
    '</nav>',
    ...document.items.map(item),
    document.closing ? `<p class="closing">${escapeHtml(document.closing)}</p>` : '',
    document.signaturePage ? signaturePage(document.signaturePage) : '',
    '</body>',
    '</html>',
    '',
  ]
    .filter(Boolean)
    .join('\n');
}
