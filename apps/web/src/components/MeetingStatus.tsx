import { ErrorAlert } from './ErrorSummary';
import { Loading } from './Loading';

/**
 * What a members' meeting page shows before it has its meeting: "Henter …", the failure, or that the meeting does
 * not exist (or may not be read, which the API answers alike); null once the meeting is there.
 */
export function MeetingStatus({ meeting }: { meeting: { isPending: boolean; isError: boolean; data?: unknown } }) {
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <ErrorAlert message="Mødet kunne ikke hentes. Prøv igen om lidt." />;
  if (meeting.data) return null;
  return (
    <>
      <h1>Mødet findes ikke</h1>
      <p>Mødet findes ikke, eller du har ikke adgang til det.</p>
    </>
  );
}
