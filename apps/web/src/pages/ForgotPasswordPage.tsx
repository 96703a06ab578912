import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ErrorSummary, SuccessAlert } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { asSummary, type FieldMessages, missingFields, refusalOn } from '../lib/form-errors';
import { useTitle } from '../lib/use-title';

/** "Glemt adgangskode": asks for a link by e-mail; the answer is the same whether or not the address is known. */
export function ForgotPasswordPage() {
  useTitle('Glemt adgangskode');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldMessages>({});
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields({ email }, { email: 'Skriv din e-mail.' });
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const { error, response } = await api.POST('/api/auth/password-reset', { body: { email: email.trim() } });
    if (!response.ok) return setErrors(refusalOn('email', error, response.status));
    setSent(true);
  };

  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>Glemt adgangskode</h1>
        {sent ? (
          <SuccessAlert message="Hvis adressen hører til en bruger, har vi sendt en e-mail med et link til at vælge en ny adgangskode. Linket virker i en time." />
        ) : (
          <>
            <p>Skriv din e-mail, så sender vi dig et link til at vælge en ny adgangskode.</p>
            <ErrorSummary errors={asSummary(errors)} />
            <form onSubmit={submit} noValidate>
              <TextField id="email" label="E-mail" type="email" autoComplete="username" value={email} error={errors.email} onChange={(event) => setEmail(event.target.value)} />
              <button type="submit" className="button button-primary">
                Send link
              </button>
            </form>
          </>
        )}
        <p className="mt-5">
          <Link to="/log-ind">Tilbage til Log ind</Link>
        </p>
      </div>
    </div>
  );
}
