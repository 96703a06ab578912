import type pg from 'pg';
import type { MeetingFixtures } from '@app/test-kit';

/**
 * The worst input the API accepts for the minutes: every text field of every item filled to its cap (the DTOs'
 * maxLength) with one unbroken word, which is what once took a worker down. Shared by the figure and its bare
 * baseline, so both lay out the same texts.
 */
export const WORST_MINUTES_ITEMS = 30;

export const FIELD_CAPS = {
  meetingTitle: 300,
  meetingLocation: 500,
  title: 500,
  caseNumber: 100,
  summary: 20_000,
  recommendation: 20_000,
  presentation: 100_000,
  decision: 20_000,
  attachmentName: 300,
  attachmentNames: 50,
} as const;

/** One word of `length` characters, Danish letters included, without a space or any other break opportunity. */
export function unbrokenWord(length: number): string {
  const syllables = 'Sagsfremstillingsbilagsoversigtsændringsforslagsbehandlingsprøvedelsesårsberetning';
  return syllables.repeat(Math.ceil(length / syllables.length)).slice(0, length);
}

export interface WorstMinutesItem {
  title: string;
  caseNumber: string;
  summary: string;
  recommendation: string;
  presentation: string;
  decision: string;
  attachmentNames: string[];
}

export function worstMinutesItem(): WorstMinutesItem {
  return {
    title: unbrokenWord(FIELD_CAPS.title),
    caseNumber: unbrokenWord(FIELD_CAPS.caseNumber),
    summary: unbrokenWord(FIELD_CAPS.summary),
    recommendation: unbrokenWord(FIELD_CAPS.recommendation),
    presentation: unbrokenWord(FIELD_CAPS.presentation),
    decision: unbrokenWord(FIELD_CAPS.decision),
    attachmentNames: Array.from({ length: FIELD_CAPS.attachmentNames }, (_, i) => `${String(i + 1).padStart(2, '0')}${unbrokenWord(FIELD_CAPS.attachmentName - 6)}.pdf`),
  };
}

/**
 * A held meeting at the worst the API accepts: its title and place, and every text field of each of its items, one
 * unbroken word at the field's cap. The first item goes through the API (so the API is seen to take it), the rest
 * are copies of it in SQL. Used by the bench (5b) and by the resilience spec of a worker killed during its layout
 * (`document-layout.spec.ts`).
 */
export async function worstHeldMeeting(meetings: MeetingFixtures, db: pg.Pool, startsAt: Date, itemCount = WORST_MINUTES_ITEMS): Promise<string> {
  const { decision, ...fields } = worstMinutesItem();
  const meetingId = await meetings.meeting({
    startsAt: startsAt.toISOString(),
    title: unbrokenWord(FIELD_CAPS.meetingTitle),
    location: unbrokenWord(FIELD_CAPS.meetingLocation),
  });
  const item = await meetings.item(meetingId, fields);
  await meetings.hold(meetingId);
  await meetings.updateItem(item.id, { decision });
  await db.query(
    `INSERT INTO agenda_item (meeting_id, number, title, case_number, closed, closed_reason, closed_reason_text, public_title, summary, recommendation, presentation, decision, attachment_names, state)
     SELECT meeting_id, n, title, case_number, closed, closed_reason, closed_reason_text, public_title, summary, recommendation, presentation, decision, attachment_names, state
       FROM agenda_item, generate_series(2, $2::int) n WHERE meeting_id = $1`,
    [meetingId, itemCount],
  );
  return meetingId;
}
