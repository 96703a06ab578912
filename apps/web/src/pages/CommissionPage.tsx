import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { runningDate, runningDateTime } from '@app/domain/danish-dates';
import { api } from '../api/client';
import { ErrorAlert, ErrorSummary, SuccessAlert } from '../components/ErrorSummary';
import { Loading } from '../components/Loading';
import { TextField } from '../components/TextField';
import { CommissionCouncil } from '../components/CommissionCouncil';
import { commissionChanges } from '../lib/commission-changes';
import { COMMISSION_STATE_NAMES } from '../lib/commission-council';
import { danishMessage } from '../lib/errors';
import { asSummary, type FieldMessages } from '../lib/form-errors';
import { useTitle } from '../lib/use-title';

const EVENTS: Record<string, string> = {
  submit: 'Indsendt til godkendelse',
  approve: 'Godkendt',
  return: 'Sendt tilbage',
  amend: 'Ændring påbegyndt',
  adopt: 'Vedtaget',
  reject: 'Ikke godkendt',
  supersede: 'Afløst',
};

/**
 * "Kommissorium": the director's page. The version as a document, what changed since the previous version, its
 * history with comments, and "Godkend" or "Send tilbage" (with a required "Kommentar") while it awaits approval.
 */
export function CommissionPage() {
  const { commissionId = '' } = useParams();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldMessages>({});
  const [done, setDone] = useState<string | null>(null);

  const commission = useQuery({
    queryKey: ['commission', commissionId],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/commissions/{id}', { params: { path: { id: commissionId } } });
      if ([400, 403, 404].includes(response.status)) return null;
      if (!data) throw new Error(`GET /api/commissions/${commissionId} answered ${response.status}`);
      return data;
    },
  });
  const previousId = commission.data?.previousVersionId;
  const previous = useQuery({
    queryKey: ['commission', previousId],
    enabled: Boolean(previousId),
    queryFn: async () => (await api.GET('/api/commissions/{id}', { params: { path: { id: previousId! } } })).data ?? null,
  });
  const history = useQuery({
    queryKey: ['commission-history', commissionId],
    enabled: Boolean(commission.data),
    queryFn: async () => (await api.GET('/api/commissions/{id}/history', { params: { path: { id: commissionId } } })).data ?? [],
  });
  const events = useQuery({
    queryKey: ['commission-transitions', commissionId],
    enabled: Boolean(commission.data),
    queryFn: async () => ((await api.GET('/api/commissions/{id}/transitions', { params: { path: { id: commissionId } } })).data ?? []).map((event) => event.event),
  });
  const actorIds = [...new Set((history.data ?? []).map((entry) => entry.actorId).filter((id): id is string => Boolean(id)))];
  const actors = useQueries({
    queries: actorIds.map((id) => ({
      queryKey: ['person', id],
      queryFn: async () => (await api.GET('/api/people/{id}', { params: { path: { id } } })).data ?? null,
    })),
  });
  const actorName = (id: string | null) => {
    const person = actors.find((query) => query.data && 'id' in query.data && query.data.id === id)?.data;
    return person && 'name' in person ? person.name : 'Ukendt';
  };

  useTitle(commission.data ? `Kommissorium: ${commission.data.title}` : commission.data === null ? 'Kommissoriet findes ikke' : 'Kommissorium');
  if (commission.isPending) return <Loading />;
  if (commission.isError) return <ErrorAlert message="Kommissoriet kunne ikke hentes. Prøv igen om lidt." />;
  if (!commission.data) {
    return (
      <>
        <h1>Kommissoriet findes ikke</h1>
        <p>Kommissoriet findes ikke, eller du har ikke adgang til det.</p>
      </>
    );
  }
  const data = commission.data;

  const fire = async (event: 'approve' | 'return', text?: string) => {
    const { data: fired, error, response } = await api.POST('/api/commissions/{id}/transitions', { params: { path: { id: commissionId } }, body: { event, ...(text ? { comment: text } : {}) } });
    if (!response.ok) {
      setErrors({ [event === 'return' ? 'kommentar' : 'godkend']: danishMessage(error as never, response.status) });
      return;
    }
    setErrors({});
    setComment('');
    setDone(
      event === 'return'
        ? 'Kommissoriet er sendt tilbage til sekretariatet.'
        : fired?.state === 'awaiting-council'
          ? `Kommissoriet er godkendt og sendt til vedtagelse i ${fired.council?.committeeName ?? 'rådet'}.`
          : 'Kommissoriet er godkendt.',
    );
    await Promise.all(['commission', 'commission-history', 'commission-transitions'].map((key) => queryClient.invalidateQueries({ queryKey: [key, commissionId] })));
  };
  const sendBack = (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) return setErrors({ kommentar: 'Skriv en kommentar, når du sender kommissoriet tilbage.' });
    void fire('return', comment.trim());
  };
  const changes = previous.data ? commissionChanges(previous.data, data) : [];

  return (
    <>
      <h1>Kommissorium: {data.title}</h1>
      <p className="font-lead">
        Version {data.version} · <span className="badge">{COMMISSION_STATE_NAMES[data.state] ?? data.state}</span>
        {data.awaitingApproval?.deadline ? ` · Frist for godkendelse ${runningDate(data.awaitingApproval.deadline)}` : ''}
      </p>
      <CommissionCouncil commission={data} />
      <div aria-live="polite">{done ? <SuccessAlert message={done} /> : null}</div>
      <ErrorSummary errors={asSummary(errors)} />

      <section aria-labelledby="dokument">
        <h2 id="dokument">Kommissoriet</h2>
        <h3>Formål</h3>
        <p className="prewrap">{data.purpose}</p>
        {data.background ? (
          <>
            <h3>Baggrund</h3>
            <p className="prewrap">{data.background}</p>
          </>
        ) : null}
        {data.themes.length > 0 ? (
          <>
            <h3>Temaer</h3>
            <ul>
              {data.themes.map((theme) => (
                <li key={theme}>{theme}</li>
              ))}
            </ul>
          </>
        ) : null}
        {data.composition ? (
          <>
            <h3>Sammensætning</h3>
            <p className="prewrap">{data.composition}</p>
          </>
        ) : null}
        {data.deliverables ? (
          <>
            <h3>Leverancer</h3>
            <p className="prewrap">{data.deliverables}</p>
          </>
        ) : null}
      </section>

      {previousId ? (
        <section aria-labelledby="aendringer">
          <h2 id="aendringer">Ændringer siden version {previous.data?.version ?? data.version - 1}</h2>
          {changes.length === 0 ? <p>Ingen ændringer i teksten.</p> : null}
          {changes.map((change) => (
            <div key={change.part} className="mb-5">
              <h3>{change.part}</h3>
              <p>
                <strong>Før:</strong> <span className="prewrap">{change.before || '(tom)'}</span>
              </p>
              <p>
                <strong>Nu:</strong> <span className="prewrap">{change.after || '(tom)'}</span>
              </p>
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="historik">
        <h2 id="historik">Historik</h2>
        {history.data && history.data.length > 0 ? (
          <ol>
            {history.data.map((entry) => (
              <li key={entry.id}>
                {/* The council's events have no person behind them: their comment names the meeting and the Beslutning. */}
                {runningDateTime(entry.at)}: {EVENTS[entry.event] ?? entry.event}
                {entry.actorId ? ` af ${actorName(entry.actorId)}` : ''}
                {entry.comment ? (
                  <>
                    {' '}
                    – kommentar: <q>{entry.comment}</q>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>Ingen hændelser endnu.</p>
        )}
      </section>

      {events.data?.includes('approve') || events.data?.includes('return') ? (
        <section aria-labelledby="beslutning" className="d-print-none">
          <h2 id="beslutning">Din beslutning</h2>
          {events.data.includes('approve') ? (
            <p>
              <button type="button" id="godkend" className="button button-primary" onClick={() => void fire('approve')}>
                Godkend
              </button>
            </p>
          ) : null}
          {events.data.includes('return') ? (
            <form onSubmit={sendBack} noValidate>
              <TextField id="kommentar" label="Kommentar" hint="Skriv, hvad sekretariatet skal rette." multiline value={comment} error={errors.kommentar} onChange={(event) => setComment(event.target.value)} />
              <button type="submit" className="button button-secondary">
                Send tilbage
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
