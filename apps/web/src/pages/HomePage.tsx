import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { runningMeetingTime } from '@app/domain/danish-dates';
import { api } from '../api/client';
import { allPages, usePagedList } from '../api/pages';
import { meetingName } from '../api/meetings';
import { useSession } from '../api/session';
import { CalendarSubscription } from '../components/CalendarSubscription';
import { ErrorAlert } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { ShowMore } from '../components/ShowMore';
import { useTitle } from '../lib/use-title';

/** How many of the latest held meetings are asked whether their minutes await the reader's signature. */
const MINUTES_LOOKED_AT = 20;

type MeetingSummary = { id: string; committeeName: string; title: string | null; startsAt: string; endsAt: string | null; location: string; state: string };

/**
 * "Forside": what waits for me — my meetings coming and past, kommissorier awaiting my approval (directors), minutes
 * awaiting my approval (the chair) or my signature — and my calendar subscription.
 */
export function HomePage() {
  useTitle('Forside');
  const session = useSession();
  const person = session.data?.person;
  const isDirector = Boolean(person?.roles.includes('director'));

  // Newest first: the coming meetings are on the first pages, the past ones follow page by page.
  const meetings = usePagedList<MeetingSummary>(['my-meetings'], async (cursor) => {
    const { data, response } = await api.GET('/api/me/meetings', { params: { query: { cursor } } });
    if (!data) throw new Error(`GET /api/me/meetings answered ${response.status}`);
    return data;
  });
  const now = Date.now();
  const coming = (meetings.items ?? []).filter((meeting) => new Date(meeting.endsAt ?? meeting.startsAt).getTime() >= now).reverse();
  const past = (meetings.items ?? []).filter((meeting) => new Date(meeting.endsAt ?? meeting.startsAt).getTime() < now);
  const held = past.filter((meeting) => meeting.state === 'held' || meeting.state === 'closed').slice(0, MINUTES_LOOKED_AT);

  const signatures = useQueries({
    queries: held.map((meeting) => ({
      queryKey: ['minutes-transitions', meeting.id],
      queryFn: async () => ((await api.GET('/api/meetings/{id}/minutes/transitions', { params: { path: { id: meeting.id } } })).data ?? []).map((event) => event.event),
    })),
  });
  const awaitingSignature = held.filter((_meeting, index) => signatures[index]?.data?.includes('sign'));
  const awaitingMinutesApproval = held.filter((_meeting, index) => signatures[index]?.data?.includes('approve'));

  const committees = useQuery({
    queryKey: ['committees-for-approval'],
    enabled: isDirector,
    queryFn: () =>
      allPages(async (cursor) => {
        const { data, response } = await api.GET('/api/committees', { params: { query: { cursor, limit: 500 } } });
        if (!data) throw new Error(`GET /api/committees answered ${response.status}`);
        return data;
      }),
  });
  const committeeList = committees.data ?? [];
  const commissions = useQueries({
    queries: committeeList.map((committee) => ({
      queryKey: ['commissions-of', committee.id],
      queryFn: () =>
        allPages(async (cursor) => {
          const { data, response } = await api.GET('/api/committees/{committeeId}/commissions', { params: { path: { committeeId: committee.id }, query: { cursor } } });
          if (!data) throw new Error(`GET /api/committees/${committee.id}/commissions answered ${response.status}`);
          return data;
        }),
    })),
  });
  const awaitingApproval = commissions.flatMap((query, index) =>
    (query.data ?? []).filter((commission) => commission.state === 'submitted').map((commission) => ({ ...commission, committeeName: committeeList[index].name })),
  );

  return (
    <>
      <h1>Forside</h1>
      {person ? <p className="font-lead">Velkommen, {person.name}.</p> : null}

      {isDirector ? (
        <section aria-labelledby="kommissorier">
          <h2 id="kommissorier">Kommissorier, der afventer din godkendelse</h2>
          {committees.isPending || commissions.some((query) => query.isPending) ? <Loading /> : null}
          {awaitingApproval.length === 0 && !committees.isPending ? <p>Ingen kommissorier afventer din godkendelse.</p> : null}
          <ul>
            {awaitingApproval.map((commission) => (
              <li key={commission.id}>
                <Link to={`/kommissorier/${commission.id}`}>{commission.title}</Link> ({commission.committeeName}, version {commission.version})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <WaitingMinutes id="godkendelse" heading="Referater, der afventer din godkendelse" meetings={awaitingMinutesApproval} />
      <WaitingMinutes id="underskrift" heading="Referater, der afventer din underskrift" meetings={awaitingSignature} />

      <section aria-labelledby="kommende">
        <h2 id="kommende">Mine kommende møder</h2>
        {meetings.isPending ? <Loading /> : null}
        {meetings.isError ? <ErrorAlert message="Dine møder kunne ikke hentes. Prøv igen om lidt." /> : null}
        {meetings.data && coming.length === 0 ? <p>Du har ingen kommende møder.</p> : null}
        <MeetingList meetings={coming} />
      </section>

      <section aria-labelledby="tidligere">
        <h2 id="tidligere">Mine tidligere møder</h2>
        {meetings.data && past.length === 0 && !meetings.hasNextPage ? <p>Du har ingen tidligere møder.</p> : null}
        <MeetingList meetings={past} />
        <ShowMore hasMore={meetings.hasNextPage} loading={meetings.isFetchingNextPage} onShowMore={() => void meetings.fetchNextPage()} />
      </section>

      <CalendarSubscription />
    </>
  );
}

/** A list of minutes that wait for the reader, shown only when there are any. */
function WaitingMinutes({ id, heading, meetings }: { id: string; heading: string; meetings: MeetingSummary[] }) {
  if (meetings.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <MeetingList meetings={meetings} />
    </section>
  );
}

function MeetingList({ meetings }: { meetings: MeetingSummary[] }) {
  if (meetings.length === 0) return null;
  return (
    <ul className="nobullet-list">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="mb-4">
          <Link to={`/moeder/${meeting.id}`} className="weight-semibold">
            {meetingName(meeting)}
          </Link>
          <br />
          {runningMeetingTime(meeting.startsAt, meeting.endsAt)}, {meeting.location}
          {meeting.state === 'cancelled' ? ' (aflyst)' : ''}
        </li>
      ))}
    </ul>
  );
}
