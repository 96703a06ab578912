import { useState } from 'react';

/** One finding of the privacy check, as a 409 `personal_data_found` lists it in `details.findings`. */
export interface PersonalDataFinding {
  kind: 'cpr' | 'email' | 'phone';
  masked: string;
  fingerprint: string;
  where: { itemId: string | null; itemNumber: number | null; itemTitle: string | null; field: string; offset: number };
}

const KINDS: Record<PersonalDataFinding['kind'], string> = { cpr: 'CPR-nummer', email: 'E-mailadresse', phone: 'Telefonnummer' };

const FIELDS: Record<string, string> = {
  title: 'titel',
  location: 'mødested',
  caseNumber: 'sagsnummer',
  summary: 'resume',
  recommendation: 'indstilling',
  presentation: 'sagsfremstilling',
  decision: 'beslutning',
  attachments: 'bilagsnavn',
  dissents: 'afvigende mening',
  disqualifications: 'inhabilitet',
  earlierDecisions: 'tidligere beslutning',
};

/** The findings of a refusal when it is the privacy check's; null for any other answer. */
export function personalDataFindings(error: unknown): PersonalDataFinding[] | null {
  const body = error as { code?: unknown; details?: { findings?: unknown } } | null | undefined;
  if (body?.code !== 'personal_data_found' || !Array.isArray(body.details?.findings)) return null;
  return body.details.findings as PersonalDataFinding[];
}

/** Where the finding is, in the secretary's words: the field, on the meeting or on its item. */
export function findingPlace({ where }: PersonalDataFinding): string {
  const field = FIELDS[where.field.replace(/\[.*$/, '')] ?? where.field;
  return where.itemNumber === null ? `mødets ${field}` : `punkt ${where.itemNumber}${where.itemTitle ? ` "${where.itemTitle}"` : ''}, ${field}`;
}

/**
 * The privacy check's findings of one publishing button, and the fingerprints the secretary has confirmed: `read`
 * takes each answer (keeping the confirmations of findings still there), `confirmPublic` goes into the retry.
 */
export function usePersonalDataConfirmations() {
  const [findings, setFindings] = useState<PersonalDataFinding[]>([]);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const read = <R extends { error?: unknown; response: Response }>(result: R): R => {
    const found = result.response.ok ? [] : (personalDataFindings(result.error) ?? []);
    setFindings(found);
    setConfirmed((before) => new Set(found.map((finding) => finding.fingerprint).filter((fingerprint) => before.has(fingerprint))));
    return result;
  };
  const toggle = (fingerprint: string, on: boolean) =>
    setConfirmed((before) => {
      const after = new Set(before);
      if (on) after.add(fingerprint);
      else after.delete(fingerprint);
      return after;
    });
  return { findings, confirmed, read, toggle, confirmPublic: [...confirmed] };
}

/**
 * The privacy check's refusal as a DKFDS error alert: each CPR number, e-mail address or phone number found, masked,
 * and where; the secretary corrects the text, or confirms each finding meant to be public and tries again.
 */
export function PersonalDataFindings({
  id,
  findings,
  confirmed,
  onToggle,
  onRetry,
  retryLabel,
}: {
  id: string;
  findings: readonly PersonalDataFinding[];
  confirmed: ReadonlySet<string>;
  onToggle: (fingerprint: string, on: boolean) => void;
  onRetry: () => void;
  retryLabel: string;
}) {
  if (findings.length === 0) return null;
  const allConfirmed = findings.every((finding) => confirmed.has(finding.fingerprint));
  return (
    <div className="alert alert-error" role="alert" aria-labelledby={`${id}-overskrift`}>
      <div className="alert-body">
        <h3 className="alert-heading" id={`${id}-overskrift`}>
          Personoplysninger i den offentlige tekst
        </h3>
        <p className="alert-text">
          Teksten, der bliver offentlig, indeholder oplysninger, som normalt ikke må offentliggøres. Ret teksten, eller bekræft for hvert fund, at det skal offentliggøres.
        </p>
        <ul className="nobullet-list">
          {findings.map((finding, index) => (
            <li key={`${finding.fingerprint}-${index}`}>
              <div className="form-group-checkbox">
                <input
                  type="checkbox"
                  className="form-checkbox"
                  id={`${id}-fund-${index}`}
                  checked={confirmed.has(finding.fingerprint)}
                  onChange={(event) => onToggle(finding.fingerprint, event.target.checked)}
                />
                <label className="form-label" htmlFor={`${id}-fund-${index}`}>
                  {KINDS[finding.kind]} {finding.masked} i {findingPlace(finding)}. Bekræft, at det skal offentliggøres
                </label>
              </div>
            </li>
          ))}
        </ul>
        <button type="button" className="button button-secondary" id={`${id}-igen`} disabled={!allConfirmed} onClick={onRetry}>
          {retryLabel}
        </button>
      </div>
    </div>
  );
}
