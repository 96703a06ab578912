import { paragraphsOf, PUBLIC_VARIANT_NOTE } from './minutes-html.renderer.js';
import type { MinutesBlock, MinutesDocument } from './minutes-document.js';

/**
 * Text from the meeting as literal Markdown: inline markup characters are backslash-escaped, and so is what
 * would start a heading, list, quote or rule at the beginning of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*_{}[\]<>|~&!]/g, '\\$&')
        .replace(/^(\s*)([#>+=-])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

function block(b: MinutesBlock): string {
  if (b.kind === 'list') return b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n');
  // Two trailing spaces keep a single line break inside a paragraph.
  return paragraphsOf(b.text)
    .map((p) => escapeMarkdown(p).replace(/\n/g, '  \n'))
    .join('\n\n');
}

/** The minutes as Markdown, headings and lists mirroring the HTML. */
export function renderMinutesMarkdown(document: MinutesDocument): string {
  const lines: string[] = [`# ${escapeMarkdown(document.title)}`, ''];
  if (document.variant === 'public') lines.push(`*${escapeMarkdown(PUBLIC_VARIANT_NOTE)}*`, '');
  lines.push(`**Mødedato:** ${escapeMarkdown(document.meetingDate)}  `, `**Mødested:** ${escapeMarkdown(document.place)}`, '');
  if (document.attendance.length) lines.push(`**Mødedeltagelse:** ${escapeMarkdown(document.attendance.join(' '))}`, '');
  lines.push('## Indholdsfortegnelse', '', ...document.items.map((i) => `- ${escapeMarkdown(i.heading)}`), '');
  for (const item of document.items) {
    lines.push(`## ${escapeMarkdown(item.heading)}`, '');
    if (item.caseNumber) lines.push(`Sagsnr.: ${escapeMarkdown(item.caseNumber)}`, '');
    for (const section of item.sections) {
      lines.push(`### ${escapeMarkdown(section.heading)}`, '', ...section.blocks.flatMap((b) => [block(b), '']));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
