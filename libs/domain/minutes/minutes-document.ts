import { formatTimeSlot, RECURRING_ITEMS } from '../agenda.js';
import { copenhagenDate, copenhagenTime } from '../dates.js';
import { redactItemsForPublic, type RedactableItem } from '../redaction.js';
import { attendanceSentences, type MinutesAttendee } from './minutes-attendance.js';
import { danishMeetingDate, danishNumericDate } from './danish-format.js';

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
  attachmentNames?: readonly string[];
  attachments?: readonly { name: string }[];
  dissents?: readonly MinutesNoteInput[];
  disqualifications?: readonly MinutesNoteInput[];
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
  const items = options.variant === 'public' ? redactItemsForPublic(meeting.items) : [...meeting.items];
  const sentences = attendanceSentences(meeting.attendance);
  const attendanceItem = items.find((item) => !item.closed && item.title.trim() === RECURRING_ITEMS.attendance);
  return {
    kind: 'minutes',
    variant: options.variant,
    title: `REFERAT ${meeting.committeeName} d. ${danishNumericDate(copenhagenDate(startsAt))}`,
    meetingDate: danishMeetingDate(startsAt),
    place: meeting.location,
    facts: [],
    attendance: attendanceItem ? [] : sentences,
    items: items.map((item) => minutesItem(item, item === attendanceItem ? sentences : [])),
  };
}

/** The meeting as the agenda document reads it (MeetingDto fits): the minutes' input with the meeting's own title and end. */
export interface AgendaMeetingInput extends Omit<MinutesMeetingInput, 'attendance'> {
  title?: string | null;
  endsAt?: Date | string | null;
}

/**
 * Builds the agenda as one document (samlet dagsorden): every item with its time slot, case number, Resume,
 * Indstilling, Sagsfremstilling, any Beslutning and its Bilag, in the minutes' model so one renderer draws both.
 * Dissents and disqualifications are recorded at the meeting and belong to the minutes, so the agenda leaves them
 * out; the public variant is the same builder fed the redacted items, as for the minutes.
 */
export function buildAgendaDocument(meeting: AgendaMeetingInput, options: MinutesDocumentOptions): MinutesDocument {
  const startsAt = new Date(meeting.startsAt);
  const endsAt = meeting.endsAt ? new Date(meeting.endsAt) : null;
  const items = options.variant === 'public' ? redactItemsForPublic(meeting.items) : [...meeting.items];
  const endsSameDay = endsAt && copenhagenDate(endsAt) === copenhagenDate(startsAt);
  return {
    kind: 'agenda',
    variant: options.variant,
    title: `DAGSORDEN ${meeting.committeeName} d. ${danishNumericDate(copenhagenDate(startsAt))}`,
    meetingDate: `${danishMeetingDate(startsAt)}${endsSameDay ? `-${copenhagenTime(endsAt)}` : ''}`,
    place: meeting.location,
    facts: [{ label: 'Udvalg', value: meeting.committeeName }, ...(meeting.title?.trim() ? [{ label: 'Møde', value: meeting.title.trim() }] : [])],
    attendance: [],
    items: items.map((item) => minutesItem({ ...item, dissents: [], disqualifications: [], withoutQuorum: false }, [])),
  };
}

function minutesItem(item: MinutesItemInput, attendance: readonly string[]): MinutesItem {
  const slot = formatTimeSlot(item.startTime, item.endTime);
  const sections: MinutesSection[] = [];
  const add = (heading: string, blocks: MinutesBlock[]) => {
    if (blocks.length) sections.push({ heading, blocks });
  };
  const text = (value: string | null | undefined): MinutesBlock[] => (value?.trim() ? [{ kind: 'paragraph', text: value.trim() }] : []);
  if (item.closed && item.closedReason) add(MINUTES_SECTION_HEADINGS.closed, text(item.closedReason));
  add(MINUTES_SECTION_HEADINGS.summary, text(item.summary));
  add(MINUTES_SECTION_HEADINGS.recommendation, text(item.recommendation));
  add(MINUTES_SECTION_HEADINGS.presentation, text(item.presentation));
  // The attendance item's Beslutning is who took part, followed by anything the secretary wrote.
  add(MINUTES_SECTION_HEADINGS.decision, [
    ...attendance.map((sentence): MinutesBlock => ({ kind: 'paragraph', text: sentence })),
    ...text(item.decision),
    ...(item.withoutQuorum ? text(WITHOUT_QUORUM) : []),
  ]);
  const attachments = attachmentNames(item);
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
    heading: `Punkt ${item.number}: ${item.title}${slot ? ` (${slot})` : ''}`,
    anchor: `punkt-${item.number}`,
    caseNumber: item.caseNumber ?? null,
    closed: item.closed,
    sections,
  };
}

/** Uploaded files first, then the names given before upload that no file carries yet. */
function attachmentNames(item: MinutesItemInput): string[] {
  const uploaded = (item.attachments ?? []).map((a) => a.name);
  return [...uploaded, ...(item.attachmentNames ?? []).filter((name) => !uploaded.includes(name))];
}

function withNote(sentence: string, note: string | null): string {
  return note?.trim() ? `${sentence}: ${note.trim()}` : `${sentence}.`;
}
