import type { LetterContent } from '@app/mail';

/** What a notice says: its subject, the paragraphs under the greeting, and the page it sends the reader to. */
export type NoticeContent = LetterContent;

/**
 * Something that happened and that someone must act on or know of at once (a kommissorium awaiting approval,
 * minutes awaiting a signature, an afbud): one e-mail to each recipient through the outbox, in the same
 * transaction as the change.
 */
export interface Notice {
  /** The kind of e-mail, as the deliveries list shows it, e.g. `commission-submitted`. */
  kind: string;
  /** The record the deliveries are listed under (the meeting of a notice about one). */
  subjectId: string;
  /** What makes this notice one of its own, so a second such event is a second e-mail and a rerun is not. */
  occasion: string;
  recipientIds: readonly string[];
  content: NoticeContent;
}
