import { paragraphsOf, PUBLIC_VARIANT_NOTE } from './minutes-html.renderer.js';
import type { MinutesAddendumEntry } from './minutes-addenda.js';
import { type MinutesBlock, type MinutesDocument, SIGNATURE_PAGE_HEADING, sealSentence, signatureSentence } from './minutes-document.js';

/**
 * Every line ending as LF: CommonMark ends a line at CRLF, a lone CR or LF alike, so a lone CR left in would start
 * a line that the per-line escaping below never saw (a forged heading or list item). U+2028/U+2029 and NEL too.
 */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n');
}

/**
 * What escapeMarkdown changes: an inline markup character, a line ending other than LF, or what would start a
 * heading, list, quote or rule at the beginning of a line. Most of a referat's prose holds none of them and is
 * literal Markdown as it stands; a thousand-item referat has some thirty thousand such texts.
 */
const MARKDOWN_SIGNIFICANT = /[\\`*_{}[\]<>|~&!\r\u0085\u2028\u2029]|(?:^|\n)\s*(?:[#>+=-]|\d+[.)])/;

/**
 * Text from the meeting as literal Markdown: line endings normalised, inline markup characters backslash-escaped,
 * and so is what would start a heading, list, quote or rule at the beginning of a line.
 */
export function escapeMarkdown(text: string): string {
  if (!MARKDOWN_SIGNIFICANT.test(text)) return text;
  return normaliseLineEnds(text)
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*_{}[\]<>|~&!]/g, '\\$&')
        .replace(/^(\s*)([#>+=-])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** One line of Markdown (a heading, a list item, a field): any line break in the text becomes a space. */
function escapeMarkdownLine(text: string): string {
  return escapeMarkdown(normaliseLineEnds(text).replace(/\n/g, ' '));
}

function block(b: MinutesBlock): string {
  if (b.kind === 'list') return b.items.map((i) => `- ${escapeMarkdownLine(i)}`).join('\n');
  // Two trailing spaces keep a single line break inside a paragraph.
  return paragraphsOf(normaliseLineEnds(b.text))
    .map((p) => escapeMarkdown(p).replace(/\n/g, '  \n'))
    .join('\n\n');
}

/** The sealed Markdown with the additions made since, each dated, after its end. */
export function appendAddendaToMarkdown(markdown: string, entries: readonly MinutesAddendumEntry[]): string {
  if (!entries.length) return markdown;
  const lines = entries.flatMap((entry) => [
    `## ${escapeMarkdownLine(entry.heading)}`,
    '',
    ...(entry.concerning ? [`*${escapeMarkdownLine(entry.concerning)}*`, ''] : []),
    block({ kind: 'paragraph', text: entry.text }),
    '',
  ]);
  return `${markdown}\n${lines.join('\n').trimEnd()}\n`;
}

/** The minutes as Markdown, headings and lists mirroring the HTML. */
export function renderMinutesMarkdown(document: MinutesDocument): string {
  const lines: string[] = [`# ${escapeMarkdownLine(document.title)}`, ''];
  if (document.variant === 'public') lines.push(`*${escapeMarkdownLine(PUBLIC_VARIANT_NOTE)}*`, '');
  lines.push(`**Mødedato:** ${escapeMarkdownLine(document.meetingDate)}  `, `**Mødested:** ${escapeMarkdownLine(document.place)}`, '');
  if (document.attendance.length) lines.push(`**Mødedeltagelse:** ${escapeMarkdownLine(document.attendance.join(' '))}`, '');
  lines.push('## Indholdsfortegnelse', '', ...document.items.map((i) => `- ${escapeMarkdownLine(i.heading)}`), '');
  for (const item of document.items) {
    lines.push(`## ${escapeMarkdownLine(item.heading)}`, '');
    if (item.caseNumber) lines.push(`Sagsnr.: ${escapeMarkdownLine(item.caseNumber)}`, '');
    for (const section of item.sections) {
      lines.push(`### ${escapeMarkdownLine(section.heading)}`, '', ...section.blocks.flatMap((b) => [block(b), '']));
    }
  }
  if (document.closing) lines.push(escapeMarkdown(document.closing), '');
  if (document.signaturePage) {
    const { signatures, sealHash } = document.signaturePage;
    lines.push(`## ${SIGNATURE_PAGE_HEADING}`, '', ...signatures.map((line) => `- ${escapeMarkdownLine(signatureSentence(line))}`), '', escapeMarkdownLine(sealSentence(sealHash)), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
