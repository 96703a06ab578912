import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { runningDateTime, runningMeetingTime } from '@app/domain/danish-dates';
import { api } from '../api/client';
import { publicMeetingQuery } from '../api/meetings';
import { AgendaItems } from '../components/AgendaItems';
import { AgendaPdfLink } from '../components/AgendaPdfLink';
import { CommitteeFeedLink } from '../components/CommitteeFeedLink';
import { ErrorAlert } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { useTitle } from '../lib/use-title';

/** A published meeting for the public: its agenda (closed items only as number and "Lukket punkt: <public title>") and the minutes once published. */
export function PublicMeetingPage() {
  const { meetingId = '' } = useParams();
  const meeting = useQuery(publicMeetingQuery(meetingId));
  const minutesPublished = useQuery({
    queryKey: ['public-minutes', meetingId],
    enabled: meeting.data?.state === 'held' || meeting.data?.state === 'closed',
    queryFn: async () => (await fetch(`/api/public/meetings/${meetingId}/minutes.html`, { method: 'HEAD' })).ok,
  });
  const addenda = useQuery({
    queryKey: ['public-minutes-addenda', meetingId],
    enabled: minutesPublished.data === true,
    queryFn: async () => (await api.GET('/api/public/meetings/{id}/minutes/addenda', { params: { path: { id: meetingId } } })).data ?? [],
  });
  const name = meeting.data ? `${meeting.data.committeeName}${meeting.data.title ? `: ${meeting.data.title}` : ''}` : 'Møde';
  useTitle(meeting.data ? `Dagsorden: ${name}` : meeting.data === null ? 'Mødet findes ikke' : 'Dagsorden');

  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <ErrorAlert message="Mødet kunne ikke hentes. Prøv igen om lidt." />;
  if (!meeting.data) {
    return (
      <>
        <h1>Mødet findes ikke</h1>
        <p>
          Mødet findes ikke, eller dets dagsorden er ikke offentliggjort. Se <Link to="/offentlig">alle offentlige møder</Link>.
        </p>
      </>
    );
  }
  const data = meeting.data;
  return (
    <>
      <p className="d-print-none">
        <Link to="/offentlig" className="back-link">
          Alle offentlige møder
        </Link>
      </p>
      <h1>Dagsorden: {name}</h1>
      <p className="font-lead">
        {runningMeetingTime(data.startsAt, data.endsAt)}
        <br />
        {data.location}
      </p>
      <p className="d-print-none">
        <AgendaPdfLink href={`/api/public/meetings/${data.id}/agenda.pdf`} meetingState={data.state} />
      </p>
      <p className="d-print-none">
        <CommitteeFeedLink committeeId={data.committeeId} />
      </p>
      {minutesPublished.data ? (
        <section aria-labelledby="referat">
          <h2 id="referat">Referat</h2>
          <ul>
            <li>
              <a href={`/api/public/meetings/${data.id}/minutes.html`}>Referatet som webside</a>
            </li>
            <li>
              <a href={`/api/public/meetings/${data.id}/minutes.pdf`}>Referatet som PDF</a>
            </li>
            {(addenda.data ?? []).map((addendum) => (
              <li key={addendum.id}>
                <a href={addendum.url}>
                  Tillæg til referatet, tilføjet {runningDateTime(addendum.createdAt)}
                  {addendum.itemNumber ? `, punkt ${addendum.itemNumber}` : ''} (PDF)
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <AgendaItems items={data.items} attachmentUrl={(id) => `/api/public/attachments/${id}/content`} />
    </>
  );
}
