import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { ErrorSummary, SuccessAlert } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { asSummary, type FieldMessages, missingFields, refusalOn } from '../lib/form-errors';
import { useTitle } from '../lib/use-title';

/** "Skift adgangskode": the current password, then the new one twice. */
export function ChangePasswordPage() {
  useTitle('Skift adgangskode');
  const empty = { currentPassword: '', newPassword: '', repeat: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const problems = missingFields(values, {
      currentPassword: 'Skriv din nuværende adgangskode.',
      newPassword: 'Skriv en ny adgangskode.',
      repeat: 'Skriv den nye adgangskode igen.',
    });
    if (!problems.repeat && values.newPassword !== values.repeat) problems.repeat = 'De to nye adgangskoder er ikke ens.';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const { error, response } = await api.PUT('/api/auth/password', { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
    if (!response.ok) {
      const code = (error as { code?: string } | undefined)?.code;
      return setErrors(refusalOn(code === 'password_too_weak' ? 'newPassword' : 'currentPassword', error, response.status));
    }
    setValues(empty);
    setDone(true);
  };

  const field = (id: keyof typeof empty, label: string, autoComplete: string) => (
    <TextField id={id} label={label} type="password" autoComplete={autoComplete} value={values[id]} error={errors[id]} onChange={(event) => setValues({ ...values, [id]: event.target.value })} />
  );

  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>Skift adgangskode</h1>
        {done ? <SuccessAlert message="Din adgangskode er skiftet." /> : null}
        <ErrorSummary errors={asSummary(errors)} />
        <form onSubmit={submit} noValidate>
          {field('currentPassword', 'Nuværende adgangskode', 'current-password')}
          {field('newPassword', 'Ny adgangskode', 'new-password')}
          {field('repeat', 'Gentag ny adgangskode', 'new-password')}
          <button type="submit" className="button button-primary">
            Skift adgangskode
          </button>
        </form>
      </div>
    </div>
  );
}
