import { quarterSpanLabel, runningDate } from '@app/domain/danish-dates';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { answerOf } from '../../api/requests';
import { useSession } from '../../api/session';
import { type Aim, type Strategy, useStrategy } from '../../api/strategy';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { type FieldMessages, refusalOnFields } from '../../lib/form-errors';
import { useTitle } from '../../lib/use-title';

const PHASE_STATES: Record<string, string> = { planned: 'Planlagt', active: 'I gang', completed: 'Afsluttet', cancelled: 'Aflyst' };

const AIM_PLACES = { byApiField: { title: 'aim-title', description: 'aim-description' }, byCode: { aim_title_taken: 'aim-title' }, fallback: 'aim-submit' };

/**
 * "Den røde tråd": the body's strategic aims (sigtepunkter), each with the committees, phases and agenda items that
 * serve it. Those who keep the aims (the body's administrators, its committees' secretaries) add and remove them here.
 */
export function StrategyPage() {
  const { bodyId = '' } = useParams();
  const strategy = useStrategy(bodyId);
  useTitle(strategy.data ? `Den røde tråd: ${strategy.data.bodyName}` : 'Den røde tråd');

  if (strategy.isPending) return <Loading />;
  if (strategy.isError) return <ErrorAlert message="Den røde tråd kunne ikke hentes. Prøv igen om lidt." />;
  if (!strategy.data) return <p>Myndigheden findes ikke.</p>;
  const data = strategy.data;

  return (
    <>
      <h1>Den røde tråd: {data.bodyName}</h1>
      <p>Myndighedens sigtepunkter, og de udvalg, faser og dagsordenspunkter, der tjener hvert af dem.</p>
      {data.aims.length === 0 ? <p>Der er ingen sigtepunkter endnu.</p> : null}
      {data.aims.map((aim) => (
        <AimSection
          key={aim.id}
          aim={aim}
          actions={
            <>
              <EditAim bodyId={bodyId} aim={aim} count={data.aims.length} />
              <RemoveAim bodyId={bodyId} aim={aim} />
            </>
          }
        />
      ))}
      <NewAim bodyId={bodyId} />
    </>
  );
}

/** One aim with what serves it; `actions` are what the reader may do with the aim. */
export function AimSection({ aim, actions }: { aim: Strategy['aims'][number]; actions?: ReactNode }) {
  const headingId = `sigtepunkt-${aim.id}`;
  return (
    <section aria-labelledby={headingId} className="mb-8">
      <h2 id={headingId}>
        {aim.position}. {aim.title}
      </h2>
      {aim.description ? <p>{aim.description}</p> : null}
      <h3>Udvalg</h3>
      {aim.committees.length === 0 ? <p>Ingen udvalg.</p> : null}
      <ul>
        {aim.committees.map((committee) => (
          <li key={committee.id}>
            <Link to={`/udvalg/${committee.id}`}>{committee.name}</Link>
          </li>
        ))}
      </ul>
      <h3>Faser</h3>
      {aim.phases.length === 0 ? <p>Ingen faser.</p> : null}
      <ul>
        {aim.phases.map((phase) => (
          <li key={phase.id}>
            <Link to={`/udvalg/${phase.committeeId}/procesplan`}>{phase.title}</Link> ({phase.committeeName}, {quarterSpanLabel(phase.fromQuarter, phase.toQuarter)},{' '}
            {(PHASE_STATES[phase.state] ?? phase.state).toLowerCase()})
          </li>
        ))}
      </ul>
      <h3>Dagsordenspunkter</h3>
      {aim.items.length === 0 ? <p>Ingen dagsordenspunkter.</p> : null}
      <ul>
        {aim.items.map((item) => (
          <li key={item.id}>
            <Link to={`/moeder/${item.meetingId}`}>
              Punkt {item.number}: {item.title}
            </Link>{' '}
            ({item.committeeName}, {runningDate(item.meetingStartsAt)})
          </li>
        ))}
      </ul>
      {actions}
    </section>
  );
}

function EditAim({ bodyId, aim, count }: { bodyId: string; aim: Aim; count: number }) {
  const queryClient = useQueryClient();
  const person = useSession().data?.person;
  const [open, setOpen] = useState(false);
  const saved = { title: aim.title, description: aim.description ?? '', position: String(aim.position) };
  const [values, setValues] = useState(saved);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [busy, setBusy] = useState(false);
  if (!person) return null;
  const ids = { title: `aim-${aim.id}-title`, description: `aim-${aim.id}-description`, position: `aim-${aim.id}-position`, submit: `aim-${aim.id}-submit` };
  const places = { byApiField: { title: ids.title, description: ids.description, position: ids.position }, byCode: { aim_title_taken: ids.title }, fallback: ids.submit };
  if (!open) {
    return (
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          setValues(saved);
          setOpen(true);
        }}
      >
        Ret sigtepunkt<span className="sr-only">: {aim.title}</span>
      </button>
    );
  }
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.title.trim()) return setErrors({ [ids.title]: 'Skriv sigtepunktets titel.' });
    setBusy(true);
    const { data, error, response } = await answerOf(
      api.PATCH('/api/bodies/{id}/aims/{aimId}', {
        params: { path: { id: bodyId, aimId: aim.id } },
        body: { title: values.title, description: values.description.trim() ? values.description : null, position: Number(values.position) },
      }),
    );
    setBusy(false);
    if (!data) {
      setErrors(response.status === 403 ? { [ids.submit]: 'Kun myndighedens administratorer og udvalgenes sekretærer kan rette sigtepunkter.' } : refusalOnFields(error, response.status, places));
      return;
    }
    setErrors({});
    setOpen(false);
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['strategy', bodyId] }), queryClient.invalidateQueries({ queryKey: ['body-aims', bodyId] })]);
  };
  return (
    <form onSubmit={save} noValidate>
      <TextField id={ids.title} label="Titel" value={values.title} error={errors[ids.title]} onChange={(event) => setValues({ ...values, title: event.target.value })} />
      <TextField id={ids.description} label="Beskrivelse" value={values.description} error={errors[ids.description]} onChange={(event) => setValues({ ...values, description: event.target.value })} />
      <SelectField
        id={ids.position}
        label="Placering"
        options={Array.from({ length: count }, (_, index) => ({ value: String(index + 1), label: String(index + 1) }))}
        value={values.position}
        error={errors[ids.position]}
        onChange={(event) => setValues({ ...values, position: event.target.value })}
      />
      {errors[ids.submit] ? <ErrorAlert message={errors[ids.submit]} /> : null}
      <div className="button-row">
        <button type="submit" id={ids.submit} className="button button-primary" disabled={busy} aria-busy={busy}>
          Gem sigtepunkt
        </button>
        <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>
          Fortryd
        </button>
      </div>
    </form>
  );
}

/** Shown to everyone; the API refuses those who may not keep the aims, and the page says so. */
function RemoveAim({ bodyId, aim }: { bodyId: string; aim: Aim }) {
  const queryClient = useQueryClient();
  const person = useSession().data?.person;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!person) return null;
  const remove = async () => {
    setBusy(true);
    const { response } = await answerOf(api.DELETE('/api/bodies/{id}/aims/{aimId}', { params: { path: { id: bodyId, aimId: aim.id } } }));
    setBusy(false);
    if (!response.ok) return setError(response.status === 403 ? 'Kun myndighedens administratorer og udvalgenes sekretærer kan fjerne sigtepunkter.' : 'Sigtepunktet kunne ikke fjernes. Prøv igen om lidt.');
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['strategy', bodyId] }), queryClient.invalidateQueries({ queryKey: ['body-aims', bodyId] })]);
  };
  return (
    <>
      <button type="button" className="button button-tertiary" disabled={busy} aria-busy={busy} onClick={() => void remove()}>
        Fjern sigtepunkt<span className="sr-only">: {aim.title}</span>
      </button>
      {error ? <ErrorAlert message={error} /> : null}
    </>
  );
}

function NewAim({ bodyId }: { bodyId: string }) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldMessages>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!title.trim()) return setErrors({ 'aim-title': 'Skriv sigtepunktets titel.' });
    setBusy(true);
    const { data, error, response } = await answerOf(
      api.POST('/api/bodies/{id}/aims', { params: { path: { id: bodyId } }, body: { title, ...(description.trim() ? { description } : {}) } }),
    );
    setBusy(false);
    if (!data) {
      setErrors(response.status === 403 ? { 'aim-submit': 'Kun myndighedens administratorer og udvalgenes sekretærer kan oprette sigtepunkter.' } : refusalOnFields(error, response.status, AIM_PLACES));
      return;
    }
    setErrors({});
    setTitle('');
    setDescription('');
    setDone(`Sigtepunktet "${data.title}" er oprettet.`);
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['strategy', bodyId] }), queryClient.invalidateQueries({ queryKey: ['body-aims', bodyId] })]);
  };

  return (
    <section aria-labelledby="nyt-sigtepunkt">
      <h2 id="nyt-sigtepunkt">Nyt sigtepunkt</h2>
      <form onSubmit={add} noValidate>
        <TextField id="aim-title" label="Titel" value={title} error={errors['aim-title']} onChange={(event) => setTitle(event.target.value)} />
        <TextField id="aim-description" label="Beskrivelse" value={description} error={errors['aim-description']} onChange={(event) => setDescription(event.target.value)} />
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          Opret sigtepunkt
        </button>
        {errors['aim-submit'] ? <ErrorAlert message={errors['aim-submit']} /> : null}
        {done ? <SuccessAlert message={done} /> : null}
      </form>
    </section>
  );
}
