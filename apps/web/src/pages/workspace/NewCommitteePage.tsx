import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { dayMonthYear, periodLabel } from '@app/domain/danish-dates';
import { api } from '../../api/client';
import { answerOf } from '../../api/requests';
import { COMMITTEE_KINDS, type CommitteeKind, isAdminOf, useBodies, useCommitteesOfBody } from '../../api/committees';
import { useSession } from '../../api/session';
import { ErrorAlert, ErrorSummary } from '../../components/ErrorSummary';
import { CommissionNeedsCouncilField } from '../../components/CommissionNeedsCouncilField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { asSummary, type FieldMessages } from '../../lib/form-errors';
import { refusalOnFields } from '../../lib/form-errors';
import { useTitle } from '../../lib/use-title';

const EMPTY = { bodyId: '', name: '', kind: '' as CommitteeKind | '', parentId: '', reportsToId: '', mandateStart: '', mandateEnd: '', agendaNoticeWorkingDays: '4', materialNoticeWorkingDays: '3', commissionNeedsCouncil: false };

const PLACES = {
  byApiField: {
    bodyId: 'myndighed',
    name: 'navn',
    kind: 'type',
    parentId: 'hoerer-under',
    reportsToId: 'rapporterer-til',
    mandateStart: 'mandat-fra',
    mandateEnd: 'mandat-til',
    agendaNoticeWorkingDays: 'frist',
    materialNoticeWorkingDays: 'materialefrist',
    commissionNeedsCouncil: 'vedtages-af-raadet',
  },
  byCode: {
    mandate_end_required: 'mandat-til',
    mandate_beyond_election_term: 'mandat-til',
    period_end_before_start: 'mandat-til',
    parent_required: 'hoerer-under',
    committee_relation_loop: 'hoerer-under',
    committee_of_other_body: 'hoerer-under',
    body_not_found: 'myndighed',
    invalid_working_day_count: 'frist',
  },
  fallback: 'opret',
};

/**
 * "Opret udvalg" (administrator): every kind of committee, a § 17, stk. 4 committee with its mandate ending inside
 * the body's election term, and a working group under the committee it works for.
 */
export function NewCommitteePage() {
  useTitle('Opret udvalg');
  const person = useSession().data?.person;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const bodies = useBodies();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [busy, setBusy] = useState(false);
  const related = useCommitteesOfBody(values.bodyId);
  const body = bodies.data?.find((candidate) => candidate.id === values.bodyId);
  const relatedOptions = (related.data ?? []).map((committee) => ({ value: committee.id, label: committee.name }));
  const set = (field: keyof typeof EMPTY) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  if (!isAdminOf(person)) {
    return (
      <>
        <h1>Opret udvalg</h1>
        <ErrorAlert message="Kun en administrator kan oprette udvalg." />
      </>
    );
  }

  const chooseKind = (event: { target: { value: string } }) => {
    const kind = event.target.value as CommitteeKind;
    // A § 17, stk. 4 committee lives at most as long as the council that set it up: the term's end is the first guess.
    // The council adopts a § 17, stk. 4 committee's kommissorium; other committees' take effect on the director's approval.
    setValues((current) => ({
      ...current,
      kind,
      mandateEnd: kind === 'section-17-4' && !current.mandateEnd && body?.electionTermEnd ? body.electionTermEnd : current.mandateEnd,
      commissionNeedsCouncil: kind === 'section-17-4',
    }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldMessages = {};
    if (!values.bodyId) missing.myndighed = 'Vælg den myndighed, udvalget hører til.';
    if (!values.name.trim()) missing.navn = 'Skriv udvalgets navn.';
    if (!values.kind) missing.type = 'Vælg udvalgets type.';
    if (values.kind === 'working-group' && !values.parentId) missing['hoerer-under'] = 'En arbejdsgruppe skal høre under et udvalg. Vælg udvalget.';
    if (!values.mandateStart) missing['mandat-fra'] = 'Skriv mandatets første dag.';
    if (values.kind === 'section-17-4' && !values.mandateEnd) missing['mandat-til'] = 'Et § 17, stk. 4-udvalg skal have en slutdato for sit mandat inden for valgperioden.';
    if (!/^\d+$/.test(values.agendaNoticeWorkingDays.trim())) missing.frist = 'Skriv antal hverdage som et helt tal.';
    if (!/^\d+$/.test(values.materialNoticeWorkingDays.trim())) missing.materialefrist = 'Skriv antal hverdage som et helt tal.';
    setErrors(missing);
    if (Object.keys(missing).length > 0 || !values.kind) return;
    setBusy(true);
    const { data, error, response } = await answerOf(
      api.POST('/api/committees', {
        body: {
          bodyId: values.bodyId,
          name: values.name.trim(),
          kind: values.kind,
          mandateStart: values.mandateStart,
          agendaNoticeWorkingDays: Number(values.agendaNoticeWorkingDays),
          materialNoticeWorkingDays: Number(values.materialNoticeWorkingDays),
          commissionNeedsCouncil: values.commissionNeedsCouncil,
          ...(values.mandateEnd ? { mandateEnd: values.mandateEnd } : {}),
          ...(values.parentId ? { parentId: values.parentId } : {}),
          ...(values.reportsToId ? { reportsToId: values.reportsToId } : {}),
        },
      }),
    );
    setBusy(false);
    if (!data) {
      setErrors(refusalOnFields(error, response.status, PLACES));
      return;
    }
    await queryClient.invalidateQueries({ queryKey: ['committees'] });
    navigate(`/udvalg/${data.id}`);
  };

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>Opret udvalg</h1>
        <ErrorSummary errors={asSummary(errors)} />
        <form onSubmit={submit} noValidate>
          <SelectField
            id="myndighed"
            label="Myndighed"
            placeholder="Vælg myndighed"
            options={(bodies.data ?? []).map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            value={values.bodyId}
            error={errors.myndighed}
            hint={body?.electionTermStart ? `Valgperiode ${periodLabel(body.electionTermStart, body.electionTermEnd)}` : undefined}
            onChange={(event) => setValues({ ...values, bodyId: event.target.value, parentId: '', reportsToId: '' })}
          />
          <TextField id="navn" label="Navn" value={values.name} error={errors.navn} onChange={set('name')} />
          <SelectField
            id="type"
            label="Type"
            placeholder="Vælg type"
            options={Object.entries(COMMITTEE_KINDS).map(([value, label]) => ({ value, label }))}
            value={values.kind}
            error={errors.type}
            onChange={chooseKind}
          />
          <SelectField
            id="hoerer-under"
            label="Hører under"
            hint="En arbejdsgruppe hører under det udvalg, den arbejder for."
            placeholder="Intet udvalg"
            options={relatedOptions}
            value={values.parentId}
            error={errors['hoerer-under']}
            onChange={set('parentId')}
          />
          <SelectField
            id="rapporterer-til"
            label="Rapporterer til"
            hint="Fx økonomiudvalget for et § 17, stk. 4-udvalg."
            placeholder="Intet udvalg"
            options={relatedOptions}
            value={values.reportsToId}
            error={errors['rapporterer-til']}
            onChange={set('reportsToId')}
          />
          <TextField id="mandat-fra" label="Mandat fra" type="date" value={values.mandateStart} error={errors['mandat-fra']} onChange={set('mandateStart')} />
          <TextField
            id="mandat-til"
            label="Mandat til"
            type="date"
            hint={
              values.kind === 'section-17-4'
                ? `Et § 17, stk. 4-udvalg skal slutte inden for valgperioden${body?.electionTermEnd ? `, senest ${dayMonthYear(body.electionTermEnd)}` : ''}.`
                : 'Tom for et stående udvalg uden slutdato.'
            }
            value={values.mandateEnd}
            error={errors['mandat-til']}
            onChange={set('mandateEnd')}
          />
          <TextField id="frist" label="Frist for dagsorden (hverdage før mødet)" inputMode="numeric" value={values.agendaNoticeWorkingDays} error={errors.frist} onChange={set('agendaNoticeWorkingDays')} />
          <TextField
            id="materialefrist"
            label="Frist for materiale (hverdage før mødet)"
            hint="Punkter og bilag, der kommer senere, markeres Eftersendt."
            inputMode="numeric"
            value={values.materialNoticeWorkingDays}
            error={errors.materialefrist}
            onChange={set('materialNoticeWorkingDays')}
          />
          <CommissionNeedsCouncilField
            checked={values.commissionNeedsCouncil}
            error={errors['vedtages-af-raadet']}
            onChange={(commissionNeedsCouncil) => setValues((current) => ({ ...current, commissionNeedsCouncil }))}
          />
          {errors.opret ? <ErrorAlert message={errors.opret} /> : null}
          <button type="submit" id="opret" className="button button-primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Opretter …' : 'Opret udvalg'}
          </button>
        </form>
      </div>
    </div>
  );
}
