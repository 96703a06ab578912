import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ErrorAlert, ErrorSummary, SuccessAlert } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { asSummary, type FieldMessages, missingFields, refusalOn } from '../lib/form-errors';
import { useTitle } from '../lib/use-title';

/** "Ny adgangskode": from the reset e-mail or the welcome e-mail (?token=), the reader chooses a password. */
export function NewPasswordPage() {
  useTitle('Ny adgangskode');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [values, setValues] = useState({ password: '', repeat: '' });
  const [errors, setErrors] = useState<FieldMessages>({});
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = missingFields(values, { password: 'Skriv en ny adgangskode.', repeat: 'Skriv adgangskoden igen.' });
    if (!problems.repeat && values.password !== values.repeat) problems.repeat = 'De to adgangskoder er ikke ens.';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const { error, response } = await api.POST('/api/auth/password-reset/confirm', { body: { token, password: values.password } });
    if (!response.ok) return setErrors(refusalOn('password', error, response.status));
    setDone(true);
  };

  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>Ny adgangskode</h1>
        {!token ? <ErrorAlert message="Linket mangler en del. Åbn linket fra e-mailen igen, eller bed om et nyt under Glemt adgangskode." /> : null}
        {done ? (
          <>
            <SuccessAlert message="Din adgangskode er gemt." />
            <p>
              <Link to="/log-ind">Log ind</Link> med din nye adgangskode.
            </p>
          </>
        ) : token ? (
          <>
            <ErrorSummary errors={asSummary(errors)} />
            <form onSubmit={submit} noValidate>
              <TextField
                id="password"
                label="Ny adgangskode"
                type="password"
                autoComplete="new-password"
                hint="Brug gerne flere ord; jo længere, jo bedre."
                value={values.password}
                error={errors.password}
                onChange={(event) => setValues({ ...values, password: event.target.value })}
              />
              <TextField
                id="repeat"
                label="Gentag ny adgangskode"
                type="password"
                autoComplete="new-password"
                value={values.repeat}
                error={errors.repeat}
                onChange={(event) => setValues({ ...values, repeat: event.target.value })}
              />
              <button type="submit" className="button button-primary">
                Gem adgangskode
              </button>
            </form>
          </>
        ) : null}
        {!done ? (
          <p className="mt-5">
            <Link to="/glemt-adgangskode">Glemt adgangskode</Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
