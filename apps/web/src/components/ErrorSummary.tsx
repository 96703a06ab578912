import { useEffect, useRef } from 'react';

export interface FieldError {
  /** The id of the field the message is about; the summary links to it. */
  field: string;
  message: string;
}

/**
 * Det Fælles Designsystem's error summary, shown above a refused form: it takes the focus so a screen reader reads
 * it at once, and each message links to its field.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" aria-labelledby="error-summary-heading" tabIndex={-1} ref={ref}>
      <div className="alert-body">
        <h2 className="alert-heading" id="error-summary-heading">
          Der er problemer
        </h2>
        <ul className="alert-text nobullet-list">
          {errors.map((error) => (
            <li key={`${error.field}:${error.message}`}>
              <a className="function-link" href={`#${error.field}`}>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** An alert for a refusal that is about no single field (or a page that could not be read). */
export function ErrorAlert({ message }: { message: string }) {
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <p className="alert-text">{message}</p>
      </div>
    </div>
  );
}

export function SuccessAlert({ message }: { message: string }) {
  return (
    <div className="alert alert-success" role="status">
      <div className="alert-body">
        <p className="alert-text">{message}</p>
      </div>
    </div>
  );
}
