/** "Abonnér på udvalgets møder": the committee's public calendar feed, for a calendar application to subscribe to. */
export function CommitteeFeedLink({ committeeId }: { committeeId: string }) {
  return (
    <a className="function-link" href={`/api/public/committees/${encodeURIComponent(committeeId)}/calendar.ics`} type="text/calendar">
      Abonnér på udvalgets møder
    </a>
  );
}
