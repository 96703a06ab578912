import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, setCsrfToken } from '../api/client';
import { SESSION_KEY } from '../api/session';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { asSummary, type FieldMessages, missingFields, refusalOn } from '../lib/form-errors';
import { safeNextPath } from '../lib/next-path';
import { useTitle } from '../lib/use-title';

/** "Log ind": e-mail and password; afterwards the reader goes where the link pointed (`naeste`, a path on this site). */
export function LoginPage() {
  useTitle('Log ind');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldMessages>({});
  const [busy, setBusy] = useState(false);
  const next = safeNextPath(params.get('naeste'));
  // Offered only where the municipality's identity provider is set up; the password form works either way.
  const singleSignOn = useQuery({
    queryKey: ['single-sign-on'],
    queryFn: async () => (await api.GET('/api/auth/oidc')).data?.enabled ?? false,
    staleTime: Infinity,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields(values, { email: 'Skriv din e-mail.', password: 'Skriv din adgangskode.' });
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    const { data, error, response } = await api.POST('/api/auth/login', { body: { email: values.email.trim(), password: values.password } });
    setBusy(false);
    if (!data) {
      setErrors(refusalOn(response.status === 401 ? 'email' : 'password', error, response.status));
      return;
    }
    setCsrfToken(data.csrfToken);
    await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    navigate(next, { replace: true });
  };

  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>Log ind</h1>
        <ErrorSummary errors={asSummary(errors)} />
        <form onSubmit={submit} noValidate>
          <TextField
            id="email"
            label="E-mail"
            type="email"
            autoComplete="username"
            value={values.email}
            error={errors.email}
            onChange={(event) => setValues({ ...values, email: event.target.value })}
          />
          <TextField
            id="password"
            label="Adgangskode"
            type="password"
            autoComplete="current-password"
            value={values.password}
            error={errors.password}
            onChange={(event) => setValues({ ...values, password: event.target.value })}
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            Log ind
          </button>
        </form>
        {singleSignOn.data ? (
          <p className="mt-5">
            <a className="button button-secondary" href={`/api/auth/oidc/login?naeste=${encodeURIComponent(next)}`}>
              Log ind med kommunens login
            </a>
          </p>
        ) : null}
        <p className="mt-5">
          <Link to="/glemt-adgangskode">Glemt adgangskode</Link>
        </p>
      </div>
    </div>
  );
}
