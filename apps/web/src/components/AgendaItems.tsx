import { dayMonthYear, timeSlot } from '@app/domain/danish-dates';
import type { components } from '../api/schema';
import { closedReasonWords } from '../lib/meeting-words';

/** An agenda item as both the members' and the public agenda give it (the public one is the smaller). */
export type AgendaItemView = Pick<
  components['schemas']['PublicAgendaItemDto'],
  'number' | 'title' | 'closed' | 'caseNumber' | 'startTime' | 'endTime' | 'summary' | 'recommendation' | 'presentation' | 'decision' | 'sentLateAt'
> & {
  state: string | null;
  attachments: Pick<components['schemas']['PublicAttachmentDto'], 'id' | 'name' | 'size' | 'sentLateAt'>[];
  /** The decisions of the committees the case came through, oldest first (the public agenda only those it may read). */
  earlierDecisions?: components['schemas']['PublicEarlierDecisionDto'][];
  /** A closed item's reason, which only the members' agenda carries. */
  closedReason?: string | null;
  closedReasonText?: string | null;
};

const SECTIONS_BEFORE_DECISION = [
  ['summary', 'Resume'],
  ['recommendation', 'Indstilling'],
  ['presentation', 'Sagsfremstilling'],
] as const;

function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/**
 * The agenda, item by item: "Punkt N: title", its time slot and case number, then Resume, Indstilling,
 * Sagsfremstilling, Beslutning (after the earlier committees' decisions of a referred case) and the Bilag to
 * download. A closed item is marked "Lukket punkt" (with its reason for members); the public agenda's closed items
 * carry nothing but their number and public title, as the API sends them. An item or a Bilag sent after the
 * material's notice deadline is marked "Eftersendt"; a withdrawn item shows its number and title and "Punktet udgår".
 */
export function AgendaItems({ items, attachmentUrl, headingLevel = 2 }: { items: AgendaItemView[]; attachmentUrl: (id: string) => string; headingLevel?: 2 | 3 }) {
  if (items.length === 0) return <p>Dagsordenen har ingen punkter endnu.</p>;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const sectionHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <ol className="unstyled-list" aria-label="Dagsordenens punkter">
      {items.map((item) => {
        const headingId = `punkt-${item.number}`;
        return (
          <li key={item.number} className="agenda-item" aria-labelledby={headingId}>
            <Heading id={headingId}>
              Punkt {item.number}: {item.title}
            </Heading>
            {item.state === 'withdrawn' ? (
              <p className="agenda-item-meta">
                <span className="badge">Punktet udgår</span>
              </p>
            ) : (
              <ItemBody item={item} attachmentUrl={attachmentUrl} sectionHeading={sectionHeading} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** An item's marks, time slot, case number, sections and Bilag: all but its heading, which a withdrawn item keeps alone. */
function ItemBody({ item, attachmentUrl, sectionHeading: SectionHeading }: { item: AgendaItemView; attachmentUrl: (id: string) => string; sectionHeading: 'h3' | 'h4' }) {
  const slot = timeSlot(item.startTime, item.endTime);
  return (
    <>
      <p className="agenda-item-meta">
        {item.sentLateAt ? <span className="badge">Eftersendt</span> : null}
        {item.sentLateAt && (item.closed || slot || item.caseNumber) ? ' ' : null}
        {item.closed ? <span className="badge">Lukket punkt</span> : null}
        {item.closed && closedReasonWords(item) ? ` (${closedReasonWords(item)})` : null}
        {item.closed && (slot || item.caseNumber) ? ' ' : null}
        {slot ? <span>{slot}</span> : null}
        {slot && item.caseNumber ? ' · ' : null}
        {item.caseNumber ? <span>Sagsnummer {item.caseNumber}</span> : null}
      </p>
      {SECTIONS_BEFORE_DECISION.map(([field, label]) =>
        item[field] ? (
          <section key={field} className="item-section">
            <SectionHeading>{label}</SectionHeading>
            <p className="prewrap">{item[field]}</p>
          </section>
        ) : null,
      )}
      {(item.earlierDecisions ?? []).map((earlier) => (
        <section key={`${earlier.committeeName}-${String(earlier.meetingStartsAt)}`} className="item-section">
          <SectionHeading>
            Beslutning i {earlier.committeeName} den {dayMonthYear(earlier.meetingStartsAt)}
          </SectionHeading>
          <p className="prewrap">{earlier.decision}</p>
        </section>
      ))}
      {item.decision ? (
        <section className="item-section">
          <SectionHeading>Beslutning</SectionHeading>
          <p className="prewrap">{item.decision}</p>
        </section>
      ) : null}
      {item.attachments.length > 0 ? (
        <section className="item-section">
          <SectionHeading>Bilag</SectionHeading>
          <ul>
            {item.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={attachmentUrl(attachment.id)} download={attachment.name}>
                  {attachment.name}
                </a>{' '}
                ({fileSize(attachment.size)}){attachment.sentLateAt ? ' – Eftersendt' : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
