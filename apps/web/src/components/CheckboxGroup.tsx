import { describedBy, FieldMessages } from './FieldMessages';

/** A group of checkboxes in Det Fælles Designsystem's form group: a legend, one box per choice, an error for the group. */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  options,
  values,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: string }[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const described = describedBy(id, hint, error);
  const toggle = (value: string, checked: boolean) => onChange(checked ? [...values, value] : values.filter((candidate) => candidate !== value));
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset id={id} tabIndex={-1} aria-describedby={described}>
        <legend className="form-label">{legend}</legend>
        <FieldMessages id={id} hint={hint} error={error} />
        <ul className="nobullet-list">
          {options.map((option) => (
            <li key={option.value}>
              <input
                id={`${id}-${option.value}`}
                type="checkbox"
                className="form-checkbox"
                checked={values.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
}
