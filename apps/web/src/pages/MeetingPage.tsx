import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { runningMeetingTime } from '@app/domain/danish-dates';
import { api } from '../api/client';
import { meetingName, useMeeting } from '../api/meetings';
import { useSession } from '../api/session';
import { AgendaItems } from '../components/AgendaItems';
import { AgendaPdfLink } from '../components/AgendaPdfLink';
import { ErrorAlert, SuccessAlert } from '../components/ErrorSummary';
import { MeetingStatus } from '../components/MeetingStatus';
import { danishMessage } from '../lib/errors';
import { useTitle } from '../lib/use-title';

const UPCOMING = new Set(['planned', 'published']);

/**
 * "Mødet": the member's meeting page. Title, time and place; "Meld afbud" / "Fortryd afbud" while the meeting lies
 * ahead; the calendar invitation; the minutes, with "Godkend referatet" for the chair and "Underskriv referatet" when
 * the reader's signature is awaited;
 * then the whole agenda, closed items included (marked "Lukket punkt").
 */
export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const meeting = useMeeting(meetingId);
  const session = useSession();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const held = meeting.data?.state === 'held' || meeting.data?.state === 'closed';

  const minutes = useQuery({
    queryKey: ['minutes', meetingId],
    enabled: held,
    queryFn: async () => {
      const { data } = await api.GET('/api/meetings/{id}/minutes', { params: { path: { id: meetingId } } });
      return data ?? null;
    },
  });
  const minutesEvents = useQuery({
    queryKey: ['minutes-transitions', meetingId],
    enabled: Boolean(minutes.data),
    queryFn: async () => {
      const { data } = await api.GET('/api/meetings/{id}/minutes/transitions', { params: { path: { id: meetingId } } });
      return (data ?? []).map((event) => event.event);
    },
  });

  useTitle(meeting.data ? meetingName(meeting.data) : meeting.data === null ? 'Mødet findes ikke' : 'Mødet');
  if (!meeting.data) return <MeetingStatus meeting={meeting} />;
  const data = meeting.data;
  const personId = session.data?.person.id;
  const mine = data.attendance.find((row) => row.personId === personId);

  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['meeting', meetingId] }), queryClient.invalidateQueries({ queryKey: ['minutes', meetingId] }), queryClient.invalidateQueries({ queryKey: ['minutes-transitions', meetingId] })]);

  const reportAbsence = async () => {
    if (!personId) return;
    const { error, response } = await api.PUT('/api/meetings/{id}/attendance/{personId}', { params: { path: { id: meetingId, personId } }, body: { status: 'absent' } });
    setMessage(response.ok ? { kind: 'ok', text: 'Dit afbud er meldt.' } : { kind: 'error', text: danishMessage(error as never, response.status) });
    await refresh();
  };
  const withdrawAbsence = async () => {
    if (!personId) return;
    const { error, response } = await api.DELETE('/api/meetings/{id}/attendance/{personId}/absence', { params: { path: { id: meetingId, personId } } });
    setMessage(response.ok ? { kind: 'ok', text: 'Dit afbud er fortrudt.' } : { kind: 'error', text: danishMessage(error as never, response.status) });
    await refresh();
  };
  const fireOnMinutes = async (event: 'approve' | 'sign') => {
    const { error, response } = await api.POST('/api/meetings/{id}/minutes/transitions', { params: { path: { id: meetingId } }, body: { event } });
    const done = event === 'sign' ? 'Du har underskrevet referatet.' : 'Du har godkendt referatet. Nu kan deltagerne underskrive det.';
    setMessage(response.ok ? { kind: 'ok', text: done } : { kind: 'error', text: danishMessage(error as never, response.status) });
    await refresh();
  };

  return (
    <>
      <h1>{meetingName(data)}</h1>
      <p className="font-lead">
        {runningMeetingTime(data.startsAt, data.endsAt)}
        <br />
        {data.location}
      </p>
      {data.state === 'cancelled' ? <ErrorAlert message="Mødet er aflyst." /> : null}
      <div aria-live="polite">{message ? message.kind === 'ok' ? <SuccessAlert message={message.text} /> : <ErrorAlert message={message.text} /> : null}</div>

      <section aria-labelledby="deltagelse" className="d-print-none">
        <h2 id="deltagelse">Din deltagelse</h2>
        {mine?.status === 'absent' ? <p>Du har meldt afbud.</p> : null}
        {mine?.substituteFor ? <p>Du deltager som stedfortræder for {mine.substituteFor.name}.</p> : null}
        <div className="button-row">
          {mine && !mine.substituteFor && UPCOMING.has(data.state) && mine.status !== 'absent' ? (
            <button type="button" className="button button-secondary" onClick={reportAbsence}>
              Meld afbud
            </button>
          ) : null}
          {/* Once the meeting has begun, the secretary records who is there. */}
          {mine && UPCOMING.has(data.state) && mine.status === 'absent' && new Date(data.startsAt).getTime() > Date.now() ? (
            <button type="button" className="button button-secondary" onClick={withdrawAbsence}>
              Fortryd afbud
            </button>
          ) : null}
          <a className="button button-secondary" href={`/api/meetings/${data.id}/invite.ics`} download="moede.ics">
            Hent kalenderinvitation
          </a>
          <AgendaPdfLink href={`/api/meetings/${data.id}/agenda.pdf`} meetingState={data.state} />
          <Link className="button button-tertiary" to={`/moeder/${data.id}/dagsorden`}>
            Dagsorden til udskrift
          </Link>
          {mine?.roles.includes('secretary') ? (
            <Link className="button button-tertiary" to={`/moeder/${data.id}/forberedelse`}>
              Sekretærens arbejdsområde
            </Link>
          ) : null}
        </div>
      </section>

      {minutes.data ? (
        <section aria-labelledby="referat">
          <h2 id="referat">Referat</h2>
          <p>
            Underskrifter: {minutes.data.signatures.given} af {minutes.data.signatures.needed}.
          </p>
          <ul>
            <li>
              <a href={`/api/meetings/${data.id}/minutes.html`}>Referatet som webside</a>
            </li>
            <li>
              <a href={`/api/meetings/${data.id}/minutes.pdf`}>Referatet som PDF</a>
            </li>
          </ul>
          <div className="button-row">
            {minutesEvents.data?.includes('approve') ? (
              <button type="button" className="button button-primary" onClick={() => fireOnMinutes('approve')}>
                Godkend referatet
              </button>
            ) : null}
            {minutesEvents.data?.includes('sign') ? (
              <button type="button" className="button button-primary" onClick={() => fireOnMinutes('sign')}>
                Underskriv referatet
              </button>
            ) : null}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="dagsorden">
        <h2 id="dagsorden">Dagsorden</h2>
        <AgendaItems items={data.items} attachmentUrl={(id) => `/api/attachments/${id}/content`} headingLevel={3} />
      </section>
    </>
  );
}
