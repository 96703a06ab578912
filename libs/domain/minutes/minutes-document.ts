import { RECURRING_ITEMS } from '../agenda.js';
import { clockTime, copenhagenTime, referatDateLine, referatTitleDate, timeSlot } from '../danish-dates/index.js';
import { earlierDecisionHeading, referredOnwardSentence } from '../case-decisions.js';
import { closedReasonInWords } from '../closed-items.js';
import { redactItemsForPublic, type RedactableItem } from '../redaction.js';
import { attendanceSentences, type MinutesAttendee } from './minutes-attendance.js';
import { type MinutesVoteInput, voteSentences } from './item-votes.js';

/** members: closed items in full, for the committee; public: closed items reduced by the shared redaction. */
export const MINUTES_VARIANTS = ['members', 'public'] as const;
export type MinutesVariant = (typeof MINUTES_VARIANTS)[number];

/** A note on an item: a dissent (§ 13) or a disqualification (§ 14), by the member it concerns. */
export interface MinutesNoteInput {
  personName: string;
  text: string | null;
}

/** An agenda item as the meeting view reads it; any extra fields are ignored. */
export interface MinutesItemInput extends RedactableItem {
  /** The item's workflow state: a withdrawn item ("Punktet udgår") shows its number and title only; "referred" when its committee sent the case on. */
  state?: string | null;
  /** Added to the published agenda after the material's deadline: "Eftersendt" on the agenda. */
  sentLateAt?: Date | string | null;
  attachmentNames?: readonly string[];
  attachments?: readonly { name: string; sentLateAt?: Date | string | null }[];
  dissents?: readonly MinutesNoteInput[];
  disqualifications?: readonly MinutesNoteInput[];
  /** The committee a referred item was sent on to, once that committee accepted it. */
  referredToCommitteeName?: string | null;
  /** How each member voted, when the secretary recorded a vote (afstemning). */
  votes?: readonly MinutesVoteInput[];
  /** The item's outcome was recorded while the committee could not decide (an advisory committee is not refused). */
  withoutQuorum?: boolean;
}

/** The meeting as the meeting view reads it (MeetingDto fits). */
export interface MinutesMeetingInput {
  committeeName: string;
  startsAt: Date | string;
  location: string;
  items: readonly MinutesItemInput[];
  attendance: readonly MinutesAttendee[];
  /** When the meeting was closed; the minutes end "Mødet hævet kl. 12.30." after the last item. */
  endedAt?: Date | string | null;
}

export interface MinutesDocumentOptions {
  variant: MinutesVariant;
}

/** Text blocks the renderers know how to draw; the text is plain, each renderer escapes it for its format. */
export type MinutesBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

export interface MinutesSection {
  /** "Resume", "Indstilling", "Sagsfremstilling", "Beslutning", "Bilag", ... */
  heading: string;
  blocks: MinutesBlock[];
}

export interface MinutesItem {
  number: number;
  /** "Punkt 1: Status på partnerskaber (kl. 9.30-10.30)": the item's heading and its line in the Indholdsfortegnelse. */
  heading: string;
  /** A stable anchor for links within one document, e.g. "punkt-1". */
  anchor: string;
  caseNumber: string | null;
  /** Lukket punkt: in full for members, reduced to number and time slot in public. */
  closed: boolean;
  sections: MinutesSection[];
}

/** The meeting documents drawn from one model: the minutes (referat) and the agenda as one document (samlet dagsorden). */
export type MeetingDocumentKind = 'minutes' | 'agenda';

/** A line of the document's head beside Mødedato and Mødested, e.g. "Udvalg". */
export interface MeetingDocumentFact {
  label: string;
  value: string;
}

/** The minutes (referat) as a tree of plain text: one model, rendered to HTML, Markdown and PDF alike. */
export interface MinutesDocument {
  kind: MeetingDocumentKind;
  variant: MinutesVariant;
  /** "REFERAT Udvalg for lighed i sundhed d. 02-02-2024" */
  title: string;
  /** Mødedato: "Fredag d. 02. februar 2024 kl. 09:30" */
  meetingDate: string;
  /** Mødested */
  place: string;
  /** Lines shown before Mødedato (the agenda's Udvalg and the meeting's title); the minutes carry them in the title. */
  facts: MeetingDocumentFact[];
  /**
   * The attendance in sentences, shown under the heading when the agenda has no Mødedeltagelse item to carry
   * them (so every referat says who took part); empty when the item carries them.
   */
  attendance: string[];
  items: MinutesItem[];
  /** "Mødet hævet kl. 12.30.", after the last item; null when the meeting's end is not recorded. */
  closing: string | null;
  /** Underskrifter, the referat's last page once the last signature has sealed it; absent before. */
  signaturePage?: MinutesSignaturePage;
}

/** One signature on the signature page: "Birgit Jakobsen, Formand, underskrevet fredag den 2. februar 2024 kl. 14.05". */
export interface MinutesSignatureLine {
  name: string;
  role: string;
  /** Danish date and time: "fredag den 2. februar 2024 kl. 14.05". */
  signedAt: string;
}

/** Who signed and when, and the seal: the sha256 of the members' PDF as it was signed, which the seal covers. */
export interface MinutesSignaturePage {
  signatures: MinutesSignatureLine[];
  sealHash: string;
}

export const SIGNATURE_PAGE_HEADING = 'Underskrifter';

/** The seal's line on the signature page, naming what the hash covers so a reader can check it. */
export function sealSentence(sealHash: string): string {
  return `Referatet (medlemmernes udgave som PDF) er forseglet med kontrolsummen SHA-256 ${sealHash}.`;
}

/** A signature line in running text: "Birgit Jakobsen, Formand, underskrevet fredag den 2. februar 2024 kl. 14.05". */
export function signatureSentence({ name, role, signedAt }: MinutesSignatureLine): string {
  return `${name}, ${role}, underskrevet ${signedAt}`;
}

/** What an agenda says of an item or a Bilag sent after the material's notice deadline (§ 8, stk. 4). */
export const SENT_LATE_MARK = 'Eftersendt';
/** What an agenda says of an item withdrawn from it before the meeting. */
export const WITHDRAWN_ITEM_MARK = 'Punktet udgår';
/** What the minutes record of an item withdrawn before the meeting. */
export const WITHDRAWN_ITEM_MINUTES = 'Punktet udgik.';

/** Read from the item as stored, before any redaction: whether it is withdrawn, and whether it came late. */
interface ItemNoticeMarks {
  withdrawn: boolean;
  sentLate: boolean;
}

function noticeMarksOf(item: MinutesItemInput): ItemNoticeMarks {
  return { withdrawn: item.state === 'withdrawn', sentLate: Boolean(item.sentLateAt) };
}

export const MINUTES_SECTION_HEADINGS = {
  summary: 'Resume',
  recommendation: 'Indstilling',
  presentation: 'Sagsfremstilling',
  decision: 'Beslutning',
  attachments: 'Bilag',
  dissents: 'Afvigende mening',
  disqualifications: 'Inhabilitet',
  closed: 'Lukket punkt',
} as const;

/** Said under an item whose outcome was recorded without quorum (Kommunestyrelsesloven § 11). */
export const WITHOUT_QUORUM = 'Udvalget var ikke beslutningsdygtigt.';

/**
 * Builds the minutes of a held meeting: a pure function of the meeting, so the same meeting always gives the
 * same document, and the public variant is the same builder fed the redacted items.
 */
export function buildMinutesDocument(meeting: MinutesMeetingInput, options: MinutesDocumentOptions): MinutesDocument {
  const startsAt = new Date(meeting.startsAt);
  const marks = meeting.items.map(noticeMarksOf);
  const items = options.variant === 'public' ? redactItemsForPublic(meeting.items) : [...meeting.items];
  const sentences = attendanceSentences(meeting.attendance);
  const attendanceItem = items.find((item) => !item.closed && item.title.trim() === RECURRING_ITEMS.attendance);
  return {
    kind: 'minutes',
    variant: options.variant,
    title: `REFERAT ${meeting.committeeName} d. ${referatTitleDate(startsAt)}`,
    meetingDate: referatDateLine(startsAt),
    place: meeting.location,
    facts: [],
    attendance: attendanceItem ? [] : sentences,
    items: items.map((item, index) =>
      marks[index].withdrawn ? withdrawnItem(item, [{ heading: MINUTES_SECTION_HEADINGS.decision, blocks: [{ kind: 'paragraph', text: WITHDRAWN_ITEM_MINUTES }] }]) : minutesItem(item, item === attendanceItem ? sentences : []),
    ),
    closing: meeting.endedAt ? `Mødet hævet kl. ${clockTime(copenhagenTime(meeting.endedAt))}.` : null,
  };
}

/** The meeting as the agenda document reads it (MeetingDto fits): the minutes' input with the meeting's own title and end. */
export interface AgendaMeetingInput extends Omit<MinutesMeetingInput, 'attendance' | 'endedAt'> {
  title?: string | null;
  endsAt?: Date | string | null;
}

/**
 * Builds the agenda as one document (samlet dagsorden): every item with its time slot, case number, Resume,
 * Indstilling, Sagsfremstilling, any Beslutning and its Bilag, in the minutes' model so one renderer draws both.
 * Dissents, disqualifications and votes are recorded at the meeting and belong to the minutes, so the agenda
 * leaves them out; the public variant is the same builder fed the redacted items, as for the minutes. A withdrawn item keeps
 * its number and title, marked "Punktet udgår"; an item sent after the material's deadline is marked "Eftersendt",
 * and so is a Bilag.
 */
export function buildAgendaDocument(meeting: AgendaMeetingInput, options: MinutesDocumentOptions): MinutesDocument {
  const startsAt = new Date(meeting.startsAt);
  const endsAt = meeting.endsAt ? new Date(meeting.endsAt) : null;
  const marks = meeting.items.map(noticeMarksOf);
  const items = options.variant === 'public' ? redactItemsForPublic(meeting.items) : [...meeting.items];
  return {
    kind: 'agenda',
    variant: options.variant,
    title: `DAGSORDEN ${meeting.committeeName} d. ${referatTitleDate(startsAt)}`,
    meetingDate: referatDateLine(startsAt, endsAt),
    place: meeting.location,
    facts: [{ label: 'Udvalg', value: meeting.committeeName }, ...(meeting.title?.trim() ? [{ label: 'Møde', value: meeting.title.trim() }] : [])],
    attendance: [],
    items: items.map((item, index) => {
      if (marks[index].withdrawn) return { ...withdrawnItem(item, []), heading: `${itemHeading(item)} – ${WITHDRAWN_ITEM_MARK}` };
      const agendaItem = minutesItem({ ...item, dissents: [], disqualifications: [], votes: [], withoutQuorum: false }, [], { markLateBilag: true });
      return marks[index].sentLate ? { ...agendaItem, heading: `${agendaItem.heading} – ${SENT_LATE_MARK}` } : agendaItem;
    }),
    closing: null,
  };
}

/** "Punkt 1: Status på partnerskaber (kl. 9.30-10.30)" */
function itemHeading(item: MinutesItemInput): string {
  const slot = timeSlot(item.startTime, item.endTime);
  return `Punkt ${item.number}: ${item.title}${slot ? ` (${slot})` : ''}`;
}

/** A withdrawn item: its number and title (a closed item's as the variant shows it), none of its texts or Bilag. */
function withdrawnItem(item: MinutesItemInput, sections: MinutesSection[]): MinutesItem {
  return { number: item.number, heading: itemHeading(item), anchor: `punkt-${item.number}`, caseNumber: null, closed: item.closed, sections };
}

function minutesItem(item: MinutesItemInput, attendance: readonly string[], { markLateBilag = false } = {}): MinutesItem {
  const sections: MinutesSection[] = [];
  const add = (heading: string, blocks: MinutesBlock[]) => {
    if (blocks.length) sections.push({ heading, blocks });
  };
  const text = (value: string | null | undefined): MinutesBlock[] => (value?.trim() ? [{ kind: 'paragraph', text: value.trim() }] : []);
  if (item.closed) add(MINUTES_SECTION_HEADINGS.closed, text(capitalised(closedReasonInWords(item))));
  add(MINUTES_SECTION_HEADINGS.summary, text(item.summary));
  add(MINUTES_SECTION_HEADINGS.recommendation, text(item.recommendation));
  add(MINUTES_SECTION_HEADINGS.presentation, text(item.presentation));
  // A referred case carries the earlier committees' decisions, oldest first, before its own.
  for (const earlier of item.earlierDecisions ?? []) add(earlierDecisionHeading(earlier), text(earlier.decision));
  const onward = item.state === 'referred' && item.referredToCommitteeName ? text(referredOnwardSentence(item.referredToCommitteeName)) : [];
  // The attendance item's Beslutning is who took part, followed by anything the secretary wrote, then any vote.
  const paragraph = (sentence: string): MinutesBlock => ({ kind: 'paragraph', text: sentence });
  add(MINUTES_SECTION_HEADINGS.decision, [...attendance.map(paragraph), ...text(item.decision), ...voteSentences(item.votes ?? []).map(paragraph), ...(item.withoutQuorum ? text(WITHOUT_QUORUM) : []), ...onward]);
  const attachments = attachmentNames(item, markLateBilag);
  if (attachments.length) add(MINUTES_SECTION_HEADINGS.attachments, [{ kind: 'list', items: attachments }]);
  add(
    MINUTES_SECTION_HEADINGS.dissents,
    (item.dissents ?? []).map((note) => ({ kind: 'paragraph', text: withNote(`${note.personName} ønskede sin afvigende mening tilført protokollen`, note.text) })),
  );
  add(
    MINUTES_SECTION_HEADINGS.disqualifications,
    (item.disqualifications ?? []).map((note) => ({
      kind: 'paragraph',
      text: withNote(`${note.personName} deltog ikke i behandlingen af punktet på grund af inhabilitet`, note.text),
    })),
  );
  return {
    number: item.number,
    heading: itemHeading(item),
    anchor: `punkt-${item.number}`,
    caseNumber: item.caseNumber ?? null,
    closed: item.closed,
    sections,
  };
}

/** Uploaded files first (on the agenda, one sent late marked so), then the names given before upload that no file carries yet. */
function attachmentNames(item: MinutesItemInput, markLate: boolean): string[] {
  const uploaded = (item.attachments ?? []).map((a) => a.name);
  const shown = (item.attachments ?? []).map((a) => (markLate && a.sentLateAt ? `${a.name} (${SENT_LATE_MARK})` : a.name));
  return [...shown, ...(item.attachmentNames ?? []).filter((name) => !uploaded.includes(name))];
}

function capitalised(words: string | null): string | null {
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : null;
}

function withNote(sentence: string, note: string | null): string {
  return note?.trim() ? `${sentence}: ${note.trim()}` : `${sentence}.`;
}
