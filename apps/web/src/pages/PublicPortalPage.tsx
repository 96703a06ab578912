import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { copenhagenDate, formatMeetingTime } from '../lib/dates';
import { useTitle } from '../lib/use-title';

export const MEETINGS_PER_PAGE = 10;

const STATE_LABELS: Record<string, string> = { published: 'Dagsorden', held: 'Afholdt', closed: 'Afsluttet' };

/**
 * The public portal: every committee's sent agendas, newest first, paged, and searchable by committee and date.
 * The search lives in the address (?udvalg=&fra=&til=&side=), so a result can be bookmarked and shared.
 */
export function PublicPortalPage() {
  useTitle('Offentlige dagsordener og referater');
  const [params, setParams] = useSearchParams();
  const committeeId = params.get('udvalg') ?? '';
  const from = params.get('fra') ?? '';
  const to = params.get('til') ?? '';
  const page = Math.max(1, Number(params.get('side')) || 1);
  const [draft, setDraft] = useState({ committeeId, from, to });

  const meetings = useQuery({
    queryKey: ['public-meetings'],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/public/meetings');
      if (!data) throw new Error(`GET /api/public/meetings answered ${response.status}`);
      return data;
    },
  });

  const committees = useMemo(() => {
    const names = new Map<string, string>();
    for (const meeting of meetings.data ?? []) names.set(meeting.committeeId, meeting.committeeName);
    return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }, [meetings.data]);

  const found = useMemo(
    () =>
      (meetings.data ?? []).filter((meeting) => {
        const day = copenhagenDate(meeting.startsAt);
        return (!committeeId || meeting.committeeId === committeeId) && (!from || day >= from) && (!to || day <= to);
      }),
    [meetings.data, committeeId, from, to],
  );
  const pages = Math.max(1, Math.ceil(found.length / MEETINGS_PER_PAGE));
  const shown = found.slice((page - 1) * MEETINGS_PER_PAGE, page * MEETINGS_PER_PAGE);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.committeeId) next.set('udvalg', draft.committeeId);
    if (draft.from) next.set('fra', draft.from);
    if (draft.to) next.set('til', draft.to);
    setParams(next);
  };
  const pageLink = (target: number) => {
    const next = new URLSearchParams(params);
    next.set('side', String(target));
    return `?${next}`;
  };

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
            {committees.map((committee) => (
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
      {meetings.isPending ? <Loading /> : null}
      {meetings.isError ? <ErrorAlert message="Møderne kunne ikke hentes. Prøv igen om lidt." /> : null}
      {meetings.data ? (
        <>
          <p role="status">{found.length === 1 ? 'Ét møde fundet.' : `${found.length} møder fundet.`}</p>
          {shown.length > 0 ? (
            <ul className="nobullet-list">
              {shown.map((meeting) => (
                <li key={meeting.id} className="mb-5">
                  <Link to={`/offentlig/moeder/${meeting.id}`} className="weight-semibold">
                    {meeting.committeeName}
                    {meeting.title ? `: ${meeting.title}` : ''}
                  </Link>
                  <br />
                  {formatMeetingTime(meeting.startsAt, meeting.endsAt)}, {meeting.location}
                  <br />
                  <span className="badge">{STATE_LABELS[meeting.state] ?? meeting.state}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {pages > 1 ? (
            <nav aria-label="Sider" className="pagination">
              <ul className="pagination__items inline-list">
                {page > 1 ? (
                  <li className="pagination-item">
                    <Link to={pageLink(page - 1)}>Forrige side</Link>
                  </li>
                ) : null}
                <li className="pagination-item" aria-current="page">
                  Side {page} af {pages}
                </li>
                {page < pages ? (
                  <li className="pagination-item">
                    <Link to={pageLink(page + 1)}>Næste side</Link>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}
