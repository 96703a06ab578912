import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { runningDate } from '@app/domain/danish-dates';
import { api } from '../api/client';
import { answerOf } from '../api/requests';
import { danishMessage } from '../lib/errors';
import { ErrorAlert, SuccessAlert } from './ErrorSummary';
import { TextField } from './TextField';

export interface CalendarSubscriptionState {
  /** Whether an address works now, and since when. */
  active: boolean;
  createdAt: string | null;
  /** The address, known only right after it was made: only its hash is kept. */
  url: string | null;
}

interface ViewProps {
  state: CalendarSubscriptionState;
  busy: boolean;
  message: { kind: 'ok' | 'error'; text: string } | null;
  onCreate: () => void;
  onEnd: () => void;
}

/** "Kalenderabonnement" as it stands: the address once made, and the buttons that make, renew and stop it. */
export function CalendarSubscriptionView({ state, busy, message, onCreate, onEnd }: ViewProps) {
  return (
    <section aria-labelledby="kalenderabonnement" className="d-print-none">
      <h2 id="kalenderabonnement">Kalenderabonnement</h2>
      <p>Abonnér på dine møder i din egen kalender, så ændringer og aflysninger kommer med af sig selv.</p>
      <div aria-live="polite">{message ? message.kind === 'ok' ? <SuccessAlert message={message.text} /> : <ErrorAlert message={message.text} /> : null}</div>
      {state.url ? (
        <TextField
          id="kalenderadresse"
          label="Adresse til din kalender"
          hint="Kopiér adressen, og tilføj den i din kalender som abonnement på en kalender fra internettet. Adressen vises kun nu. Den er personlig, så del den ikke."
          value={state.url}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
        />
      ) : state.active && state.createdAt ? (
        <p>Du har et kalenderabonnement, oprettet {runningDate(state.createdAt)}. Adressen vises kun, når den oprettes. Har du mistet den, så forny adressen.</p>
      ) : null}
      <div className="button-row">
        {state.active ? (
          <>
            <button type="button" className="button button-secondary" disabled={busy} onClick={onCreate}>
              Forny adressen
            </button>
            <button type="button" className="button button-tertiary" disabled={busy} onClick={onEnd}>
              Stop abonnement
            </button>
          </>
        ) : (
          <button type="button" className="button button-secondary" disabled={busy} onClick={onCreate}>
            Opret kalenderabonnement
          </button>
        )}
      </div>
    </section>
  );
}

/** The person's own calendar feed on the Forside: made, renewed (the old address stops at once) and stopped. */
export function CalendarSubscription() {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ViewProps['message']>(null);
  const status = useQuery({
    queryKey: ['calendar-feed'],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/me/calendar-feed');
      if (!data) throw new Error(`GET /api/me/calendar-feed answered ${response.status}`);
      return data;
    },
  });
  if (!status.data) return null;

  const act = async (request: () => Promise<{ error?: unknown; response: { ok: boolean; status: number } }>, done: string) => {
    setBusy(true);
    const { error, response } = await request();
    setMessage(response.ok ? { kind: 'ok', text: done } : { kind: 'error', text: danishMessage(error as never, response.status || undefined) });
    await queryClient.invalidateQueries({ queryKey: ['calendar-feed'] });
    setBusy(false);
  };
  const renewing = status.data.active;
  const create = () =>
    act(
      async () => {
        const answer = await answerOf(api.POST('/api/me/calendar-feed'));
        if (answer.data) setUrl(answer.data.url);
        return answer;
      },
      renewing ? 'Adressen er fornyet. Den gamle adresse virker ikke længere.' : 'Dit kalenderabonnement er oprettet.',
    );
  const end = () =>
    act(
      async () => {
        const answer = await answerOf(api.DELETE('/api/me/calendar-feed'));
        if (answer.response.ok) setUrl(null);
        return answer;
      },
      'Dit kalenderabonnement er stoppet. Adressen virker ikke længere.',
    );

  return <CalendarSubscriptionView state={{ active: status.data.active, createdAt: status.data.createdAt, url }} busy={busy} message={message} onCreate={create} onEnd={end} />;
}
