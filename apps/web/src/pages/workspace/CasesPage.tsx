import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { runningDate } from '@app/domain/danish-dates';
import { api } from '../../api/client';
import { usePagedList } from '../../api/pages';
import type { components } from '../../api/schema';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ShowMore } from '../../components/ShowMore';
import { TextField } from '../../components/TextField';
import { danishMessage } from '../../lib/errors';
import { asSummary } from '../../lib/form-errors';
import { ITEM_STATE_NAMES } from '../../lib/meeting-words';
import { useTitle } from '../../lib/use-title';

type Step = components['schemas']['CaseRouteStepDto'];

/** A refused read of a case's route: what the reader is told at the field. */
class CaseRefusal extends Error {}

/**
 * "Sager": a case found by its case number, and its route through the committees, meeting by meeting: in full
 * where the reader may read the committee, elsewhere only where it went.
 */
export function CasesPage() {
  const { caseNumber = '' } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(caseNumber);
  const [missing, setMissing] = useState<string | null>(null);
  const route = usePagedList<Step>(['case-route', caseNumber], async (cursor) => {
    const { data, error, response } = await api.GET('/api/cases/{caseNumber}', { params: { path: { caseNumber }, query: { cursor } } });
    if (!data) throw new CaseRefusal(danishMessage(error as never, response.status));
    return data;
  }, { enabled: Boolean(caseNumber) });
  const shown = caseNumber && !route.isPending;
  useTitle(caseNumber ? `Sag ${caseNumber}` : 'Sager');

  const find = (event: FormEvent) => {
    event.preventDefault();
    if (!typed.trim()) return setMissing('Skriv et sagsnummer.');
    setMissing(null);
    navigate(`/sager/${encodeURIComponent(typed.trim())}`);
  };
  const refusal = caseNumber && route.error ? (route.error instanceof CaseRefusal ? route.error.message : 'Sagen kunne ikke hentes. Prøv igen om lidt.') : null;
  const fieldError = missing ?? refusal ?? undefined;
  const steps = route.items ?? [];

  return (
    <>
      <h1>{caseNumber ? `Sag ${caseNumber}` : 'Sager'}</h1>
      <ErrorSummary errors={fieldError ? asSummary({ sagsnummer: fieldError }) : []} />
      <form onSubmit={find} noValidate role="search" aria-label="Find en sag">
        <TextField id="sagsnummer" label="Sagsnummer" hint="Fx 00.01.00-P22-1-19" value={typed} error={fieldError} onChange={(event) => setTyped(event.target.value)} />
        <button type="submit" className="button button-primary">
          Find sag
        </button>
      </form>
      {caseNumber && route.isPending ? <p>Henter …</p> : null}
      {shown && steps.length > 0 ? (
        <section aria-labelledby="sagens-vej">
          <h2 id="sagens-vej">Sagens vej gennem udvalgene</h2>
          <ol aria-label="Sagens vej">
            {steps.map((step) => (
              <li key={step.id} className="agenda-item">
                <h3>
                  {step.committeeName}, {runningDate(step.meetingDate)}
                </h3>
                <p className="agenda-item-meta">
                  Punkt {step.number} · <span className="badge">{ITEM_STATE_NAMES[step.state] ?? step.state}</span>
                  {step.closed ? (
                    <>
                      {' '}
                      <span className="badge">Lukket punkt</span>
                    </>
                  ) : null}
                </p>
                {step.title ? <p>{step.title}</p> : null}
                {step.readable ? (
                  <>
                    {step.recommendation ? (
                      <p>
                        <strong>Indstilling:</strong> <span className="prewrap">{step.recommendation}</span>
                      </p>
                    ) : null}
                    {step.decision ? (
                      <p>
                        <strong>Beslutning:</strong> <span className="prewrap">{step.decision}</span>
                      </p>
                    ) : null}
                    {step.meetingId ? <Link to={`/moeder/${step.meetingId}`}>Se mødet i {step.committeeName}</Link> : null}
                  </>
                ) : (
                  <>
                    {step.decision ? (
                      <p>
                        <strong>Beslutning (fra det offentliggjorte referat):</strong> <span className="prewrap">{step.decision}</span>
                      </p>
                    ) : null}
                    <p className="form-hint">Du har ikke adgang til udvalgets møder; kun sagens vej og offentliggjorte beslutninger vises.</p>
                  </>
                )}
              </li>
            ))}
          </ol>
          <ShowMore hasMore={Boolean(route.hasNextPage)} loading={route.isFetchingNextPage} onShowMore={() => void route.fetchNextPage()} />
        </section>
      ) : null}
    </>
  );
}
