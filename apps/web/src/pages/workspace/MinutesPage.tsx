import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { runningDateTime } from '@app/domain/danish-dates';
import { api } from '../../api/client';
import { meetingName, useMeeting } from '../../api/meetings';
import { ErrorSummary, SuccessAlert } from '../../components/ErrorSummary';
import { MeetingStatus } from '../../components/MeetingStatus';
import { PersonalDataFindings, usePersonalDataConfirmations } from '../../components/PersonalDataFindings';
import { SecretaryMeetingHeader } from '../../components/SecretaryTabs';
import { TextField } from '../../components/TextField';
import { asSummary } from '../../lib/form-errors';
import { useAttempt } from '../../lib/use-attempt';
import { useTitle } from '../../lib/use-title';

const STATES: Record<string, string> = {
  pending: 'Dannes',
  ready: 'Kladde, afventer formandens godkendelse',
  failed: 'Dannelsen mislykkedes',
  approved: 'Godkendt, afventer underskrifter',
  signed: 'Underskrevet og forseglet',
  published: 'Offentliggjort',
};

const VARIANTS = [
  ['members', 'Medlemmernes udgave', 'Lukkede punkter i fuld tekst.'],
  ['public', 'Offentlig udgave', 'Lukkede punkter kun som nummer og "Lukket punkt" med deres offentlige titel.'],
] as const;

/** How often the page asks how far the assembly has come. */
const ASSEMBLY_POLL_MS = 1_000;

/**
 * "Referat": "Dan referat" with the worker's progress, the members' and the public version side by side, "Godkend"
 * (the chair), who has signed and who is awaited, "Offentliggør" and "Tilføj tillæg" once sealed.
 */
export function MinutesPage() {
  const { meetingId = '' } = useParams();
  const meeting = useMeeting(meetingId);
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['minutes', meetingId] }), queryClient.invalidateQueries({ queryKey: ['minutes-transitions', meetingId] })]);
  const { errors, setErrors, done, attempt, succeed } = useAttempt(refresh);
  const approvalPrivacy = usePersonalDataConfirmations();
  const publishPrivacy = usePersonalDataConfirmations();
  const [addendum, setAddendum] = useState('');
  const [addendumItem, setAddendumItem] = useState('');
  const took = meeting.data?.state === 'held' || meeting.data?.state === 'closed';

  const minutes = useQuery({
    queryKey: ['minutes', meetingId],
    enabled: took,
    queryFn: async () => {
      const { data, response } = await api.GET('/api/meetings/{id}/minutes', { params: { path: { id: meetingId } } });
      if (response.status === 404) return null;
      if (!data) throw new Error(`GET /api/meetings/${meetingId}/minutes answered ${response.status}`);
      return data;
    },
    refetchInterval: (query) => (query.state.data?.state === 'pending' ? ASSEMBLY_POLL_MS : false),
  });
  const assembled = Boolean(minutes.data && minutes.data.documents.length > 0 && minutes.data.state !== 'pending');
  const events = useQuery({
    queryKey: ['minutes-transitions', meetingId, minutes.data?.state, minutes.data?.signatures.given],
    enabled: assembled,
    queryFn: async () => ((await api.GET('/api/meetings/{id}/minutes/transitions', { params: { path: { id: meetingId } } })).data ?? []).map((event) => event.event),
  });
  const documents = useQuery({
    queryKey: ['minutes-text', meetingId, minutes.data?.rowVersion, minutes.data?.addenda.length],
    enabled: assembled,
    queryFn: async () => {
      const read = async (variant: 'members' | 'public') => {
        const response = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/minutes.md${variant === 'public' ? '?variant=public' : ''}`, { credentials: 'include' });
        return response.ok ? response.text() : null;
      };
      const [members, publicText] = await Promise.all([read('members'), read('public')]);
      return { members, public: publicText };
    },
  });

  useTitle(meeting.data ? `Referat: ${meetingName(meeting.data)}` : 'Referat');
  if (!meeting.data) return <MeetingStatus meeting={meeting} />;
  const data = meeting.data;
  const current = minutes.data;

  const assemble = async () => {
    const ok = await attempt('dan-referat', () => api.POST('/api/meetings/{id}/minutes', { params: { path: { id: meetingId } } }));
    if (ok) await succeed('Referatet dannes. Det tager et øjeblik.');
  };
  const fire = async (event: 'approve' | 'publish' | 'sign', field: string, message: string) => {
    // Approving and publishing make text public (approval is the last chance to correct it): the privacy check's findings come back here.
    const privacy = event === 'approve' ? approvalPrivacy : event === 'publish' ? publishPrivacy : null;
    const ok = await attempt(field, async () => {
      const result = await api.POST('/api/meetings/{id}/minutes/transitions', { params: { path: { id: meetingId } }, body: { event, ...(privacy ? { confirmPublic: privacy.confirmPublic } : {}) } });
      return privacy ? privacy.read(result) : result;
    });
    if (ok) await succeed(message);
  };
  const addAddendum = async (event: FormEvent) => {
    event.preventDefault();
    if (!addendum.trim()) return setErrors({ tillaeg: 'Skriv tillæggets tekst.' });
    const ok = await attempt({ byApiField: { text: 'tillaeg' }, fallback: 'tillaeg' }, () =>
      api.POST('/api/meetings/{id}/minutes/addenda', { params: { path: { id: meetingId } }, body: { text: addendum.trim(), ...(addendumItem ? { itemId: addendumItem } : {}) } }),
    );
    if (ok) {
      setAddendum('');
      setAddendumItem('');
      await succeed('Tillægget er føjet til referatet.');
    }
  };
  const may = (event: string) => events.data?.includes(event) ?? false;
  const sealed = current?.state === 'signed' || current?.state === 'published';

  return (
    <>
      <SecretaryMeetingHeader section="Referat" meeting={data} />
      <div aria-live="polite">{done ? <SuccessAlert message={done} /> : null}</div>
      <ErrorSummary errors={asSummary(errors)} />
      {!took ? <p>Referatet dannes, når mødet er holdt.</p> : null}
      {current ? (
        <p>
          <span className="badge">{STATES[current.state] ?? current.state}</span>
          {current.publishedAt ? ` Offentliggjort ${runningDateTime(current.publishedAt)}.` : null}
        </p>
      ) : null}

      {took && (!current || current.state === 'ready' || current.state === 'failed' || current.state === 'pending') ? (
        <section aria-labelledby="dan-overskrift">
          <h2 id="dan-overskrift">Dan referat</h2>
          {current?.state === 'pending' ? (
            <div>
              <label htmlFor="dannelse">Referatet dannes</label>{' '}
              <progress id="dannelse" className="upload-progress" max={100} value={current.progress}>
                {current.progress} %
              </progress>{' '}
              <span>{current.progress} %</span>
            </div>
          ) : (
            <>
              <p>{current ? 'Er beslutningerne rettet, dannes referatet igen.' : 'Referatet dannes ud fra mødets beslutninger, fremmøde og noter.'}</p>
              {current?.state === 'failed' ? <p className="form-error-message">Dannelsen mislykkedes. Prøv igen.</p> : null}
              {errors['dan-referat'] ? (
                <p className="form-error-message" id="dan-referat-fejl">
                  {errors['dan-referat']}
                </p>
              ) : null}
              <button type="button" id="dan-referat" className="button button-primary" aria-describedby={errors['dan-referat'] ? 'dan-referat-fejl' : undefined} onClick={() => void assemble()}>
                Dan referat
              </button>
            </>
          )}
        </section>
      ) : null}

      {current && assembled ? (
        <>
          <section aria-labelledby="udgaver">
            <h2 id="udgaver">Referatets to udgaver</h2>
            <div className="minutes-versions">
              {VARIANTS.map(([variant, title, note]) => (
                <section key={variant} aria-labelledby={`udgave-${variant}`} className="minutes-version">
                  <h3 id={`udgave-${variant}`}>{title}</h3>
                  <p className="form-hint">{note}</p>
                  <p>
                    <a href={`/api/meetings/${data.id}/minutes.html${variant === 'public' ? '?variant=public' : ''}`}>Som webside</a> ·{' '}
                    <a href={`/api/meetings/${data.id}/minutes.pdf${variant === 'public' ? '?variant=public' : ''}`}>Som PDF</a>
                  </p>
                  <pre className="minutes-text" tabIndex={0}>
                    {documents.data?.[variant] ?? 'Henter …'}
                  </pre>
                </section>
              ))}
            </div>
          </section>

          <section aria-labelledby="underskrifter">
            <h2 id="underskrifter">Godkendelse og underskrifter</h2>
            {current.state === 'ready' ? <p>Referatet afventer formandens godkendelse.</p> : null}
            {may('approve') ? (
              <p>
                <button type="button" id="godkend" className="button button-primary" onClick={() => void fire('approve', 'godkend', 'Referatet er godkendt. Nu kan deltagerne underskrive det.')}>
                  Godkend
                </button>
              </p>
            ) : null}
            {errors.godkend ? <p className="form-error-message">{errors.godkend}</p> : null}
            <PersonalDataFindings
              id="godkend-personoplysninger"
              findings={approvalPrivacy.findings}
              confirmed={approvalPrivacy.confirmed}
              onToggle={approvalPrivacy.toggle}
              onRetry={() => void fire('approve', 'godkend', 'Referatet er godkendt. Nu kan deltagerne underskrive det.')}
              retryLabel="Godkend med de bekræftede oplysninger"
            />
            <p>
              Underskrifter: {current.signatures.given} af {current.signatures.needed}.
            </p>
            <div className="minutes-versions">
              <div>
                <h3>Har underskrevet</h3>
                {current.signatures.signatories.some((person) => person.signedAt) ? (
                  <ul aria-label="Har underskrevet">
                    {current.signatures.signatories
                      .filter((person) => person.signedAt)
                      .map((person) => (
                        <li key={person.personId}>
                          {person.name}, {runningDateTime(person.signedAt!)}
                        </li>
                      ))}
                  </ul>
                ) : (
                  <p>Ingen endnu.</p>
                )}
              </div>
              <div>
                <h3>Afventer</h3>
                {current.signatures.signatories.some((person) => !person.signedAt) ? (
                  <ul aria-label="Afventer underskrift">
                    {current.signatures.signatories
                      .filter((person) => !person.signedAt)
                      .map((person) => (
                        <li key={person.personId}>{person.name}</li>
                      ))}
                  </ul>
                ) : (
                  <p>Ingen.</p>
                )}
              </div>
            </div>
            {may('sign') ? (
              <button type="button" id="underskriv" className="button button-secondary" onClick={() => void fire('sign', 'underskriv', 'Du har underskrevet referatet.')}>
                Underskriv referatet
              </button>
            ) : null}
            {errors.underskriv ? <p className="form-error-message">{errors.underskriv}</p> : null}
          </section>

          {current.state === 'signed' ? (
            <section aria-labelledby="offentliggoer-overskrift">
              <h2 id="offentliggoer-overskrift">Offentliggør</h2>
              <p>Den offentlige udgave lægges på den offentlige portal, og medlemmerne får et link.</p>
              {errors.offentliggoer ? (
                <p className="form-error-message" id="offentliggoer-fejl">
                  {errors.offentliggoer}
                </p>
              ) : null}
              <PersonalDataFindings
                id="offentliggoer-personoplysninger"
                findings={publishPrivacy.findings}
                confirmed={publishPrivacy.confirmed}
                onToggle={publishPrivacy.toggle}
                onRetry={() => void fire('publish', 'offentliggoer', 'Referatet er offentliggjort.')}
                retryLabel="Offentliggør med de bekræftede oplysninger"
              />
              <button type="button" id="offentliggoer" className="button button-primary" aria-describedby={errors.offentliggoer ? 'offentliggoer-fejl' : undefined} onClick={() => void fire('publish', 'offentliggoer', 'Referatet er offentliggjort.')}>
                Offentliggør
              </button>
            </section>
          ) : null}

          {sealed ? (
            <section aria-labelledby="tillaeg-overskrift">
              <h2 id="tillaeg-overskrift">Tillæg</h2>
              {current.seal ? (
                <>
                  <p>Forseglet {runningDateTime(current.seal.sealedAt)}. Referatet ændres herefter kun med daterede tillæg.</p>
                  <p>
                    Referatet ender nu med underskrifterne. <a href={`/api/meetings/${data.id}/minutes.pdf?edition=assembled`}>Det forseglede PDF</a> har kontrolsummen (SHA-256){' '}
                    <code>{current.seal.hash}</code>.
                  </p>
                </>
              ) : null}
              {current.addenda.length > 0 ? (
                <ol aria-label="Tillæg til referatet">
                  {current.addenda.map((entry) => (
                    <li key={entry.id}>
                      {runningDateTime(entry.createdAt)}
                      {entry.itemNumber ? `, punkt ${entry.itemNumber}` : ''}
                      {entry.public ? '' : ' (kun for medlemmerne)'}: <span className="prewrap">{entry.text}</span> · <a href={entry.url}>Hent tillægget (PDF)</a>
                    </li>
                  ))}
                </ol>
              ) : null}
              <form onSubmit={addAddendum} noValidate>
                <div className="form-group">
                  <label className="form-label" htmlFor="tillaeg-punkt">
                    Vedrører
                  </label>
                  <span className="form-hint" id="tillaeg-punkt-hint">
                    Et tillæg til et lukket punkt vises kun for medlemmerne.
                  </span>
                  <select id="tillaeg-punkt" className="form-select" aria-describedby="tillaeg-punkt-hint" value={addendumItem} onChange={(event) => setAddendumItem(event.target.value)}>
                    <option value="">Hele referatet</option>
                    {data.items.map((item) => (
                      <option key={item.id} value={item.id}>
                        Punkt {item.number}: {item.title}
                        {item.closed ? ' (lukket punkt)' : ''}
                      </option>
                    ))}
                  </select>
                </div>
                <TextField id="tillaeg" label="Tillæg" multiline value={addendum} error={errors.tillaeg} onChange={(event) => setAddendum(event.target.value)} />
                <button type="submit" className="button button-secondary">
                  Tilføj tillæg
                </button>
              </form>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
