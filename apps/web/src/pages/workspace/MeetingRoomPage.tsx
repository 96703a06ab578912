import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { runningDateTime } from '@app/domain/danish-dates';
import { api } from '../../api/client';
import { meetingName, useMeeting } from '../../api/meetings';
import { allPages } from '../../api/pages';
import type { components } from '../../api/schema';
import { ErrorSummary, SuccessAlert } from '../../components/ErrorSummary';
import { MeetingStatus } from '../../components/MeetingStatus';
import { SecretaryMeetingHeader } from '../../components/SecretaryTabs';
import { TextField } from '../../components/TextField';
import { asSummary } from '../../lib/form-errors';
import { attendeeRole, ITEM_STATE_NAMES, MEETING_STATE_NAMES, quorumText } from '../../lib/meeting-words';
import { MeetingSubstitutes } from '../../components/MeetingSubstitutes';
import { useAttempt } from '../../lib/use-attempt';
import { useTitle } from '../../lib/use-title';

type Item = components['schemas']['AgendaItemDto'];
type Attendance = components['schemas']['AttendanceDto'];
type Status = NonNullable<Attendance['status']>;

const STATUSES: [Status, string][] = [
  ['present', 'Til stede'],
  ['absent', 'Afbud'],
  ['virtual', 'Virtuelt'],
];
const NOTE_KINDS = [
  ['dissent', 'Afvigende mening'],
  ['disqualification', 'Inhabilitet'],
] as const;
type Outcome = NonNullable<Item['decisionOutcome']>;

/** How the decision on a proposed item (the council's item on a kommissorium) came out. */
const OUTCOMES: readonly [Outcome, string][] = [
  ['approved', 'Godkendt'],
  ['not-approved', 'Ikke godkendt'],
];

type Vote = Item['votes'][number]['vote'];
const VOTE_CHOICES: [Vote, string][] = [
  ['for', 'For'],
  ['against', 'Imod'],
  ['abstain', 'Undlod'],
];

/**
 * "Mødet" (under mødet): the attendance of each member (Til stede, Afbud, Virtuelt til kl.), "Hold møde", then per
 * item its Beslutning and "Besluttet", "Udsat" or "Oversend" (to a meeting of a committee the case may go to),
 * notes of afvigende mening and inhabilitet, "Afstemning" (For, Imod, Undlod per member, "Gem afstemning"), and "Afslut møde" once every item has its outcome.
 */
export function MeetingRoomPage() {
  const { meetingId = '' } = useParams();
  const meeting = useMeeting(meetingId);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['meeting', meetingId] });
  const { errors, setErrors, done, attempt, succeed } = useAttempt(refresh);
  const [attendance, setAttendance] = useState<Record<string, { status: Status | ''; until: string }>>({});
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [referTo, setReferTo] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, { personId: string; kind: string; text: string }>>({});
  const [votes, setVotes] = useState<Record<string, Record<string, Vote | ''>>>({});
  const firstItemId = meeting.data?.items[0]?.id;
  const targets = useQuery({
    queryKey: ['referral-targets', meetingId],
    enabled: meeting.data?.state === 'held' && Boolean(firstItemId),
    queryFn: () =>
      allPages(async (cursor) => {
        const { data } = await api.GET('/api/items/{id}/referral-targets', { params: { path: { id: firstItemId! }, query: { limit: 100, ...(cursor ? { cursor } : {}) } } });
        return data ?? { items: [], nextCursor: null };
      }),
  });

  useTitle(meeting.data ? `Mødet: ${meetingName(meeting.data)}` : 'Mødet');
  if (!meeting.data) return <MeetingStatus meeting={meeting} />;
  const data = meeting.data;
  const held = data.state === 'held';


  const attendanceOf = (person: Attendance) => attendance[person.personId] ?? { status: person.status ?? '', until: person.until ?? '' };
  const saveAttendance = async (person: Attendance) => {
    const { status, until } = attendanceOf(person);
    const field = `fremmoede-${person.personId}-present`;
    if (!status) return setErrors({ [field]: `Vælg, om ${person.name} er til stede, har meldt afbud eller deltager virtuelt.` });
    const ok = await attempt({ byCode: { until_only_for_virtual: `til-${person.personId}` }, byApiField: { until: `til-${person.personId}` }, fallback: field }, () =>
      api.PUT('/api/meetings/{id}/attendance/{personId}', { params: { path: { id: meetingId, personId: person.personId } }, body: { status, ...(status === 'virtual' && until ? { until } : {}) } }),
    );
    if (ok) await succeed(`Fremmødet for ${person.name} er gemt.`);
  };

  const hold = async () => {
    if (new Date(data.startsAt) > new Date()) return setErrors({ 'hold-moede': `Mødet kan holdes, når det er begyndt: ${runningDateTime(data.startsAt)}.` });
    const ok = await attempt('hold-moede', () => api.POST('/api/meetings/{id}/transitions', { params: { path: { id: meetingId } }, body: { event: 'hold' } }));
    if (ok) await succeed('Mødet holdes nu. Skriv beslutningerne punkt for punkt.');
  };
  const close = async () => {
    const open = data.items.filter((item) => item.state === 'on-agenda');
    if (open.length > 0) return setErrors({ 'afslut-moede': `Disse punkter mangler et udfald: ${open.map((item) => `${item.number}. ${item.title}`).join('; ')}.` });
    const ok = await attempt('afslut-moede', () => api.POST('/api/meetings/{id}/transitions', { params: { path: { id: meetingId } }, body: { event: 'close' } }));
    if (ok) await succeed('Mødet er afsluttet. Nu kan referatet dannes.');
  };

  const decisionOf = (item: Item) => decisions[item.id] ?? item.decision ?? '';
  const outcomeOf = (item: Item): Outcome | null => outcomes[item.id] ?? item.decisionOutcome;
  /** Saves the Beslutning as written, and a proposed item's Godkendt or Ikke godkendt, when they differ from what is stored. */
  const saveDecision = async (item: Item): Promise<boolean> => {
    const text = decisionOf(item).trim();
    const outcome = item.originKind && outcomeOf(item) !== item.decisionOutcome ? { decisionOutcome: outcomeOf(item) } : {};
    if (text === (item.decision ?? '') && !('decisionOutcome' in outcome)) return true;
    return attempt(`beslutning-${item.id}`, () => api.PATCH('/api/items/{id}', { params: { path: { id: item.id } }, body: { decision: text || null, ...outcome, rowVersion: item.rowVersion } }));
  };
  const fire = async (item: Item, event: 'decide' | 'postpone' | 'refer', message: string, extra: { referToMeetingId?: string } = {}) => {
    if (!(await saveDecision(item))) return;
    const ok = await attempt(`${event}-${item.id}`, () => api.POST('/api/items/{id}/transitions', { params: { path: { id: item.id } }, body: { event, ...extra } }));
    if (ok) await succeed(message);
    else await refresh();
  };
  const decide = (item: Item) => {
    if (!decisionOf(item).trim()) return setErrors({ [`beslutning-${item.id}`]: 'Skriv beslutningen, før punktet markeres som besluttet.' });
    if (item.originKind && !outcomeOf(item)) return setErrors({ [`udfald-${item.id}`]: 'Vælg, om kommissoriet er godkendt eller ikke godkendt.' });
    return fire(item, 'decide', `Punkt ${item.number} er besluttet.`);
  };
  const refer = (item: Item) => {
    const target = referTo[item.id];
    if (!target) return setErrors({ [`oversend-til-${item.id}`]: 'Vælg det møde, sagen oversendes til.' });
    const name = targets.data?.find((candidate) => candidate.id === target);
    return fire(item, 'refer', `Punkt ${item.number} er oversendt${name ? ` til ${name.committeeName}` : ''}.`, { referToMeetingId: target });
  };
  const correctDecision = async (item: Item) => {
    if (await saveDecision(item)) await succeed(`Beslutningen på punkt ${item.number} er rettet.`);
  };

  const noteOf = (item: Item) => notes[item.id] ?? { personId: '', kind: 'dissent', text: '' };
  const addNote = async (item: Item) => {
    const note = noteOf(item);
    if (!note.personId) return setErrors({ [`note-person-${item.id}`]: 'Vælg medlemmet, noten handler om.' });
    const ok = await attempt({ byApiField: { text: `note-tekst-${item.id}` }, fallback: `note-person-${item.id}` }, () =>
      api.POST('/api/items/{id}/notes', { params: { path: { id: item.id } }, body: { personId: note.personId, kind: note.kind as 'dissent' | 'disqualification', ...(note.text.trim() ? { text: note.text.trim() } : {}) } }),
    );
    if (ok) {
      setNotes((current) => ({ ...current, [item.id]: { personId: '', kind: note.kind, text: '' } }));
      await succeed(`${note.kind === 'dissent' ? 'Den afvigende mening' : 'Inhabiliteten'} er ført til referat på punkt ${item.number}.`);
    }
  };
  const seated = data.attendance.filter((person) => person.roles.length > 0);
  // Those who may vote: who took part, not only serving the committee (the secretary, the administration).
  const voters = data.attendance.filter((person) => person.status !== 'absent' && (person.roles.length === 0 || person.roles.some((role) => !['secretary', 'administration'].includes(role))));
  const votesOf = (item: Item): Record<string, Vote | ''> => votes[item.id] ?? Object.fromEntries(item.votes.map((v) => [v.personId, v.vote]));
  const saveVotes = async (item: Item) => {
    const cast = Object.entries(votesOf(item)).flatMap(([personId, vote]) => (vote ? [{ personId, vote }] : []));
    const ok = await attempt(`afstemning-${item.id}`, () => api.PUT('/api/items/{id}/votes', { params: { path: { id: item.id } }, body: { votes: cast } }));
    if (ok) {
      setVotes((current) => Object.fromEntries(Object.entries(current).filter(([id]) => id !== item.id)));
      await succeed(`Afstemningen på punkt ${item.number} er gemt.`);
    }
  };

  return (
    <>
      <SecretaryMeetingHeader section="Mødet" meeting={data} />
      <p>
        <span className="badge">{MEETING_STATE_NAMES[data.state] ?? data.state}</span>
      </p>
      <div aria-live="polite">{done ? <SuccessAlert message={done} /> : null}</div>
      <ErrorSummary errors={asSummary(errors)} />

      <section aria-labelledby="fremmoede">
        <h2 id="fremmoede">Fremmøde</h2>
        {data.attendance.length === 0 ? <p>Udvalget har ingen medlemmer på mødedagen.</p> : null}
        {data.attendance.map((person) => {
          const value = attendanceOf(person);
          const field = `fremmoede-${person.personId}`;
          return (
            <div key={person.personId} className="builder-item">
              <fieldset>
                <legend className="form-label">
                  {person.name}
                  {person.party ? ` (${person.party})` : ''} – {attendeeRole(person)}
                </legend>
                {errors[`${field}-present`] ? <span className="form-error-message">{errors[`${field}-present`]}</span> : null}
                {STATUSES.map(([status, label]) => (
                  <div className="form-group-radio" key={status}>
                    <input
                      id={`${field}-${status}`}
                      type="radio"
                      className="form-radio"
                      name={field}
                      checked={value.status === status}
                      onChange={() => setAttendance((current) => ({ ...current, [person.personId]: { ...value, status } }))}
                    />
                    <label htmlFor={`${field}-${status}`}>{label}</label>
                  </div>
                ))}
                {value.status === 'virtual' ? (
                  <TextField
                    id={`til-${person.personId}`}
                    label="Virtuelt til kl."
                    hint="Kan udelades, hvis deltageren er med hele mødet"
                    type="time"
                    value={value.until}
                    error={errors[`til-${person.personId}`]}
                    onChange={(event) => setAttendance((current) => ({ ...current, [person.personId]: { ...value, until: event.target.value } }))}
                  />
                ) : null}
              </fieldset>
              <button type="button" className="button button-secondary" onClick={() => void saveAttendance(person)}>
                Gem fremmøde<span className="sr-only"> for {person.name}</span>
              </button>
            </div>
          );
        })}
      </section>

      {data.state === 'planned' || data.state === 'published' ? <MeetingSubstitutes meetingId={meetingId} absentIds={data.attendance.filter((person) => person.status === 'absent').map((person) => person.personId)} onChanged={refresh} /> : null}

      {data.state === 'published' ? (
        <section aria-labelledby="hold-overskrift">
          <h2 id="hold-overskrift">Hold møde</h2>
          <p>Når mødet er begyndt, holdes det her. Derefter kan beslutningerne skrives.</p>
          {errors['hold-moede'] ? (
            <p className="form-error-message" id="hold-moede-fejl">
              {errors['hold-moede']}
            </p>
          ) : null}
          <button type="button" id="hold-moede" className="button button-primary" aria-describedby={errors['hold-moede'] ? 'hold-moede-fejl' : undefined} onClick={() => void hold()}>
            Hold møde
          </button>
        </section>
      ) : null}
      {data.state === 'planned' ? <p>Dagsordenen er ikke udsendt endnu. Mødet kan holdes, når dagsordenen er udsendt.</p> : null}

      <section aria-labelledby="punkter">
        <h2 id="punkter">Dagsordenens punkter</h2>
        {data.items.map((item) => {
          const noteValue = noteOf(item);
          const setNote = (change: Partial<typeof noteValue>) => setNotes((current) => ({ ...current, [item.id]: { ...noteValue, ...change } }));
          const decisionOpen = held && (item.state === 'on-agenda' || item.state === 'decided');
          return (
            <section key={item.id} className="builder-item" aria-labelledby={`overskrift-${item.id}`}>
              <h3 id={`overskrift-${item.id}`}>
                Punkt {item.number}: {item.title}
              </h3>
              <p className="agenda-item-meta">
                <span className="badge">{ITEM_STATE_NAMES[item.state] ?? item.state}</span>
                {item.closed ? (
                  <>
                    {' '}
                    <span className="badge">Lukket punkt</span>
                  </>
                ) : null}
                {item.caseNumber ? ` · Sagsnummer ${item.caseNumber}` : null}
                {item.quorum ? ` · ${quorumText(item.quorum)}` : null}
              </p>
              {item.recommendation ? (
                <p>
                  <strong>Indstilling:</strong> <span className="prewrap">{item.recommendation}</span>
                </p>
              ) : null}
              {item.originKind === 'commission' && item.originId ? (
                <p>
                  <Link to={`/kommissorier/${item.originId}`}>Kommissoriet</Link>: beslutningen vedtager det, eller sender det tilbage til udvalgets sekretariat.
                </p>
              ) : null}
              {item.originKind && held && item.state === 'on-agenda' ? (
                <div className={`form-group${errors[`udfald-${item.id}`] ? ' form-error' : ''}`}>
                  <fieldset id={`udfald-${item.id}`} tabIndex={-1} aria-describedby={errors[`udfald-${item.id}`] ? `udfald-${item.id}-error` : undefined}>
                    <legend className="form-label">Udfald, punkt {item.number}</legend>
                    {errors[`udfald-${item.id}`] ? (
                      <span className="form-error-message" id={`udfald-${item.id}-error`}>
                        {errors[`udfald-${item.id}`]}
                      </span>
                    ) : null}
                    {OUTCOMES.map(([outcome, label]) => (
                      <div className="form-group-radio" key={outcome}>
                        <input
                          id={`udfald-${outcome}-${item.id}`}
                          type="radio"
                          className="form-radio"
                          name={`udfald-${item.id}`}
                          checked={outcomeOf(item) === outcome}
                          onChange={() => setOutcomes((current) => ({ ...current, [item.id]: outcome }))}
                        />
                        <label htmlFor={`udfald-${outcome}-${item.id}`}>{label}</label>
                      </div>
                    ))}
                  </fieldset>
                </div>
              ) : item.decisionOutcome ? (
                <p>
                  <strong>Udfald:</strong> {OUTCOMES.find(([outcome]) => outcome === item.decisionOutcome)?.[1]}
                </p>
              ) : null}
              {decisionOpen ? (
                <TextField id={`beslutning-${item.id}`} label={`Beslutning, punkt ${item.number}`} multiline value={decisionOf(item)} error={errors[`beslutning-${item.id}`]} onChange={(event) => setDecisions((current) => ({ ...current, [item.id]: event.target.value }))} />
              ) : item.decision ? (
                <p>
                  <strong>Beslutning:</strong> <span className="prewrap">{item.decision}</span>
                </p>
              ) : null}
              {held && item.state === 'on-agenda' ? (
                <>
                  <div className="action-row">
                    <button type="button" id={`decide-${item.id}`} className="button button-primary" onClick={() => void decide(item)}>
                      Besluttet<span className="sr-only">: punkt {item.number}</span>
                    </button>
                    <button type="button" id={`postpone-${item.id}`} className="button button-secondary" onClick={() => void fire(item, 'postpone', `Punkt ${item.number} er udsat.`)}>
                      Udsat<span className="sr-only">: punkt {item.number}</span>
                    </button>
                  </div>
                  {[`decide-${item.id}`, `postpone-${item.id}`].map((field) => (errors[field] ? <p key={field} className="form-error-message">{errors[field]}</p> : null))}
                  <div className={`form-group${errors[`oversend-til-${item.id}`] || errors[`refer-${item.id}`] ? ' form-error' : ''}`}>
                    <label className="form-label" htmlFor={`oversend-til-${item.id}`}>
                      Oversend til møde, punkt {item.number}
                    </label>
                    {errors[`oversend-til-${item.id}`] || errors[`refer-${item.id}`] ? (
                      <span className="form-error-message" id={`oversend-til-${item.id}-error`}>
                        {errors[`oversend-til-${item.id}`] ?? errors[`refer-${item.id}`]}
                      </span>
                    ) : null}
                    <select
                      id={`oversend-til-${item.id}`}
                      className="form-select"
                      value={referTo[item.id] ?? ''}
                      aria-describedby={errors[`oversend-til-${item.id}`] || errors[`refer-${item.id}`] ? `oversend-til-${item.id}-error` : undefined}
                      onChange={(event) => setReferTo((current) => ({ ...current, [item.id]: event.target.value }))}
                    >
                      <option value="">{targets.data?.length === 0 ? 'Ingen kommende møder, sagen kan gå til' : 'Vælg møde'}</option>
                      {(targets.data ?? []).map((target) => (
                        <option key={target.id} value={target.id}>
                          {target.committeeName}: {runningDateTime(target.startsAt)}
                          {target.title && target.title !== target.committeeName ? ` (${target.title})` : ''}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="button" id={`refer-${item.id}`} className="button button-secondary" onClick={() => void refer(item)}>
                    Oversend<span className="sr-only">: punkt {item.number}</span>
                  </button>
                </>
              ) : null}
              {held && item.state === 'decided' ? (
                <button type="button" className="button button-secondary" onClick={() => void correctDecision(item)}>
                  Gem rettet beslutning<span className="sr-only">: punkt {item.number}</span>
                </button>
              ) : null}

              {item.dissents.length + item.disqualifications.length > 0 ? (
                <ul aria-label={`Noter til punkt ${item.number}`}>
                  {item.dissents.map((note) => (
                    <li key={note.id}>
                      Afvigende mening: {note.personName}
                      {note.text ? ` – ${note.text}` : ''}
                    </li>
                  ))}
                  {item.disqualifications.map((note) => (
                    <li key={note.id}>
                      Inhabilitet: {note.personName}
                      {note.text ? ` – ${note.text}` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
              {held && (item.state === 'on-agenda' || item.state === 'decided') ? (
                <details>
                  <summary>Afstemning, punkt {item.number}</summary>
                  {errors[`afstemning-${item.id}`] ? (
                    <p className="form-error-message" id={`afstemning-${item.id}-fejl`}>
                      {errors[`afstemning-${item.id}`]}
                    </p>
                  ) : null}
                  {voters.map((person) => (
                    <fieldset key={person.personId}>
                      <legend className="form-label">
                        {person.name}
                        {person.party ? ` (${person.party})` : ''}
                      </legend>
                      {VOTE_CHOICES.map(([vote, label]) => (
                        <div className="form-group-radio" key={vote}>
                          <input
                            id={`stemme-${item.id}-${person.personId}-${vote}`}
                            type="radio"
                            className="form-radio"
                            name={`stemme-${item.id}-${person.personId}`}
                            checked={votesOf(item)[person.personId] === vote}
                            onChange={() => setVotes((current) => ({ ...current, [item.id]: { ...votesOf(item), [person.personId]: vote } }))}
                          />
                          <label htmlFor={`stemme-${item.id}-${person.personId}-${vote}`}>{label}</label>
                        </div>
                      ))}
                    </fieldset>
                  ))}
                  <button type="button" id={`afstemning-${item.id}`} className="button button-secondary" onClick={() => void saveVotes(item)}>
                    Gem afstemning<span className="sr-only">: punkt {item.number}</span>
                  </button>
                </details>
              ) : null}
              {item.votes.length > 0 ? (
                <ul aria-label={`Afstemning på punkt ${item.number}`}>
                  {VOTE_CHOICES.map(([vote, label]) => {
                    const names = item.votes.filter((v) => v.vote === vote).map((v) => v.personName);
                    return names.length ? <li key={vote}>{`${label}: ${names.join(', ')}`}</li> : null;
                  })}
                </ul>
              ) : null}
              {held ? (
                <details>
                  <summary>Afvigende mening eller inhabilitet, punkt {item.number}</summary>
                  <div className={`form-group${errors[`note-person-${item.id}`] ? ' form-error' : ''}`}>
                    <label className="form-label" htmlFor={`note-person-${item.id}`}>
                      Medlem
                    </label>
                    {errors[`note-person-${item.id}`] ? (
                      <span className="form-error-message" id={`note-person-${item.id}-error`}>
                        {errors[`note-person-${item.id}`]}
                      </span>
                    ) : null}
                    <select id={`note-person-${item.id}`} className="form-select" value={noteValue.personId} aria-describedby={errors[`note-person-${item.id}`] ? `note-person-${item.id}-error` : undefined} onChange={(event) => setNote({ personId: event.target.value })}>
                      <option value="">Vælg medlem</option>
                      {seated.map((person) => (
                        <option key={person.personId} value={person.personId}>
                          {person.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <fieldset>
                    <legend className="form-label">Slags note</legend>
                    {NOTE_KINDS.map(([kind, label]) => (
                      <div className="form-group-radio" key={kind}>
                        <input id={`note-${kind}-${item.id}`} type="radio" className="form-radio" name={`note-kind-${item.id}`} checked={noteValue.kind === kind} onChange={() => setNote({ kind })} />
                        <label htmlFor={`note-${kind}-${item.id}`}>{label}</label>
                      </div>
                    ))}
                  </fieldset>
                  <TextField id={`note-tekst-${item.id}`} label="Tekst til referatet" multiline value={noteValue.text} error={errors[`note-tekst-${item.id}`]} onChange={(event) => setNote({ text: event.target.value })} />
                  <button type="button" className="button button-secondary" onClick={() => void addNote(item)}>
                    Før note til referat<span className="sr-only">: punkt {item.number}</span>
                  </button>
                </details>
              ) : null}
            </section>
          );
        })}
      </section>

      {held ? (
        <section aria-labelledby="afslut-overskrift">
          <h2 id="afslut-overskrift">Afslut møde</h2>
          <p>Når hvert punkt er besluttet, udsat eller oversendt, afsluttes mødet.</p>
          {errors['afslut-moede'] ? (
            <p className="form-error-message" id="afslut-moede-fejl">
              {errors['afslut-moede']}
            </p>
          ) : null}
          <button type="button" id="afslut-moede" className="button button-primary" aria-describedby={errors['afslut-moede'] ? 'afslut-moede-fejl' : undefined} onClick={() => void close()}>
            Afslut møde
          </button>
        </section>
      ) : null}
    </>
  );
}
