import { Link } from 'react-router';
import type { components } from '../api/schema';
import { councilStatus } from '../lib/commission-council';
import { runningDate } from '@app/domain/danish-dates';

type Commission = components['schemas']['CommissionDto'];

/**
 * The council's part in a kommissorium version: "Afventer Byrådets vedtagelse" with the meeting and item it is on
 * (or that it waits for a meeting), or "Vedtaget af Byrådet …" with the meeting that adopted it.
 */
export function CommissionCouncil({ commission }: { commission: Commission }) {
  const status = councilStatus(commission);
  const council = commission.council;
  if (!status || !council) return null;
  const meeting =
    council.meetingId && council.meetingStartsAt ? (
      <Link to={`/moeder/${council.meetingId}`}>
        mødet {runningDate(council.meetingStartsAt)}
        {council.itemNumber ? `, punkt ${council.itemNumber}` : ''}
      </Link>
    ) : null;
  return (
    <div className={`alert ${commission.state === 'adopted' ? 'alert-success' : 'alert-info'}`} role="status">
      <div className="alert-body">
        <p className="alert-heading">{status}</p>
        {commission.state === 'awaiting-council' ? (
          <p className="alert-text">
            {meeting ? <>Kommissoriet er sat på {meeting} som forslag til beslutning.</> : <>{council.committeeName} har intet planlagt møde endnu; sekretariatet sætter det på et møde under Oversendte sager.</>}
          </p>
        ) : meeting ? (
          <p className="alert-text">Vedtaget på {meeting}.</p>
        ) : null}
      </div>
    </div>
  );
}
