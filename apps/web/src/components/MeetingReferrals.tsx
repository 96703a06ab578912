import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { runningDateTime } from '@app/domain/danish-dates';
import { api } from '../api/client';
import { allPages } from '../api/pages';
import type { components } from '../api/schema';
import type { FieldMessages } from '../lib/form-errors';
import { REFERRAL_STATE_NAMES } from '../lib/meeting-words';
import type { useAttempt } from '../lib/use-attempt';
import { ErrorAlert } from './ErrorSummary';
import { Loading } from './Loading';
import { TextField } from './TextField';

type Referral = components['schemas']['AgendaItemReferralDto'];
type Commission = components['schemas']['CommissionDto'];
type Attempt = ReturnType<typeof useAttempt>['attempt'];

type PageAnswer<T> = { data?: { items: T[]; nextCursor: string | null }; response: Response };

/**
 * Every page of a list only the meeting's committee's secretary may read; null for anyone else. Under the meeting's
 * key, so every refresh of the meeting reads it again too.
 */
function useSecretaryList<T>(meetingId: string, list: 'referrals' | 'commissions', read: (cursor: string | undefined) => Promise<PageAnswer<T>>) {
  return useQuery({
    queryKey: ['meeting', meetingId, list],
    queryFn: async (): Promise<T[] | null> => {
      let forbidden = false;
      const items = await allPages(async (cursor) => {
        const { data, response } = await read(cursor);
        if (response.status === 403) {
          forbidden = true;
          return { items: [], nextCursor: null };
        }
        if (!data) throw new Error(`GET /api/meetings/${meetingId}/${list} answered ${response.status}`);
        return data;
      });
      return forbidden ? null : items;
    },
  });
}

/** The cases referred to the meeting. */
function useReferralsTo(meetingId: string) {
  return useSecretaryList<Referral>(meetingId, 'referrals', (cursor) => api.GET('/api/meetings/{meetingId}/referrals', { params: { path: { meetingId }, query: { cursor, limit: 500 } } }));
}

/** Kommissorier approved by a director that wait for this meeting's committee to adopt them, with no meeting on their way yet. */
function useCommissionsWaiting(meetingId: string) {
  return useSecretaryList<Commission>(meetingId, 'commissions', (cursor) => api.GET('/api/meetings/{meetingId}/commissions', { params: { path: { meetingId }, query: { cursor, limit: 500 } } }));
}

interface MeetingReferralsProps {
  meetingId: string;
  /** The agenda's items, to say which number an accepted case got. */
  items: readonly { id: string; number: number }[];
  /** Whether the agenda can still take a case (the meeting is planned or its agenda sent, not yet held). */
  agendaOpen: boolean;
  errors: FieldMessages;
  setErrors: (errors: FieldMessages) => void;
  attempt: Attempt;
  /** A case is on the agenda now: the page reads the meeting again and says so. */
  onAccepted: (message: string) => Promise<void>;
  onDeclined: (message: string) => Promise<void>;
}

/**
 * "Oversendte sager": the cases other committees have referred to this meeting, and the kommissorier waiting for the
 * committee to adopt them ("Sæt på dagsordenen" adds the item "Godkendelse af kommissorium for …"). A pending case goes on the agenda
 * with "Sæt på dagsordenen" or is declined with "Afvis" and a reason, which the referring committee reads.
 */
export function MeetingReferrals({ meetingId, items, agendaOpen, errors, setErrors, attempt, onAccepted, onDeclined }: MeetingReferralsProps) {
  const referrals = useReferralsTo(meetingId);
  const commissions = useCommissionsWaiting(meetingId);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  if (referrals.data === null) return null;
  const putOnAgenda = async (commission: Commission) => {
    const ok = await attempt(`saet-kommissorium-${commission.id}`, () =>
      api.POST('/api/meetings/{meetingId}/commissions/{id}', { params: { path: { meetingId, id: commission.id } } }),
    );
    if (ok) await onAccepted(`Kommissoriet "${commission.title}" er sat sidst på dagsordenen til vedtagelse.`);
  };

  const accept = async (referral: Referral) => {
    const ok = await attempt(`saet-${referral.id}`, () =>
      api.POST('/api/meetings/{meetingId}/referrals/{referralId}/accept', { params: { path: { meetingId, referralId: referral.id } } }),
    );
    if (ok) await onAccepted(`Sagen "${referral.title}" er sat sidst på dagsordenen.`);
  };
  const decline = async (referral: Referral) => {
    const field = `afvis-${referral.id}`;
    const reason = reasons[referral.id]?.trim() ?? '';
    if (!reason) return setErrors({ [field]: `Skriv, hvorfor sagen afvises. ${referral.fromCommitteeName} ser begrundelsen.` });
    const ok = await attempt({ byApiField: { reason: field }, fallback: field }, () =>
      api.POST('/api/meetings/{meetingId}/referrals/{referralId}/decline', { params: { path: { meetingId, referralId: referral.id } }, body: { reason } }),
    );
    if (ok) await onDeclined(`Sagen "${referral.title}" er afvist. ${referral.fromCommitteeName} kan se begrundelsen.`);
  };
  const numberOf = (itemId: string | null) => items.find((item) => item.id === itemId)?.number;

  return (
    <section aria-labelledby="oversendte-sager">
      <h2 id="oversendte-sager">Oversendte sager</h2>
      <p className="form-hint">Sager, som andre udvalg har oversendt til mødet. En sag kommer først på dagsordenen, når du sætter den på.</p>
      {referrals.isPending ? <Loading /> : null}
      {referrals.isError ? <ErrorAlert message="De oversendte sager kunne ikke hentes. Prøv igen om lidt." /> : null}
      {commissions.data && commissions.data.length > 0 ? (
        <ul className="unstyled-list" aria-label="Kommissorier til vedtagelse">
          {commissions.data.map((commission) => (
            <li key={commission.id} className="builder-item">
              <section aria-labelledby={`kommissorium-${commission.id}`}>
                <h3 id={`kommissorium-${commission.id}`}>Kommissorium: {commission.title}</h3>
                <p>
                  Version {commission.version}, godkendt af direktionen{commission.approved ? ` ${runningDateTime(commission.approved.at)}` : ''}. Afventer udvalgets vedtagelse; det kom ikke på et møde, fordi intet
                  var planlagt.
                </p>
                {agendaOpen ? (
                  <p>
                    <button type="button" id={`saet-kommissorium-${commission.id}`} className="button button-primary" onClick={() => void putOnAgenda(commission)}>
                      Sæt på dagsordenen<span className="sr-only">: {commission.title}</span>
                    </button>
                  </p>
                ) : null}
                {errors[`saet-kommissorium-${commission.id}`] ? <p className="form-error-message">{errors[`saet-kommissorium-${commission.id}`]}</p> : null}
              </section>
            </li>
          ))}
        </ul>
      ) : null}
      {referrals.data && referrals.data.length === 0 && commissions.data?.length === 0 ? <p>Ingen sager er oversendt til mødet.</p> : null}
      {referrals.data && referrals.data.length > 0 ? (
        <ul className="unstyled-list" aria-label="Sager oversendt til mødet">
          {referrals.data.map((referral) => {
            const number = numberOf(referral.acceptedItemId);
            return (
              <li key={referral.id} className="builder-item">
                <section aria-labelledby={`oversendt-${referral.id}`}>
                  <h3 id={`oversendt-${referral.id}`}>{referral.title}</h3>
                  <p className="agenda-item-meta">
                    <span className="badge">{REFERRAL_STATE_NAMES[referral.state] ?? referral.state}</span>
                    {referral.closed ? (
                      <>
                        {' '}
                        <span className="badge">Lukket punkt</span>
                      </>
                    ) : null}
                    {referral.caseNumber ? ` · Sagsnummer ${referral.caseNumber}` : null}
                  </p>
                  <p>
                    Oversendt fra {referral.fromCommitteeName}
                    {referral.fromMeetingTitle && referral.fromMeetingTitle !== referral.fromCommitteeName ? ` (${referral.fromMeetingTitle})` : ''}, mødet {runningDateTime(referral.fromMeetingStartsAt)}.
                  </p>
                  {referral.fromDecision ? (
                    <p>
                      <strong>Beslutning i {referral.fromCommitteeName}:</strong> {referral.fromDecision}
                    </p>
                  ) : null}
                  {referral.state === 'accepted' ? <p>{number ? `Sagen er punkt ${number} på dagsordenen.` : 'Sagen er sat på dagsordenen.'}</p> : null}
                  {referral.state === 'declined' ? (
                    <p>
                      <strong>Begrundelse for afvisningen:</strong> {referral.declineReason}
                    </p>
                  ) : null}
                  {referral.state === 'proposed' ? (
                    <>
                      {agendaOpen ? (
                        <p>
                          <button type="button" id={`saet-${referral.id}`} className="button button-primary" onClick={() => void accept(referral)}>
                            Sæt på dagsordenen<span className="sr-only">: {referral.title}</span>
                          </button>
                        </p>
                      ) : null}
                      {errors[`saet-${referral.id}`] ? <p className="form-error-message">{errors[`saet-${referral.id}`]}</p> : null}
                      <TextField
                        id={`afvis-${referral.id}`}
                        label="Begrundelse for afvisning"
                        hint={`${referral.fromCommitteeName} ser begrundelsen og kan oversende sagen til et andet møde.`}
                        multiline
                        value={reasons[referral.id] ?? ''}
                        error={errors[`afvis-${referral.id}`]}
                        onChange={(event) => setReasons((current) => ({ ...current, [referral.id]: event.target.value }))}
                      />
                      <p>
                        <button type="button" className="button button-secondary" onClick={() => void decline(referral)}>
                          Afvis<span className="sr-only">: {referral.title}</span>
                        </button>
                      </p>
                    </>
                  ) : null}
                </section>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
