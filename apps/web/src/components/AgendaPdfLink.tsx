/** The meeting states whose agenda has been sent, and so exists as one PDF (samlet dagsorden). */
const AGENDA_SENT = new Set(['published', 'held', 'closed']);

/**
 * "Hent samlet dagsorden (PDF)": the members' version (closed items in full) or the public one, by the address
 * given. Shown only once the agenda has been sent; the API names the file.
 */
export function AgendaPdfLink({ href, meetingState, className = 'button button-secondary' }: { href: string; meetingState: string; className?: string }) {
  if (!AGENDA_SENT.has(meetingState)) return null;
  return (
    <a className={className} href={href} download>
      Hent samlet dagsorden (PDF)
    </a>
  );
}
