import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { periodLabel, quarterLabel, quarterSpanLabel } from '@app/domain/danish-dates';
import { api } from '../../api/client';
import { answerOf } from '../../api/requests';
import { type CommitteeDetail, managesCommittee, SEAT_ROLES, useCommittee } from '../../api/committees';
import { allPages } from '../../api/pages';
import type { components } from '../../api/schema';
import { useSession } from '../../api/session';
import { AimCheckboxes } from '../../components/AimCheckboxes';
import { ErrorAlert, ErrorSummary, SuccessAlert } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { RecordStatus } from '../../components/MeetingStatus';
import { PersonPicker } from '../../components/PersonPicker';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { asSummary, type FieldMessages } from '../../lib/form-errors';
import { mandateQuarters } from '../../lib/quarters';
import { refusalOnFields } from '../../lib/form-errors';
import { useTitle } from '../../lib/use-title';

type Phase = components['schemas']['PhaseResponseDto'];
type PhaseEvent = 'start' | 'complete' | 'cancel';

const PHASE_STATES: Record<Phase['state'], string> = { planned: 'Planlagt', active: 'I gang', completed: 'Afsluttet', cancelled: 'Aflyst' };
const PHASE_EVENTS: Record<PhaseEvent, string> = { start: 'Start fase', complete: 'Afslut fase', cancel: 'Aflys fase' };
const PHASE_EVENT_DONE: Record<PhaseEvent, string> = { start: 'er startet', complete: 'er afsluttet', cancel: 'er aflyst' };

/**
 * "Procesplan": the committee's phases on the quarter timeline (the API's drawing, inline, beside a table saying
 * the same in text), "Ny fase" with quarters from the mandate, start/complete/cancel, and per phase who takes part,
 * with "Inviter deltager" for those invited to that phase only.
 */
export function ProcessPlanPage() {
  const { committeeId = '' } = useParams();
  const committee = useCommittee(committeeId);
  const person = useSession().data?.person;
  useTitle(committee.data ? `Procesplan: ${committee.data.name}` : 'Procesplan');
  if (!committee.data) return <RecordStatus read={committee} missing="Udvalget" failed="Procesplanen" />;
  return <ProcessPlan committee={committee.data} manages={managesCommittee(person, committee.data)} />;
}

function ProcessPlan({ committee, manages }: { committee: CommitteeDetail; manages: boolean }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const phases = useQuery({
    queryKey: ['phases', committee.id],
    queryFn: () =>
      allPages(async (cursor) => {
        const { data, response } = await api.GET('/api/committees/{id}/phases', { params: { path: { id: committee.id }, query: { cursor } } });
        if (!data) throw new Error(`GET /api/committees/${committee.id}/phases answered ${response.status}`);
        return data;
      }),
  });
  const list = phases.data ?? [];
  // The drawing follows the plan: its key names each phase's version, so any change draws it again.
  const drawingKey = list.map((phase) => `${phase.id}:${phase.rowVersion}`).join(',');
  const drawing = useQuery({
    queryKey: ['process-plan-svg', committee.id, drawingKey],
    enabled: phases.isSuccess,
    queryFn: async () => {
      const response = await fetch(`/api/committees/${committee.id}/process-plan.svg`, { credentials: 'include' });
      if (!response.ok) throw new Error(`GET process-plan.svg answered ${response.status}`);
      return svgMarkup(await response.text());
    },
  });
  const transitions = useQueries({
    queries: list.map((phase) => ({
      queryKey: ['phase-transitions', phase.id, phase.rowVersion],
      enabled: manages,
      queryFn: async () => ((await api.GET('/api/phases/{id}/transitions', { params: { path: { id: phase.id } } })).data ?? []).map((event) => event.event),
    })),
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['phases', committee.id] });

  const fire = async (phase: Phase, event: PhaseEvent) => {
    const { error, response } = await answerOf(
      api.POST('/api/phases/{id}/transitions', { params: { path: { id: phase.id } }, body: { event } }),
    );
    setMessage(response.ok ? { kind: 'ok', text: `Fasen "${phase.title}" ${PHASE_EVENT_DONE[event]}.` } : { kind: 'error', text: refusalOnFields(error, response.status, { fallback: 'x' }).x });
    await refresh();
  };

  return (
    <>
      <h1>Procesplan: {committee.name}</h1>
      <p>
        <Link to={`/udvalg/${committee.id}`}>Tilbage til {committee.name}</Link>
      </p>
      <p className="font-lead">Mandat {periodLabel(committee.mandateStart, committee.mandateEnd)}</p>
      <div aria-live="polite">{message ? message.kind === 'ok' ? <SuccessAlert message={message.text} /> : <ErrorAlert message={message.text} /> : null}</div>

      {phases.isPending ? <Loading /> : null}
      {phases.isError ? <ErrorAlert message="Faserne kunne ikke hentes. Prøv igen om lidt." /> : null}
      {drawing.data ? (
        <figure className="process-plan">
          {/* The API's own drawing, every text in it escaped there; parsed as SVG before it is shown. */}
          <div dangerouslySetInnerHTML={{ __html: drawing.data }} />
          <figcaption className="form-hint">Tidslinjen vist som tabel herunder.</figcaption>
        </figure>
      ) : null}

      {phases.isSuccess ? (
        list.length === 0 ? (
          <p>Planen har ingen faser endnu.</p>
        ) : (
          <div className="table--responsive-scroll">
            <table className="table table--zebra">
              <caption>Faser</caption>
              <thead>
                <tr>
                  <th scope="col">Kvartaler</th>
                  <th scope="col">Fase</th>
                  <th scope="col">Tema</th>
                  <th scope="col">Status</th>
                  {manages ? <th scope="col">Handlinger</th> : null}
                </tr>
              </thead>
              <tbody>
                {list.map((phase, index) => (
                  <tr key={phase.id}>
                    <td>{quarterSpanLabel(phase.fromQuarter, phase.toQuarter)}</td>
                    <td>
                      {phase.title}
                      {phase.description ? (
                        <>
                          <br />
                          <span className="form-hint prewrap">{phase.description}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{phase.theme ?? ''}</td>
                    <td>{PHASE_STATES[phase.state]}</td>
                    {manages ? (
                      <td>
                        <div className="button-row">
                          {(Object.keys(PHASE_EVENTS) as PhaseEvent[])
                            .filter((event) => transitions[index]?.data?.includes(event))
                            .map((event) => (
                              <button key={event} type="button" className="button button-secondary" onClick={() => void fire(phase, event)} aria-label={`${PHASE_EVENTS[event]}: ${phase.title}`}>
                                {PHASE_EVENTS[event]}
                              </button>
                            ))}
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}

      {manages ? <NewPhase committee={committee} phases={list} onCreated={refresh} /> : null}

      {manages && list.length > 0 ? (
        <section aria-labelledby="fasernes-sigtepunkter" className="mt-6">
          <h2 id="fasernes-sigtepunkter">Sigtepunkter pr. fase</h2>
          {list.map((phase) => (
            <div key={phase.id} className="mb-6">
              <h3>
                {phase.title} ({quarterSpanLabel(phase.fromQuarter, phase.toQuarter)})
              </h3>
              <AimCheckboxes bodyId={committee.bodyId} target="phases" id={phase.id} />
            </div>
          ))}
        </section>
      ) : null}

      {list.length > 0 ? (
        <section aria-labelledby="deltagere" className="mt-6">
          <h2 id="deltagere">Deltagere pr. fase</h2>
          {list.map((phase) => (
            <PhaseParticipants key={phase.id} phase={phase} manages={manages && phase.state !== 'completed' && phase.state !== 'cancelled'} />
          ))}
        </section>
      ) : null}
    </>
  );
}

/** The API's drawing as markup to show inline: only an SVG document, without its XML declaration. */
export function svgMarkup(text: string): string | null {
  const document = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = document.documentElement;
  if (root.nodeName !== 'svg' || root.getElementsByTagName('script').length > 0) return null;
  return new XMLSerializer().serializeToString(root);
}

const EMPTY_PHASE = { title: '', fromQuarter: '', toQuarter: '', theme: '', description: '' };

const PHASE_PLACES = {
  byApiField: { title: 'fase-titel', fromQuarter: 'fase-fra', toQuarter: 'fase-til', theme: 'fase-tema', description: 'fase-beskrivelse' },
  byCode: { phase_overlaps: 'fase-fra', phase_outside_mandate: 'fase-fra', quarter_span_reversed: 'fase-til', invalid_quarter: 'fase-fra' },
  fallback: 'fase-opret',
};

function NewPhase({ committee, phases, onCreated }: { committee: CommitteeDetail; phases: Phase[]; onCreated: () => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(EMPTY_PHASE);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const quarters = mandateQuarters(committee.mandateStart, committee.mandateEnd).map((quarter) => ({ value: quarter, label: quarterLabel(quarter) }));
  const set = (field: keyof typeof EMPTY_PHASE) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldMessages = {};
    if (!values.title.trim()) missing['fase-titel'] = 'Skriv fasens titel.';
    if (!values.fromQuarter) missing['fase-fra'] = 'Vælg fasens første kvartal.';
    if (!values.toQuarter) missing['fase-til'] = 'Vælg fasens sidste kvartal.';
    setErrors(missing);
    setDone(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    const { data, error, response } = await answerOf(
      api.POST('/api/committees/{id}/phases', {
        params: { path: { id: committee.id } },
        body: {
          title: values.title.trim(),
          fromQuarter: values.fromQuarter,
          toQuarter: values.toQuarter,
          ...(values.theme.trim() ? { theme: values.theme.trim() } : {}),
          ...(values.description.trim() ? { description: values.description.trim() } : {}),
        },
      }),
    );
    setBusy(false);
    if (!data) {
      const inTheWay = phases.find((phase) => phase.id === (error as { details?: { phaseId?: string } } | undefined)?.details?.phaseId);
      const refusal = refusalOnFields(error, response.status, PHASE_PLACES);
      // The API names the phase in the way; so does the message, in Danish.
      if (inTheWay) refusal['fase-fra'] = `Fasen overlapper "${inTheWay.title}" (${quarterSpanLabel(inTheWay.fromQuarter, inTheWay.toQuarter)}). Vælg andre kvartaler.`;
      return setErrors(refusal);
    }
    setValues(EMPTY_PHASE);
    setDone(`Fasen "${data.title}" (${quarterSpanLabel(data.fromQuarter, data.toQuarter)}) er tilføjet planen.`);
    await onCreated();
  };

  return (
    <section aria-labelledby="ny-fase-overskrift" className="mt-6">
      <h2 id="ny-fase-overskrift" className="sr-only">
        Tilføj en fase
      </h2>
      <div aria-live="polite">{done ? <SuccessAlert message={done} /> : null}</div>
      <button type="button" className="button button-secondary" aria-expanded={open} aria-controls="ny-fase" onClick={() => setOpen(!open)}>
        Ny fase
      </button>
      <div id="ny-fase" hidden={!open}>
        <form onSubmit={submit} noValidate className="mt-5">
          <ErrorSummary errors={asSummary(errors)} />
          <TextField id="fase-titel" label="Titel" value={values.title} error={errors['fase-titel']} onChange={set('title')} />
          <SelectField id="fase-fra" label="Fra kvartal" placeholder="Vælg kvartal" options={quarters} value={values.fromQuarter} error={errors['fase-fra']} onChange={set('fromQuarter')} />
          <SelectField id="fase-til" label="Til kvartal" placeholder="Vælg kvartal" options={quarters} value={values.toQuarter} error={errors['fase-til']} onChange={set('toQuarter')} />
          <TextField id="fase-tema" label="Tema" hint="Det tema, fasen arbejder med. Sigtepunkterne vælges under Sigtepunkter pr. fase." value={values.theme} error={errors['fase-tema']} onChange={set('theme')} />
          <TextField id="fase-beskrivelse" label="Beskrivelse" multiline value={values.description} error={errors['fase-beskrivelse']} onChange={set('description')} />
          {errors['fase-opret'] ? <ErrorAlert message={errors['fase-opret']} /> : null}
          <button type="submit" id="fase-opret" className="button button-primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Tilføjer …' : 'Tilføj fase'}
          </button>
        </form>
      </div>
    </section>
  );
}

function PhaseParticipants({ phase, manages }: { phase: Phase; manages: boolean }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [invite, setInvite] = useState({ personId: '', note: '' });
  const [errors, setErrors] = useState<FieldMessages>({});
  const [busy, setBusy] = useState(false);
  const participants = useQuery({
    queryKey: ['phase-participants', phase.id],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/phases/{id}/participants', { params: { path: { id: phase.id } } });
      if (!data) throw new Error(`GET /api/phases/${phase.id}/participants answered ${response.status}`);
      return data;
    },
  });
  const ids = { person: `deltager-${phase.id}`, note: `deltager-${phase.id}-note`, submit: `deltager-${phase.id}-inviter` };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!invite.personId) return setErrors({ [ids.person]: 'Vælg den person, der skal inviteres.' });
    setBusy(true);
    const { error, response } = await answerOf(
      api.POST('/api/phases/{id}/participants', { params: { path: { id: phase.id } }, body: { personId: invite.personId, ...(invite.note.trim() ? { note: invite.note.trim() } : {}) } }),
    );
    setBusy(false);
    if (!response.ok) {
      return setErrors(
        refusalOnFields(error, response.status, {
          byApiField: { personId: ids.person, note: ids.note },
          byCode: { participant_already_invited: ids.person, participant_is_member: ids.person, person_not_found: ids.person },
          fallback: ids.submit,
        }),
      );
    }
    setErrors({});
    setInvite({ personId: '', note: '' });
    await queryClient.invalidateQueries({ queryKey: ['phase-participants', phase.id] });
  };

  return (
    <div className="mb-6">
      <h3>
        {phase.title} ({quarterSpanLabel(phase.fromQuarter, phase.toQuarter)})
      </h3>
      {participants.isPending ? <Loading /> : null}
      {participants.data && participants.data.length === 0 ? <p>Ingen deltagere endnu.</p> : null}
      <ul>
        {(participants.data ?? []).map((participant) => (
          <li key={participant.person.id}>
            {participant.person.name}:{' '}
            {participant.source === 'invited' ? `inviteret til fasen${participant.note ? ` (${participant.note})` : ''}` : participant.roles.map((role) => SEAT_ROLES[role].toLowerCase()).join(', ')}
          </li>
        ))}
      </ul>
      {manages ? (
        <>
          <button type="button" className="button button-secondary" aria-expanded={open} aria-controls={`${ids.person}-form`} onClick={() => setOpen(!open)} aria-label={`Inviter deltager: ${phase.title}`}>
            Inviter deltager
          </button>
          <div id={`${ids.person}-form`} hidden={!open}>
            <form onSubmit={submit} noValidate className="mt-4">
              <ErrorSummary errors={asSummary(errors)} />
              <PersonPicker id={ids.person} label={`Hvem inviteres til "${phase.title}"`} value={invite.personId} error={errors[ids.person]} onChange={(personId) => setInvite({ ...invite, personId })} />
              <TextField id={ids.note} label="Begrundelse" hint="Fx Repræsentant for lokalrådene" value={invite.note} error={errors[ids.note]} onChange={(event) => setInvite({ ...invite, note: event.target.value })} />
              {errors[ids.submit] ? <ErrorAlert message={errors[ids.submit]} /> : null}
              <button type="submit" id={ids.submit} className="button button-primary" disabled={busy} aria-busy={busy}>
                Inviter
              </button>
            </form>
          </div>
        </>
      ) : null}
    </div>
  );
}
