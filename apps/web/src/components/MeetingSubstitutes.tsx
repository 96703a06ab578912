import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { useAttempt } from '../lib/use-attempt';
import { ErrorSummary, SuccessAlert } from './ErrorSummary';
import { asSummary } from '../lib/form-errors';

/**
 * "Stedfortrædere" of a meeting that lies ahead: per member with a vote who has sent afbud, the substitute called in
 * ("Frigiv") or the next free one of the seat's list ("Indkald"), for the committee's secretary; `absentIds` are
 * those the meeting's attendance has as absent.
 */
export function MeetingSubstitutes({ meetingId, absentIds, onChanged }: { meetingId: string; absentIds: readonly string[]; onChanged: () => Promise<unknown> }) {
  const queryClient = useQueryClient();
  const offers = useQuery({
    // Read again whenever someone's afbud is recorded or withdrawn on the page.
    queryKey: ['meeting-substitutes', meetingId, [...absentIds].sort().join(',')],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/meetings/{id}/substitutes', { params: { path: { id: meetingId } } });
      if (!data) throw new Error(`GET /api/meetings/${meetingId}/substitutes answered ${response.status}`);
      return data;
    },
  });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['meeting-substitutes', meetingId] }), onChanged()]);
  const { errors, done, attempt, succeed } = useAttempt(refresh);

  const callIn = async (forPersonId: string, substitute: string, member: string) => {
    const ok = await attempt(`indkald-${forPersonId}`, () => api.POST('/api/meetings/{id}/substitutes', { params: { path: { id: meetingId } }, body: { forPersonId } }));
    if (ok) await succeed(`${substitute} er indkaldt som stedfortræder for ${member} og får dagsordenen.`);
  };
  const release = async (personId: string, substitute: string) => {
    const ok = await attempt(`frigiv-${personId}`, () => api.DELETE('/api/meetings/{id}/substitutes/{personId}', { params: { path: { id: meetingId, personId } } }));
    if (ok) await succeed(`${substitute} er ikke længere indkaldt.`);
  };

  if (!offers.data || offers.data.length === 0) return null;
  return (
    <section aria-labelledby="stedfortraedere">
      <h2 id="stedfortraedere">Stedfortrædere</h2>
      <div aria-live="polite">{done ? <SuccessAlert message={done} /> : null}</div>
      <ErrorSummary errors={asSummary(errors)} />
      <ul className="nobullet-list">
        {offers.data.map(({ member, calledIn, offer }) => (
          <li key={member.personId} className="builder-item">
            <p>
              <strong>{member.name}</strong> har meldt afbud.{' '}
              {calledIn ? `${calledIn.name} deltager som stedfortræder.` : offer ? `Næste ledige stedfortræder: ${offer.name}.` : 'Ingen ledig stedfortræder.'}
            </p>
            {calledIn ? (
              <button type="button" id={`frigiv-${calledIn.personId}`} className="button button-secondary" onClick={() => void release(calledIn.personId, calledIn.name)}>
                Frigiv {calledIn.name}
              </button>
            ) : null}
            {offer ? (
              <button type="button" id={`indkald-${member.personId}`} className="button button-primary" onClick={() => void callIn(member.personId, offer.name, member.name)}>
                Indkald {offer.name}
                <span className="sr-only"> som stedfortræder for {member.name}</span>
              </button>
            ) : null}
            {errors[`indkald-${member.personId}`] ? <p className="form-error-message">{errors[`indkald-${member.personId}`]}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
