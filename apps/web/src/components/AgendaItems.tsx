import { timeSlot } from '@app/domain/danish-dates';
import type { components } from '../api/schema';

/** An agenda item as both the members' and the public agenda give it (the public one is the smaller). */
export type AgendaItemView = Pick<
  components['schemas']['PublicAgendaItemDto'],
  'number' | 'title' | 'closed' | 'caseNumber' | 'startTime' | 'endTime' | 'summary' | 'recommendation' | 'presentation' | 'decision'
> & { attachments: Pick<components['schemas']['PublicAttachmentDto'], 'id' | 'name' | 'size'>[] };

const SECTIONS = [
  ['summary', 'Resume'],
  ['recommendation', 'Indstilling'],
  ['presentation', 'Sagsfremstilling'],
  ['decision', 'Beslutning'],
] as const;

function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/**
 * The agenda, item by item: "Punkt N: title", its time slot and case number, then Resume, Indstilling,
 * Sagsfremstilling, Beslutning and the Bilag to download. A closed item is marked "Lukket punkt"; the public
 * agenda's closed items carry nothing but their number, as the API sends them.
 */
export function AgendaItems({ items, attachmentUrl, headingLevel = 2 }: { items: AgendaItemView[]; attachmentUrl: (id: string) => string; headingLevel?: 2 | 3 }) {
  if (items.length === 0) return <p>Dagsordenen har ingen punkter endnu.</p>;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SectionHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <ol className="unstyled-list" aria-label="Dagsordenens punkter">
      {items.map((item) => {
        const slot = timeSlot(item.startTime, item.endTime);
        const headingId = `punkt-${item.number}`;
        return (
          <li key={item.number} className="agenda-item" aria-labelledby={headingId}>
            <Heading id={headingId}>
              Punkt {item.number}: {item.title}
            </Heading>
            <p className="agenda-item-meta">
              {item.closed ? <span className="badge">Lukket punkt</span> : null}
              {item.closed && (slot || item.caseNumber) ? ' ' : null}
              {slot ? <span>{slot}</span> : null}
              {slot && item.caseNumber ? ' · ' : null}
              {item.caseNumber ? <span>Sagsnummer {item.caseNumber}</span> : null}
            </p>
            {SECTIONS.map(([field, label]) =>
              item[field] ? (
                <section key={field} className="item-section">
                  <SectionHeading>{label}</SectionHeading>
                  <p className="prewrap">{item[field]}</p>
                </section>
              ) : null,
            )}
            {item.attachments.length > 0 ? (
              <section className="item-section">
                <SectionHeading>Bilag</SectionHeading>
                <ul>
                  {item.attachments.map((attachment) => (
                    <li key={attachment.id}>
                      <a href={attachmentUrl(attachment.id)} download={attachment.name}>
                        {attachment.name}
                      </a>{' '}
                      ({fileSize(attachment.size)})
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
