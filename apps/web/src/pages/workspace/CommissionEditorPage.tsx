import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { runningDateTime } from '@app/domain/danish-dates';
import { api } from '../../api/client';
import { answerOf } from '../../api/requests';
import { type CommitteeDetail, managesCommittee, useCommittee } from '../../api/committees';
import { allPages } from '../../api/pages';
import type { components } from '../../api/schema';
import { useSession } from '../../api/session';
import { ErrorAlert, ErrorSummary, SuccessAlert } from '../../components/ErrorSummary';
import { RecordStatus } from '../../components/MeetingStatus';
import { CommissionCouncil } from '../../components/CommissionCouncil';
import { TextField } from '../../components/TextField';
import { commissionChanges } from '../../lib/commission-changes';
import { COMMISSION_STATE_NAMES, councilStatus } from '../../lib/commission-council';
import { type CommissionForm, commissionBody, commissionForm, commissionFormChanged, EMPTY_COMMISSION_FORM } from '../../lib/commission-form';
import { asSummary, type FieldMessages } from '../../lib/form-errors';
import { refusalOnFields } from '../../lib/form-errors';
import { useTitle } from '../../lib/use-title';

type Commission = components['schemas']['CommissionDto'];

/** The editor's fields: the form's ids by the API's field names, for refusals that name a field. */
const FIELDS: [keyof CommissionForm, string, string, string | undefined][] = [
  ['title', 'titel', 'Titel', undefined],
  ['purpose', 'formaal', 'Formål', 'Hvad udvalget skal nå.'],
  ['background', 'baggrund', 'Baggrund', undefined],
  ['themes', 'temaer', 'Temaer', 'Ét tema pr. linje.'],
  ['composition', 'sammensaetning', 'Sammensætning', undefined],
  ['deliverables', 'leverancer', 'Leverancer', undefined],
];

const PLACES = {
  byApiField: Object.fromEntries(FIELDS.map(([field, id]) => [field, id])),
  byCode: { stale_row_version: 'gem', commission_not_draft: 'gem' },
  fallback: 'gem',
};

/**
 * "Kommissorium" in the secretary's workspace: the draft's editor (Formål, Baggrund, Temaer, Sammensætning,
 * Leverancer), "Indsend til godkendelse", the director's return comment at the top when the draft came back,
 * "Ændr kommissorium" on the approved version, and the versions side by side with what changed.
 */
export function CommissionEditorPage() {
  const { committeeId = '' } = useParams();
  const committee = useCommittee(committeeId);
  const person = useSession().data?.person;
  const versions = useQuery({
    queryKey: ['commissions-of', committeeId],
    enabled: Boolean(committee.data),
    queryFn: () =>
      allPages(async (cursor) => {
        const { data, response } = await api.GET('/api/committees/{committeeId}/commissions', { params: { path: { committeeId }, query: { cursor } } });
        if (!data) throw new Error(`GET /api/committees/${committeeId}/commissions answered ${response.status}`);
        return data;
      }),
  });

  useTitle(committee.data ? `Kommissorium: ${committee.data.name}` : 'Kommissorium');
  if (!committee.data || !versions.data) {
    const read = { isPending: committee.isPending || Boolean(committee.data && versions.isPending), isError: committee.isError || versions.isError };
    return <RecordStatus read={read} missing="Udvalget" failed="Kommissoriet" />;
  }
  const all = [...(versions.data ?? [])].sort((a, b) => a.version - b.version);
  return <CommissionEditor committee={committee.data} versions={all} manages={managesCommittee(person, committee.data)} />;
}

function CommissionEditor({ committee, versions, manages }: { committee: CommitteeDetail; versions: Commission[]; manages: boolean }) {
  const queryClient = useQueryClient();
  const latest = versions.at(-1);
  const draft = latest?.state === 'draft' ? latest : undefined;
  const [form, setForm] = useState<CommissionForm>(() => (draft ? commissionForm(draft) : { ...EMPTY_COMMISSION_FORM, title: `Kommissorium for ${committee.name}` }));
  const [errors, setErrors] = useState<FieldMessages>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // A new draft (after "Ændr kommissorium" or a return) starts from its own text; what is being typed is never replaced.
  const [formOf, setFormOf] = useState(draft?.id);
  useEffect(() => {
    if (draft && draft.id !== formOf) {
      setForm(commissionForm(draft));
      setFormOf(draft.id);
    }
  }, [draft, formOf]);

  const events = useQuery({
    queryKey: ['commission-transitions', latest?.id],
    enabled: Boolean(latest) && manages,
    queryFn: async () => ((await api.GET('/api/commissions/{id}/transitions', { params: { path: { id: latest!.id } } })).data ?? []).map((event) => event.event),
  });
  const returnedBy = usePersonName(draft?.returned?.by ?? null);

  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: ['commissions-of', committee.id] }), queryClient.invalidateQueries({ queryKey: ['commission-transitions'] })]);

  const checkForm = (): boolean => {
    const missing: FieldMessages = {};
    if (!form.title.trim()) missing.titel = 'Skriv kommissoriets titel.';
    if (!form.purpose.trim()) missing.formaal = 'Skriv udvalgets formål.';
    setErrors(missing);
    return Object.keys(missing).length === 0;
  };

  /** Saves the editor's text: the first version's draft, or the draft being edited. Answers the saved version. */
  const save = async (): Promise<Commission | null> => {
    const body = commissionBody(form);
    const request = draft
      ? api.PATCH('/api/commissions/{id}', { params: { path: { id: draft.id } }, body: { ...body, rowVersion: draft.rowVersion } })
      : api.POST('/api/committees/{committeeId}/commissions', { params: { path: { committeeId: committee.id } }, body });
    const { data, error, response } = await answerOf<{ data?: Commission; error?: unknown; response: Response }>(request);
    if (!data) {
      setErrors(refusalOnFields(error, response.status, PLACES));
      return null;
    }
    return data;
  };

  const saveDraft = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!checkForm()) return;
    setBusy('Gemmer …');
    const saved = await save();
    setBusy(null);
    if (!saved) return;
    setFormOf(saved.id);
    setDone('Kladden er gemt.');
    await refresh();
  };

  const submit = async () => {
    setDone(null);
    if (!checkForm()) return;
    setBusy('Indsender …');
    const saved = !draft || commissionFormChanged(form, draft) ? await save() : draft;
    if (!saved) return setBusy(null);
    setFormOf(saved.id);
    const { error, response } = await answerOf(
      api.POST('/api/commissions/{id}/transitions', { params: { path: { id: saved.id } }, body: { event: 'submit' } }),
    );
    setBusy(null);
    await refresh();
    if (!response.ok) return setErrors(refusalOnFields(error, response.status, { ...PLACES, fallback: 'indsend' }));
    setErrors({});
    setDone('Kommissoriet er indsendt til godkendelse. Direktionen har fået besked.');
  };

  const amend = async () => {
    if (!latest) return;
    setDone(null);
    setBusy('Opretter ny version …');
    const { error, response } = await answerOf(
      api.POST('/api/commissions/{id}/transitions', { params: { path: { id: latest.id } }, body: { event: 'amend' } }),
    );
    setBusy(null);
    if (!response.ok) return setErrors(refusalOnFields(error, response.status, { fallback: 'aendr' }));
    setErrors({});
    setDone(`Version ${latest.version + 1} er oprettet som kladde. Version ${latest.version} gælder, til den nye er ${latest.council ? 'vedtaget' : 'godkendt'}.`);
    await refresh();
  };

  const editable = manages && (!latest || draft);
  return (
    <>
      <h1>Kommissorium: {committee.name}</h1>
      <p>
        <Link to={`/udvalg/${committee.id}`}>Tilbage til {committee.name}</Link>
      </p>
      {latest ? (
        <p className="font-lead">
          Version {latest.version} · <span className="badge">{COMMISSION_STATE_NAMES[latest.state]}</span>
        </p>
      ) : (
        <p className="font-lead">Udvalget har intet kommissorium endnu.</p>
      )}
      {latest ? <CommissionCouncil commission={latest} /> : null}

      {draft?.notAdopted && (!draft.returned || draft.notAdopted.at > draft.returned.at) ? (
        <div className="alert alert-warning" role="region" aria-labelledby="ikke-godkendt">
          <div className="alert-body">
            <h2 className="alert-heading" id="ikke-godkendt">
              Ikke godkendt af {draft.council?.committeeName ?? 'rådet'} {runningDateTime(draft.notAdopted.at)}
            </h2>
            <p className="alert-text prewrap">{draft.notAdopted.comment}</p>
          </div>
        </div>
      ) : draft?.returned ? (
        <div className="alert alert-warning" role="region" aria-labelledby="sendt-tilbage">
          <div className="alert-body">
            <h2 className="alert-heading" id="sendt-tilbage">
              Sendt tilbage af {returnedBy ?? 'direktionen'} {runningDateTime(draft.returned.at)}
            </h2>
            <p className="alert-text prewrap">{draft.returned.comment}</p>
          </div>
        </div>
      ) : null}
      <div aria-live="polite">{done ? <SuccessAlert message={done} /> : null}</div>
      {busy ? (
        <p role="status" className="spinner-status">
          {busy}
        </p>
      ) : null}
      <ErrorSummary errors={asSummary(errors)} />

      {editable ? (
        <form onSubmit={saveDraft} noValidate>
          {FIELDS.map(([field, id, label, hint]) => (
            <TextField
              key={field}
              id={id}
              label={label}
              hint={hint}
              multiline={field !== 'title'}
              value={form[field]}
              error={errors[id]}
              onChange={(event) => setForm({ ...form, [field]: event.target.value })}
            />
          ))}
          {errors.gem ? <ErrorAlert message={errors.gem} /> : null}
          {errors.indsend ? <ErrorAlert message={errors.indsend} /> : null}
          <div className="button-row">
            <button type="submit" id="gem" className="button button-secondary" disabled={Boolean(busy)}>
              Gem kladde
            </button>
            <button type="button" id="indsend" className="button button-primary" disabled={Boolean(busy)} onClick={() => void submit()}>
              Indsend til godkendelse
            </button>
          </div>
        </form>
      ) : latest ? (
        <CommissionDocument commission={latest} />
      ) : (
        <p>Udvalgets sekretær skriver kommissoriet.</p>
      )}

      {manages && latest && events.data?.includes('amend') ? (
        <section aria-labelledby="aendring" className="mt-6">
          <h2 id="aendring">Ændring</h2>
          <p>Den godkendte version gælder, indtil en ændret version er godkendt.</p>
          {errors.aendr ? <ErrorAlert message={errors.aendr} /> : null}
          <button type="button" id="aendr" className="button button-primary" disabled={Boolean(busy)} onClick={() => void amend()}>
            Ændr kommissorium
          </button>
        </section>
      ) : null}

      <VersionHistory versions={versions} />
    </>
  );
}

function CommissionDocument({ commission }: { commission: Commission }) {
  return (
    <section aria-labelledby="dokument">
      <h2 id="dokument">{commission.title}</h2>
      <h3>Formål</h3>
      <p className="prewrap">{commission.purpose}</p>
      {commission.background ? (
        <>
          <h3>Baggrund</h3>
          <p className="prewrap">{commission.background}</p>
        </>
      ) : null}
      {commission.themes.length > 0 ? (
        <>
          <h3>Temaer</h3>
          <ul>
            {commission.themes.map((theme) => (
              <li key={theme}>{theme}</li>
            ))}
          </ul>
        </>
      ) : null}
      {commission.composition ? (
        <>
          <h3>Sammensætning</h3>
          <p className="prewrap">{commission.composition}</p>
        </>
      ) : null}
      {commission.deliverables ? (
        <>
          <h3>Leverancer</h3>
          <p className="prewrap">{commission.deliverables}</p>
        </>
      ) : null}
    </section>
  );
}

/** Every version with who submitted, returned and approved it, and each version beside the one before it. */
function VersionHistory({ versions }: { versions: Commission[] }) {
  const actorIds = [...new Set(versions.flatMap((version) => [version.submitted?.by, version.returned?.by, version.approved?.by]).filter((id): id is string => Boolean(id)))];
  const names = usePersonNames(actorIds);
  if (versions.length === 0) return null;
  // The last submission, return and approval of a version, in the order they happened.
  const steps = (version: Commission) =>
    (
      [
        ['Indsendt', version.submitted],
        ['Sendt tilbage', version.returned],
        ['Godkendt', version.approved],
      ] as const
    )
      .flatMap(([label, value]) => (value ? [{ at: value.at, text: `${label} ${runningDateTime(value.at)} af ${names[value.by ?? ''] ?? 'ukendt'}` }] : []))
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((step) => step.text);
  return (
    <section aria-labelledby="versioner" className="mt-6">
      <h2 id="versioner">Versioner</h2>
      <ol className="nobullet-list">
        {[...versions].reverse().map((version) => (
          <li key={version.id} className="mb-4">
            <strong>Version {version.version}</strong>: {COMMISSION_STATE_NAMES[version.state]}
            {version.inForce ? ' (gældende)' : ''}
            {councilStatus(version) ? (
              <>
                <br />
                {councilStatus(version)}
                {version.council?.meetingStartsAt ? ` (mødet ${runningDateTime(version.council.meetingStartsAt)}${version.council.itemNumber ? `, punkt ${version.council.itemNumber}` : ''})` : ''}
              </>
            ) : null}
            {version.notAdopted ? (
              <>
                <br />
                Ikke godkendt af {version.council?.committeeName ?? 'rådet'} {runningDateTime(version.notAdopted.at)}: <q>{version.notAdopted.comment}</q>
              </>
            ) : null}
            {steps(version).map((text) => (
                <span key={text}>
                  <br />
                  {text}
                </span>
              ))}
            {version.returned?.comment ? (
              <>
                <br />
                Kommentar: <q>{version.returned.comment}</q>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      {versions.slice(1).map((version, index) => (
        <VersionComparison key={version.id} previous={versions[index]} current={version} />
      ))}
    </section>
  );
}

function VersionComparison({ previous, current }: { previous: Commission; current: Commission }) {
  const changes = commissionChanges(previous, current);
  const caption = `Version ${previous.version} og version ${current.version}`;
  return (
    <div className="mt-5">
      <h3>{caption}</h3>
      {changes.length === 0 ? (
        <p>Ingen ændringer i teksten.</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table">
            <caption className="sr-only">Ændringer fra version {previous.version} til version {current.version}</caption>
            <thead>
              <tr>
                <th scope="col">Del</th>
                <th scope="col">Version {previous.version}</th>
                <th scope="col">Version {current.version}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.part}>
                  <th scope="row">{change.part}</th>
                  <td className="prewrap">{change.before || '(tom)'}</td>
                  <td className="prewrap">{change.after || '(tom)'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function usePersonNames(ids: string[]): Record<string, string> {
  const people = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['person', id],
      queryFn: async () => (await api.GET('/api/people/{id}', { params: { path: { id } } })).data ?? null,
    })),
  });
  return Object.fromEntries(people.flatMap((query) => (query.data ? [[query.data.id, query.data.name]] : [])));
}

function usePersonName(id: string | null): string | undefined {
  const names = usePersonNames(id ? [id] : []);
  return id ? names[id] : undefined;
}
