import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { answerOf } from '../../api/requests';
import { isAdminOf, useBodies } from '../../api/committees';
import { GLOBAL_ROLES, type GlobalRole, personPlaces } from '../../api/people';
import { useSession } from '../../api/session';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { ErrorAlert, ErrorSummary, SuccessAlert } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import { asSummary, type FieldMessages } from '../../lib/form-errors';
import { refusalOnFields } from '../../lib/form-errors';
import { useTitle } from '../../lib/use-title';

const EMPTY = { name: '', email: '', party: '', title: '', roles: [] as GlobalRole[], bodyIds: [] as string[], password: '' };

/**
 * "Opret person" (administrator): a politician, civil servant or external participant; with a password the person
 * gets a login (and a welcome e-mail to choose their own); a director or administrator is scoped to bodies.
 */
export function NewPersonPage() {
  useTitle('Opret person');
  const person = useSession().data?.person;
  const bodies = useBodies();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: 'name' | 'email' | 'party' | 'title' | 'password') => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  if (!isAdminOf(person)) {
    return (
      <>
        <h1>Opret person</h1>
        <ErrorAlert message="Kun en administrator kan oprette personer." />
      </>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldMessages = {};
    if (!values.name.trim()) missing.navn = 'Skriv personens navn.';
    if (!values.email.trim()) missing.email = 'Skriv personens e-mail.';
    setErrors(missing);
    setDone(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    const { data, error, response } = await answerOf(
      api.POST('/api/people', {
        body: {
          name: values.name.trim(),
          email: values.email.trim(),
          ...(values.party.trim() ? { party: values.party.trim() } : {}),
          ...(values.title.trim() ? { title: values.title.trim() } : {}),
          ...(values.roles.length > 0 ? { roles: values.roles } : {}),
          ...(values.bodyIds.length > 0 ? { bodyIds: values.bodyIds } : {}),
          ...(values.password ? { password: values.password } : {}),
        },
      }),
    );
    setBusy(false);
    if (!data) return setErrors(refusalOnFields(error, response.status, personPlaces('', 'opret')));
    setValues(EMPTY);
    setDone(values.password ? `${data.name} er oprettet med login og får en velkomstmail.` : `${data.name} er oprettet.`);
    await queryClient.invalidateQueries({ queryKey: ['people'] });
  };

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>Opret person</h1>
        <p>
          <Link to="/personer">Tilbage til personer</Link>
        </p>
        <div aria-live="polite">{done ? <SuccessAlert message={done} /> : null}</div>
        <ErrorSummary errors={asSummary(errors)} />
        <form onSubmit={submit} noValidate>
          <TextField id="navn" label="Navn" autoComplete="off" value={values.name} error={errors.navn} onChange={set('name')} />
          <TextField id="email" label="E-mail" type="email" autoComplete="off" value={values.email} error={errors.email} onChange={set('email')} />
          <TextField id="parti" label="Parti" hint="For en politiker, fx KD." value={values.party} error={errors.parti} onChange={set('party')} />
          <TextField id="titel" label="Titel" hint="Fx Direktør for Social Omsorg." value={values.title} error={errors.titel} onChange={set('title')} />
          <CheckboxGroup
            id="roller"
            legend="Roller"
            hint="Roller i et udvalg gives under udvalgets medlemmer."
            options={Object.entries(GLOBAL_ROLES).map(([value, label]) => ({ value, label }))}
            values={values.roles}
            error={errors.roller}
            onChange={(roles) => setValues({ ...values, roles: roles as GlobalRole[] })}
          />
          <CheckboxGroup
            id="myndigheder"
            legend="Myndigheder"
            hint="De myndigheder, en direktør eller administrator handler for."
            options={(bodies.data ?? []).map((body) => ({ value: body.id, label: body.name }))}
            values={values.bodyIds}
            error={errors.myndigheder}
            onChange={(bodyIds) => setValues({ ...values, bodyIds })}
          />
          <TextField
            id="adgangskode"
            label="Adgangskode"
            type="password"
            autoComplete="new-password"
            hint="Giver personen et login; mindst 12 tegn. Personen får en velkomstmail og vælger selv sin adgangskode. Tom: intet login."
            value={values.password}
            error={errors.adgangskode}
            onChange={set('password')}
          />
          {errors.opret ? <ErrorAlert message={errors.opret} /> : null}
          <button type="submit" id="opret" className="button button-primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Opretter …' : 'Opret person'}
          </button>
        </form>
      </div>
    </div>
  );
}
