import { Link, useParams } from 'react-router';
import { runningMeetingTime } from '@app/domain/danish-dates';
import { meetingName, useMeeting } from '../api/meetings';
import { AgendaItems } from '../components/AgendaItems';
import { AgendaPdfLink } from '../components/AgendaPdfLink';
import { MeetingStatus } from '../components/MeetingStatus';
import { useTitle } from '../lib/use-title';

/** The members' agenda as one printable document, closed items included. */
export function AgendaPrintPage() {
  const { meetingId = '' } = useParams();
  const meeting = useMeeting(meetingId);
  useTitle(meeting.data ? `Dagsorden: ${meetingName(meeting.data)}` : 'Dagsorden');
  if (!meeting.data) return <MeetingStatus meeting={meeting} />;
  const data = meeting.data;
  return (
    <article>
      <p className="d-print-none">
        <Link to={`/moeder/${data.id}`} className="back-link">
          Tilbage til mødet
        </Link>
      </p>
      <h1>Dagsorden: {meetingName(data)}</h1>
      <p className="font-lead">
        {runningMeetingTime(data.startsAt, data.endsAt)}
        <br />
        {data.location}
      </p>
      <p className="d-print-none">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          Udskriv dagsordenen
        </button>{' '}
        <AgendaPdfLink href={`/api/meetings/${data.id}/agenda.pdf`} meetingState={data.state} className="button button-tertiary" />
      </p>
      <AgendaItems items={data.items} attachmentUrl={(id) => `/api/attachments/${id}/content`} />
    </article>
  );
}
