import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { runningDateTime } from '@app/domain/danish-dates';
import { api } from '../../api/client';
import { meetingName, useMeeting } from '../../api/meetings';
import { usePagedList } from '../../api/pages';
import type { components } from '../../api/schema';
import { ErrorSummary, SuccessAlert } from '../../components/ErrorSummary';
import { MeetingStatus } from '../../components/MeetingStatus';
import { SecretaryMeetingHeader } from '../../components/SecretaryTabs';
import { ShowMore } from '../../components/ShowMore';
import { asSummary } from '../../lib/form-errors';
import { useAttempt } from '../../lib/use-attempt';
import { useTitle } from '../../lib/use-title';

type Delivery = components['schemas']['MeetingDeliveryDto'];
type DeliveriesPage = components['schemas']['MeetingDeliveriesPageDto'];

const KINDS: Record<string, string> = {
  agenda: 'Dagsorden',
  'agenda-update': 'Ændret dagsorden',
  'agenda-cancellation': 'Aflysning',
  'agenda-deadline-reminder': 'Påmindelse om dagsorden',
  'minutes-unsigned-reminder': 'Påmindelse om referat',
  'minutes-awaiting-signature': 'Referatet afventer underskrift',
  'minutes-published': 'Referatet er offentliggjort',
  'minutes-addendum': 'Tillæg til referatet',
  afbud: 'Afbud',
};
const STATUSES: Record<Delivery['status'], string> = {
  pending: 'Venter',
  sending: 'Sendes',
  sent: 'Sendt',
  retrying: 'Prøves igen',
  failed: 'Mislykket',
};

/**
 * "Udsendelser": every e-mail about the meeting, with its state, attempts and the last error, and "Send igen" for
 * one that failed.
 */
export function DeliveriesPage() {
  const { meetingId = '' } = useParams();
  const meeting = useMeeting(meetingId);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['deliveries', meetingId] });
  const { errors, done, attempt, succeed } = useAttempt(refresh);
  const deliveries = usePagedList<Delivery>(['deliveries', meetingId], async (cursor) => {
    const { data, response } = await api.GET('/api/meetings/{id}/deliveries', { params: { path: { id: meetingId }, query: { cursor } } });
    if (!data) throw new Error(`GET /api/meetings/${meetingId}/deliveries answered ${response.status}`);
    return data;
  });

  useTitle(meeting.data ? `Udsendelser: ${meetingName(meeting.data)}` : 'Udsendelser');
  if (!meeting.data) return <MeetingStatus meeting={meeting} />;
  const data = meeting.data;
  const rows = deliveries.items ?? [];
  // The sums cover every page; the first one read carries them.
  const totals = (deliveries.data?.pages[0] as DeliveriesPage | undefined)?.totals;

  const resend = async (delivery: Delivery) => {
    const ok = await attempt(`send-igen-${delivery.id}`, () => api.POST('/api/deliveries/{id}/resend', { params: { path: { id: delivery.id } } }));
    if (ok) await succeed(`E-mailen til ${delivery.personName ?? delivery.recipient} sendes igen.`);
  };

  return (
    <>
      <SecretaryMeetingHeader section="Udsendelser" meeting={data} />
      <div aria-live="polite">{done ? <SuccessAlert message={done} /> : null}</div>
      <ErrorSummary errors={asSummary(errors)} />
      <p>
        <button type="button" className="button button-secondary" onClick={() => void refresh()}>
          Opdater listen
        </button>
      </p>
      {deliveries.isError ? <p>Udsendelserne kunne ikke hentes. Prøv igen om lidt.</p> : null}
      {deliveries.isPending ? <p>Henter …</p> : rows.length === 0 ? <p>Der er ikke sendt e-mails om mødet endnu.</p> : null}
      {totals && totals.deliveries > 0 ? (
        <p>
          {totals.sent} af {totals.deliveries} e-mails er sendt, {totals.failed} mislykket. Mulige gensendelser: {totals.possibleResends}
          <span className="form-hint"> (e-mails som mailserveren kan have fået to gange, fordi et tidligere forsøgs udfald ikke blev kendt)</span>
        </p>
      ) : null}
      {rows.length > 0 ? (
        <table className="table">
            <caption>E-mails om mødet</caption>
            <thead>
              <tr>
                <th scope="col">Modtager</th>
                <th scope="col">Slags</th>
                <th scope="col">Status</th>
                <th scope="col">Forsøg</th>
                <th scope="col">Mulige gensendelser</th>
                <th scope="col">Tidspunkt</th>
                <th scope="col">Fejl</th>
                <th scope="col">Handling</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((delivery) => (
                <tr key={delivery.id}>
                  <th scope="row">
                    {delivery.personName ?? delivery.recipient}
                    <br />
                    <span className="form-hint">{delivery.recipient}</span>
                  </th>
                  <td>
                    {KINDS[delivery.kind] ?? delivery.kind}
                    {delivery.sequence !== null ? ` (udgave ${delivery.sequence})` : ''}
                  </td>
                  <td>{STATUSES[delivery.status] ?? delivery.status}</td>
                  <td>{delivery.attempts}</td>
                  <td>{delivery.possibleResends}</td>
                  <td>
                    {delivery.sentAt ? `Sendt ${runningDateTime(delivery.sentAt)}` : delivery.nextAttemptAt ? `Næste forsøg ${runningDateTime(delivery.nextAttemptAt)}` : ''}
                  </td>
                  <td>{delivery.lastError ?? ''}</td>
                  <td>
                    {delivery.status === 'failed' ? (
                      <button type="button" id={`send-igen-${delivery.id}`} className="button button-secondary" onClick={() => void resend(delivery)}>
                        Send igen<span className="sr-only"> til {delivery.personName ?? delivery.recipient}</span>
                      </button>
                    ) : null}
                    {errors[`send-igen-${delivery.id}`] ? <p className="form-error-message">{errors[`send-igen-${delivery.id}`]}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
        </table>
      ) : null}
      <ShowMore hasMore={Boolean(deliveries.hasNextPage)} loading={deliveries.isFetchingNextPage} onShowMore={() => void deliveries.fetchNextPage()} />
    </>
  );
}
