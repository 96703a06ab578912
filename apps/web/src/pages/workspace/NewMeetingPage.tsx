import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import { copenhagenInstant } from '../../lib/dates';
import { asSummary, type FieldMessages, missingFields, NO_CONNECTION, refusalOnFields } from '../../lib/form-errors';
import { useTitle } from '../../lib/use-title';

const REQUIRED = { dato: 'Vælg mødets dato.', start: 'Angiv, hvornår mødet begynder.', sted: 'Skriv, hvor mødet holdes.' };
const PLACES = {
  byCode: { meeting_ends_before_start: 'slut', meeting_outside_mandate: 'dato' },
  byApiField: { startsAt: 'start', endsAt: 'slut', location: 'sted', title: 'titel' },
  fallback: 'dato',
};

/** "Nyt møde": the committee's next meeting (Dato, Start, Slut, Sted, Titel); then on to its agenda. */
export function NewMeetingPage() {
  const { committeeId = '' } = useParams();
  const navigate = useNavigate();
  const [values, setValues] = useState({ dato: '', start: '', slut: '', sted: '', titel: '' });
  const [errors, setErrors] = useState<FieldMessages>({});
  const [saving, setSaving] = useState(false);
  const committee = useQuery({
    queryKey: ['committee', committeeId],
    queryFn: async () => (await api.GET('/api/committees/{id}', { params: { path: { id: committeeId } } })).data ?? null,
  });
  useTitle('Nyt møde');

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields(values, REQUIRED);
    if (Object.keys(missing).length > 0) return setErrors(missing);
    setSaving(true);
    try {
      const { data, error, response } = await api.POST('/api/committees/{committeeId}/meetings', {
        params: { path: { committeeId } },
        body: {
          startsAt: copenhagenInstant(values.dato, values.start),
          ...(values.slut ? { endsAt: copenhagenInstant(values.dato, values.slut) } : {}),
          location: values.sted.trim(),
          ...(values.titel.trim() ? { title: values.titel.trim() } : {}),
        },
      });
      if (!data) return setErrors(refusalOnFields(error, response.status, PLACES));
      // Forberedelse shows the warning of a notice that can no longer be met.
      navigate(`/moeder/${data.id}/forberedelse`, { state: { warnings: data.warnings } });
    } catch {
      setErrors({ dato: NO_CONNECTION });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <h1>Nyt møde</h1>
      <p className="font-lead">{committee.data ? committee.data.name : null}</p>
      <p>
        <Link to={`/udvalg/${committeeId}`}>Tilbage til udvalget</Link>
      </p>
      <ErrorSummary errors={asSummary(errors)} />
      <form onSubmit={submit} noValidate>
        <TextField id="dato" label="Dato" type="date" required value={values.dato} error={errors.dato} onChange={set('dato')} />
        <TextField id="start" label="Start" type="time" hint="Klokkeslæt, dansk tid" required value={values.start} error={errors.start} onChange={set('start')} />
        <TextField id="slut" label="Slut" type="time" hint="Klokkeslæt, dansk tid (kan udelades)" value={values.slut} error={errors.slut} onChange={set('slut')} />
        <TextField id="sted" label="Sted" hint="Fx Rådhuset, Mødelokale 1" required value={values.sted} error={errors.sted} onChange={set('sted')} />
        <TextField id="titel" label="Titel" hint="Kan udelades; ellers bruges udvalgets navn" value={values.titel} error={errors.titel} onChange={set('titel')} />
        <button type="submit" className="button button-primary" disabled={saving}>
          Opret møde
        </button>
      </form>
    </>
  );
}
