import type { InputHTMLAttributes } from 'react';
import { describedBy, FieldMessages } from './FieldMessages';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  multiline?: boolean;
}

/** A labelled field in Det Fælles Designsystem's form group, with its error message tied to it for screen readers. */
export function TextField({ id, label, error, hint, multiline, ...input }: TextFieldProps) {
  const described = describedBy(id, hint, error);
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {multiline ? (
        <textarea
          id={id}
          name={input.name}
          className="form-input"
          rows={5}
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
          value={input.value as string}
          required={input.required}
          onChange={input.onChange as never}
        />
      ) : (
        <input id={id} className="form-input" aria-describedby={described} aria-invalid={error ? true : undefined} {...input} />
      )}
    </div>
  );
}
