import { ErrorAlert } from './ErrorSummary';
import { Loading } from './Loading';

interface Read {
  isPending: boolean;
  isError: boolean;
  data?: unknown;
}

/**
 * What a page shows before it has the record it is about: "Henter …", the failure ("<failed> kunne ikke hentes"), or
 * that the record does not exist or may not be read, which the API answers alike ("<missing> findes ikke"); null
 * once the record is there.
 */
export function RecordStatus({ read, missing, failed = missing }: { read: Read; missing: string; failed?: string }) {
  if (read.isPending) return <Loading />;
  if (read.isError) return <ErrorAlert message={`${failed} kunne ikke hentes. Prøv igen om lidt.`} />;
  if (read.data) return null;
  return (
    <>
      <h1>{missing} findes ikke</h1>
      <p>{missing} findes ikke, eller du har ikke adgang til det.</p>
    </>
  );
}

/** A members' meeting page before it has its meeting. */
export function MeetingStatus({ meeting }: { meeting: Read }) {
  return <RecordStatus read={meeting} missing="Mødet" />;
}
