import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { runningMeetingTime } from '@app/domain/danish-dates';
import { api } from '../api/client';
import { allPages, usePagedList } from '../api/pages';
import { CommitteeFeedLink } from '../components/CommitteeFeedLink';
import { ErrorAlert } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { ShowMore } from '../components/ShowMore';
import { useTitle } from '../lib/use-title';

export const MEETINGS_PER_PAGE = 10;

const STATE_LABELS: Record<string, string> = { published: 'Dagsorden', held: 'Afholdt', closed: 'Afsluttet' };

/** The server refused the search in the address (a malformed date, or "til" before "fra"). */
class InvalidSearch extends Error {}

/** What the status line says of the meetings shown: all found, or the first of more. */
export function foundText(shown: number, more: boolean): string {
  if (more) return `De første ${shown} møder vises.`;
  return shown === 1 ? 'Ét møde fundet.' : `${shown} møder fundet.`;
}

/**
 * The public portal: every committee's sent agendas, newest first, searchable by committee and date; the server
 * searches and pages, "Vis flere" reads the next page. The search lives in the address (?udvalg=&fra=&til=), so a
 * result can be bookmarked and shared.
 */
export function PublicPortalPage() {
  useTitle('Offentlige dagsordener og referater');
  const [params, setParams] = useSearchParams();
  const committeeId = params.get('udvalg') ?? '';
  const from = params.get('fra') ?? '';
  const to = params.get('til') ?? '';
  const [draft, setDraft] = useState({ committeeId, from, to });

  const meetings = usePagedList(['public-meetings', committeeId, from, to], async (cursor) => {
    // The cursor carries the search on; sending it again with the cursor is allowed, changing it is not.
    const query = { limit: MEETINGS_PER_PAGE, cursor, committeeId: committeeId || undefined, from: from || undefined, to: to || undefined };
    const { data, response } = await api.GET('/api/public/meetings', { params: { query } });
    if (response.status === 400) throw new InvalidSearch();
    if (!data) throw new Error(`GET /api/public/meetings answered ${response.status}`);
    return data;
  });

  const committees = useQuery({
    queryKey: ['public-committees'],
    queryFn: () =>
      allPages(async (cursor) => {
        const { data, response } = await api.GET('/api/public/committees', { params: { query: { cursor, limit: 500 } } });
        if (!data) throw new Error(`GET /api/public/committees answered ${response.status}`);
        return data;
      }),
  });

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.committeeId) next.set('udvalg', draft.committeeId);
    if (draft.from) next.set('fra', draft.from);
    if (draft.to) next.set('til', draft.to);
    setParams(next);
  };
  const shown = meetings.items ?? [];

  return (
    <>
      <h1>Offentlige dagsordener og referater</h1>
      <p className="font-lead">Dagsordener og referater fra kommunens udvalg. Lukkede punkter vises kun med deres nummer.</p>
      <form onSubmit={search} className="mb-6" role="search" aria-label="Søg i møder">
        <div className="form-group">
          <label className="form-label" htmlFor="udvalg">
            Udvalg
          </label>
          <select id="udvalg" className="form-select" value={draft.committeeId} onChange={(event) => setDraft({ ...draft, committeeId: event.target.value })}>
            <option value="">Alle udvalg</option>
            {(committees.data ?? []).map((committee) => (
              <option key={committee.id} value={committee.id}>
                {committee.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="fra">
            Fra dato
          </label>
          <input id="fra" type="date" className="form-input" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="til">
            Til dato
          </label>
          <input id="til" type="date" className="form-input" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </div>
        <button type="submit" className="button button-primary">
          Søg
        </button>
      </form>

      <h2>Møder</h2>
      {committeeId && committees.data?.some((committee) => committee.id === committeeId) ? (
        <p>
          <CommitteeFeedLink committeeId={committeeId} />
        </p>
      ) : null}
      {meetings.isPending ? <Loading /> : null}
      {meetings.isError ? (
        <ErrorAlert
          message={meetings.error instanceof InvalidSearch ? 'Søgningen kan ikke bruges. Tjek datoerne: til-datoen må ikke ligge før fra-datoen.' : 'Møderne kunne ikke hentes. Prøv igen om lidt.'}
        />
      ) : null}
      {meetings.data ? (
        <>
          <p role="status">{foundText(shown.length, meetings.hasNextPage)}</p>
          {shown.length > 0 ? (
            <ul className="nobullet-list">
              {shown.map((meeting) => (
                <li key={meeting.id} className="mb-5">
                  <Link to={`/offentlig/moeder/${meeting.id}`} className="weight-semibold">
                    {meeting.committeeName}
                    {meeting.title ? `: ${meeting.title}` : ''}
                  </Link>
                  <br />
                  {runningMeetingTime(meeting.startsAt, meeting.endsAt)}, {meeting.location}
                  <br />
                  <span className="badge">{STATE_LABELS[meeting.state] ?? meeting.state}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <ShowMore hasMore={meetings.hasNextPage} loading={meetings.isFetchingNextPage} onShowMore={() => void meetings.fetchNextPage()} />
        </>
      ) : null}
    </>
  );
}
