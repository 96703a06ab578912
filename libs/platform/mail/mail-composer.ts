import { randomUUID } from 'node:crypto';
import type { MailContent } from './delivery.service.js';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A piece of an e-mail, written once and rendered both as the plain-text part and as the HTML part. */
export type MailBlock =
  /** A paragraph of running text. */
  | { text: string }
  /** Lines that belong together (time and place, a signature), one under the other. */
  | { lines: readonly string[] }
  /** A heading over what follows. */
  | { heading: string }
  /** Links, each on its own line as "label: url". */
  | { links: readonly { label: string; url: string }[] };

function blockText(block: MailBlock): string {
  if ('text' in block) return block.text;
  if ('lines' in block) return block.lines.join('\n');
  if ('heading' in block) return block.heading;
  return block.links.map((link) => `${link.label}: ${link.url}`).join('\n');
}

function blockHtml(block: MailBlock): string {
  if ('text' in block) return `<p>${escapeHtml(block.text)}</p>`;
  if ('lines' in block) return `<p>${block.lines.map(escapeHtml).join('<br>\n')}</p>`;
  if ('heading' in block) return `<h3>${escapeHtml(block.heading)}</h3>`;
  return `<p>${block.links.map((link) => `${escapeHtml(link.label)}: <a href="${escapeHtml(link.url)}">${escapeHtml(link.url)}</a>`).join('<br>\n')}</p>`;
}

/** What an automatic letter to one person says: its subject, the paragraphs under the greeting, and the page it sends them to. */
export interface LetterContent {
  subject: string;
  body: MailBlock[];
  link: { label: string; url: string };
}

/**
 * An automatic letter to one person in the frame every reminder and notice shares: the greeting, the content, the
 * link, why it was sent (`origin`) and the secretariat's signature.
 */
export function composeLetter(recipientName: string, { subject, body, link }: LetterContent, origin: string): MailContent {
  return composeMail(subject, [{ text: `Kære ${recipientName}` }, ...body, { links: [link] }, { text: origin }, { lines: ['Venlig hilsen', 'Udvalgssekretariatet'] }]);
}

/** The text and HTML parts of an e-mail from one list of blocks, so the two never say different things. */
export function composeMail(subject: string, blocks: readonly MailBlock[]): MailContent {
  return {
    subject,
    text: `${blocks.map(blockText).join('\n\n')}\n`,
    html: blocks.map(blockHtml).join('\n'),
  };
}

/**
 * An e-mail rendered once for many recipients: its text and HTML parts cut at each place the recipient's name goes,
 * so addressing it to one is a join, not a rendering.
 */
export interface MailForMany {
  subject: string;
  text: string[];
  html: string[];
}

/** `blocks` of the e-mail, given the recipient's name; rendered once, with a mark no content can contain where the name goes. */
export function composeMailForMany(subject: string, blocks: (recipientName: string) => readonly MailBlock[]): MailForMany {
  const nameMark = `\u{E000}${randomUUID()}\u{E000}`;
  const mail = composeMail(subject, blocks(nameMark));
  return { subject, text: mail.text.split(nameMark), html: (mail.html as string).split(escapeHtml(nameMark)) };
}

/** The e-mail to one of the many: their name put where it goes, escaped for the HTML part. */
export function addressMail(mail: MailForMany, recipientName: string): MailContent {
  return { subject: mail.subject, text: mail.text.join(recipientName), html: mail.html.join(escapeHtml(recipientName)) };
}
