import type { SelectHTMLAttributes } from 'react';
import { describedBy, FieldMessages } from './FieldMessages';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
  /** The first, empty choice ("Vælg ..."), when the field starts unchosen. */
  placeholder?: string;
}

/** A labelled select in Det Fælles Designsystem's form group, its error tied to it as TextField ties its own. */
export function SelectField({ id, label, error, hint, options, placeholder, ...select }: SelectFieldProps) {
  const described = describedBy(id, hint, error);
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select id={id} className="form-select" aria-describedby={described} aria-invalid={error ? true : undefined} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
