import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { copenhagenDate, periodLabel, runningMeetingTime } from '@app/domain/danish-dates';
import { api } from '../../api/client';
import { answerOf } from '../../api/requests';
import { COMMITTEE_KINDS, type CommitteeDetail, isAdminOf, managesCommittee, SEAT_ROLES, type Seat, type SeatRole, useBodies, useCommittee } from '../../api/committees';
import { meetingName } from '../../api/meetings';
import { usePagedList } from '../../api/pages';
import { useSession } from '../../api/session';
import type { components } from '../../api/schema';
import { AimCheckboxes } from '../../components/AimCheckboxes';
import { CommissionNeedsCouncilField } from '../../components/CommissionNeedsCouncilField';
import { ErrorAlert, ErrorSummary, SuccessAlert } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { RecordStatus } from '../../components/MeetingStatus';
import { PersonPicker } from '../../components/PersonPicker';
import { SelectField } from '../../components/SelectField';
import { ShowMore } from '../../components/ShowMore';
import { TextField } from '../../components/TextField';
import { asSummary, type FieldMessages } from '../../lib/form-errors';
import { refusalOnFields } from '../../lib/form-errors';
import { useTitle } from '../../lib/use-title';

type MeetingSummary = components['schemas']['MeetingSummaryDto'];

const MEETING_STATES: Record<MeetingSummary['state'], string> = { planned: 'Planlagt', published: 'Dagsorden udsendt', held: 'Afholdt', closed: 'Afsluttet', cancelled: 'Aflyst' };

/**
 * The committee's page in the secretary's workspace: its mandate, "Medlemmer" (every seat, past and coming ones
 * too; the secretary adds a person with a role and period and ends a seat), the way to its kommissorium and
 * procesplan, and its meetings.
 */
export function CommitteePage() {
  const { committeeId = '' } = useParams();
  const committee = useCommittee(committeeId);
  const person = useSession().data?.person;
  const bodies = useBodies();

  useTitle(committee.data ? committee.data.name : committee.data === null ? 'Udvalget findes ikke' : 'Udvalg');
  if (!committee.data) return <RecordStatus read={committee} missing="Udvalget" />;
  const data = committee.data;
  const manages = managesCommittee(person, data);

  return (
    <>
      <h1>{data.name}</h1>
      <dl className="mb-6">
        <dt>Type</dt>
        <dd>{COMMITTEE_KINDS[data.kind]}</dd>
        <dt>Myndighed</dt>
        <dd>{bodies.data?.find((body) => body.id === data.bodyId)?.name ?? '…'}</dd>
        <dt>Mandat</dt>
        <dd>{periodLabel(data.mandateStart, data.mandateEnd)}</dd>
        {data.parentId ? (
          <>
            <dt>Hører under</dt>
            <dd>
              <CommitteeLink committeeId={data.parentId} />
            </dd>
          </>
        ) : null}
        {data.reportsToId ? (
          <>
            <dt>Rapporterer til</dt>
            <dd>
              <CommitteeLink committeeId={data.reportsToId} />
            </dd>
          </>
        ) : null}
        <dt>Frist for dagsorden</dt>
        <dd>{data.agendaNoticeWorkingDays} hverdage før mødet</dd>
        <dt>Frist for materiale</dt>
        <dd>{data.materialNoticeWorkingDays} hverdage før mødet</dd>
        <dt>Kommissoriet vedtages af</dt>
        <dd>{data.commissionNeedsCouncil ? 'Byrådet/regionsrådet, efter direktionens godkendelse' : 'Direktionen (godkendelsen er endelig)'}</dd>
      </dl>
      {isAdminOf(person, data.bodyId) ? <CommissionAdoptionSetting committee={data} /> : null}
      <ul className="nobullet-list">
        <li>
          <Link to={`/udvalg/${data.id}/kommissorium`}>Kommissorium</Link>
        </li>
        <li>
          <Link to={`/udvalg/${data.id}/procesplan`}>Procesplan</Link>
        </li>
        <li>
          <Link to={`/myndigheder/${data.bodyId}/strategi`}>Den røde tråd: myndighedens sigtepunkter</Link>
        </li>
      </ul>
      {manages ? (
        <section aria-labelledby="udvalgets-sigtepunkter">
          <h2 id="udvalgets-sigtepunkter">Sigtepunkter</h2>
          <AimCheckboxes bodyId={data.bodyId} target="committees" id={data.id} />
        </section>
      ) : null}
      <Members committee={data} manages={manages} />
      <Meetings committee={data} manages={manages} />
    </>
  );
}

/** The administrator sets whether the committee's kommissorium is adopted by the council after the director's approval. */
function CommissionAdoptionSetting({ committee }: { committee: CommitteeDetail }) {
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState(committee.commissionNeedsCouncil);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    // The client's body type names the fields with defaults as required; they go unchanged.
    const { data, error: refusal, response } = await answerOf(api.PATCH('/api/committees/{id}', { params: { path: { id: committee.id } }, body: { commissionNeedsCouncil: checked, agendaNoticeWorkingDays: committee.agendaNoticeWorkingDays, materialNoticeWorkingDays: committee.materialNoticeWorkingDays, minutesSignedBy: committee.minutesSignedBy } }));
    if (!data) {
      setError(refusalOnFields(refusal, response.status, { byApiField: {}, byCode: {}, fallback: 'vedtages-af-raadet' })['vedtages-af-raadet']);
      return;
    }
    setError(undefined);
    setSaved(true);
    await queryClient.invalidateQueries({ queryKey: ['committee', committee.id] });
  };
  return (
    <form onSubmit={save} noValidate className="mb-6" aria-labelledby="kommissorium-vedtagelse">
      <h2 id="kommissorium-vedtagelse" className="h4">
        Kommissoriets vedtagelse
      </h2>
      <div aria-live="polite">{saved ? <SuccessAlert message="Indstillingen er gemt." /> : null}</div>
      <CommissionNeedsCouncilField checked={checked} error={error} onChange={setChecked} />
      <button type="submit" className="button button-secondary">
        Gem indstilling
      </button>
    </form>
  );
}

function CommitteeLink({ committeeId }: { committeeId: string }) {
  const related = useCommittee(committeeId);
  return <Link to={`/udvalg/${committeeId}`}>{related.data?.name ?? 'Udvalget'}</Link>;
}

const EMPTY_SEAT = { personId: '', role: '' as SeatRole | '', startDate: '', endDate: '' };

/** Where a refusal of a new seat is shown: by the API's field, else by what the code concerns. */
const SEAT_PLACES = {
  byApiField: { personId: 'seat-person', role: 'seat-role', startDate: 'seat-start', endDate: 'seat-end' },
  byCode: {
    membership_outside_mandate: 'seat-start',
    period_end_before_start: 'seat-end',
    role_already_held: 'seat-role',
    membership_overlaps: 'seat-role',
    person_not_found: 'seat-person',
  },
  fallback: 'seat-submit',
};

function Members({ committee, manages }: { committee: CommitteeDetail; manages: boolean }) {
  const queryClient = useQueryClient();
  const seats = usePagedList<Seat>(['committee-seats', committee.id], async (cursor) => {
    const { data, response } = await api.GET('/api/committees/{id}/members', { params: { path: { id: committee.id }, query: { cursor, limit: 100 } } });
    if (!data) throw new Error(`GET /api/committees/${committee.id}/members answered ${response.status}`);
    return data;
  });
  const [seat, setSeat] = useState(EMPTY_SEAT);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: ['committee-seats', committee.id] }), queryClient.invalidateQueries({ queryKey: ['committee', committee.id] })]);

  const addSeat = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldMessages = {};
    if (!seat.personId) missing['seat-person'] = 'Vælg den person, der skal have en plads.';
    if (!seat.role) missing['seat-role'] = 'Vælg personens rolle i udvalget.';
    setErrors(missing);
    setDone(null);
    if (Object.keys(missing).length > 0 || !seat.role) return;
    setBusy(true);
    const { data, error, response } = await answerOf(
      api.POST('/api/committees/{id}/members', {
        params: { path: { id: committee.id } },
        body: { personId: seat.personId, role: seat.role, ...(seat.startDate ? { startDate: seat.startDate } : {}), ...(seat.endDate ? { endDate: seat.endDate } : {}) },
      }),
    );
    setBusy(false);
    if (!data) {
      setErrors(refusalOnFields(error, response.status, SEAT_PLACES));
      return;
    }
    setSeat(EMPTY_SEAT);
    setDone(`${data.person.name} er tilføjet som ${SEAT_ROLES[data.role].toLowerCase()} (${periodLabel(data.startDate, data.endDate ?? committee.mandateEnd)}).`);
    await refresh();
  };

  return (
    <section aria-labelledby="medlemmer">
      <h2 id="medlemmer">Medlemmer</h2>
      {seats.isPending ? <Loading /> : null}
      {seats.isError ? <ErrorAlert message="Medlemmerne kunne ikke hentes. Prøv igen om lidt." /> : null}
      {seats.items && seats.items.length === 0 ? <p>Udvalget har ingen medlemmer endnu.</p> : null}
      {seats.items && seats.items.length > 0 ? (
        <div className="table--responsive-scroll">
          <table className="table table--zebra">
            <caption className="sr-only">Medlemmer af {committee.name}</caption>
            <thead>
              <tr>
                <th scope="col">Navn</th>
                <th scope="col">Rolle</th>
                <th scope="col">Periode</th>
                <th scope="col">Stedfortrædere</th>
                {manages ? <th scope="col">Plads</th> : null}
              </tr>
            </thead>
            <tbody>
              {seats.items.map((row) => (
                <tr key={row.id}>
                  <td>
                    {row.person.name}
                    {row.person.party ? ` (${row.person.party})` : ''}
                    {row.person.title ? (
                      <>
                        <br />
                        <span className="form-hint">{row.person.title}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{SEAT_ROLES[row.role]}</td>
                  <td>{periodLabel(row.startDate, row.endDate ?? committee.mandateEnd)}</td>
                  <td>
                    <SeatSubstitutes committee={committee} seat={row} manages={manages} onChanged={refresh} />
                  </td>
                  {manages ? (
                    <td>
                      <EndSeat committee={committee} seat={row} onEnded={refresh} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ShowMore hasMore={seats.hasNextPage} loading={seats.isFetchingNextPage} onShowMore={() => void seats.fetchNextPage()} />

      {manages ? (
        <form onSubmit={addSeat} noValidate className="mt-6">
          <h3>Tilføj medlem</h3>
          <div aria-live="polite">{done ? <SuccessAlert message={done} /> : null}</div>
          <ErrorSummary errors={asSummary(errors)} />
          <PersonPicker id="seat-person" label="Hvem" value={seat.personId} error={errors['seat-person']} onChange={(personId) => setSeat({ ...seat, personId })} />
          <SelectField
            id="seat-role"
            label="Rolle"
            placeholder="Vælg rolle"
            options={Object.entries(SEAT_ROLES).map(([value, label]) => ({ value, label }))}
            value={seat.role}
            error={errors['seat-role']}
            onChange={(event) => setSeat({ ...seat, role: event.target.value as SeatRole })}
          />
          <TextField
            id="seat-start"
            label="Fra"
            type="date"
            hint="Tom: fra i dag, eller fra mandatets start, hvis det ikke er begyndt."
            value={seat.startDate}
            error={errors['seat-start']}
            onChange={(event) => setSeat({ ...seat, startDate: event.target.value })}
          />
          <TextField
            id="seat-end"
            label="Til"
            type="date"
            hint="Tom: så længe udvalgets mandat varer."
            value={seat.endDate}
            error={errors['seat-end']}
            onChange={(event) => setSeat({ ...seat, endDate: event.target.value })}
          />
          {errors['seat-submit'] ? <ErrorAlert message={errors['seat-submit']} /> : null}
          <button type="submit" id="seat-submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Tilføjer …' : 'Tilføj medlem'}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** "Afslut plads": the seat's last day, today unless the secretary writes another; the seat stays in the list. */
function EndSeat({ committee, seat, onEnded }: { committee: CommitteeDetail; seat: Seat; onEnded: () => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [endDate, setEndDate] = useState(() => copenhagenDate(new Date()));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const fieldId = `seat-${seat.id}-end`;
  const today = copenhagenDate(new Date());
  if (seat.endDate && seat.endDate < today) return <span>Afsluttet</span>;
  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)} aria-label={`Afslut plads: ${seat.person.name}, ${SEAT_ROLES[seat.role].toLowerCase()}`}>
        Afslut plads
      </button>
    );
  }
  const end = async (event: FormEvent) => {
    event.preventDefault();
    if (!endDate) return setError('Skriv pladsens sidste dag.');
    setBusy(true);
    const { error: refusal, response } = await answerOf(
      api.PATCH('/api/committees/{id}/members/{membershipId}', { params: { path: { id: committee.id, membershipId: seat.id } }, body: { endDate } }),
    );
    setBusy(false);
    if (!response.ok) return setError(refusalOnFields(refusal, response.status, { fallback: fieldId })[fieldId]);
    setError(undefined);
    setOpen(false);
    await onEnded();
  };
  return (
    <form onSubmit={end} noValidate>
      <TextField id={fieldId} label={`Sidste dag for ${seat.person.name}`} type="date" value={endDate} error={error} onChange={(event) => setEndDate(event.target.value)} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          Afslut
        </button>
        <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>
          Fortryd
        </button>
      </div>
    </form>
  );
}

/**
 * A seat's substitutes (stedfortrædere) in the order they are called in; the secretary adds one at the end and
 * removes one. Someone seated in the committee during the seat is refused (substitute_seated).
 */
function SeatSubstitutes({ committee, seat, manages, onChanged }: { committee: CommitteeDetail; seat: Seat; manages: boolean; onChanged: () => Promise<unknown> }) {
  const [adding, setAdding] = useState(false);
  const [personId, setPersonId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const fieldId = `seat-${seat.id}-substitute`;
  const path = { id: committee.id, membershipId: seat.id };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!personId) return setError('Vælg stedfortræderen.');
    setBusy(true);
    const { error: refusal, response } = await answerOf(api.POST('/api/committees/{id}/members/{membershipId}/substitutes', { params: { path }, body: { personId } }));
    setBusy(false);
    if (!response.ok) return setError(refusalOnFields(refusal, response.status, { byApiField: { personId: fieldId }, fallback: fieldId })[fieldId]);
    setError(undefined);
    setPersonId('');
    setAdding(false);
    await onChanged();
  };
  const remove = async (substituteId: string) => {
    setBusy(true);
    await answerOf(api.DELETE('/api/committees/{id}/members/{membershipId}/substitutes/{personId}', { params: { path: { ...path, personId: substituteId } } }));
    setBusy(false);
    await onChanged();
  };

  return (
    <>
      {seat.substitutes.length === 0 ? <span>Ingen</span> : null}
      {seat.substitutes.length > 0 ? (
        <ol aria-label={`Stedfortrædere for ${seat.person.name}`}>
          {seat.substitutes.map((substitute) => (
            <li key={substitute.id}>
              {substitute.name}
              {manages ? (
                <>
                  {' '}
                  <button type="button" className="button button-tertiary" disabled={busy} onClick={() => void remove(substitute.id)} aria-label={`Fjern ${substitute.name} som stedfortræder for ${seat.person.name}`}>
                    Fjern
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {manages && !adding ? (
        <button type="button" className="button button-secondary" onClick={() => setAdding(true)} aria-label={`Tilføj stedfortræder for ${seat.person.name}`}>
          Tilføj stedfortræder
        </button>
      ) : null}
      {manages && adding ? (
        <form onSubmit={add} noValidate>
          <PersonPicker id={fieldId} label={`Stedfortræder for ${seat.person.name}`} value={personId} error={error} onChange={setPersonId} />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
              Tilføj
            </button>
            <button type="button" className="button button-tertiary" onClick={() => setAdding(false)}>
              Fortryd
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}

function Meetings({ committee, manages }: { committee: CommitteeDetail; manages: boolean }) {
  const meetings = usePagedList<MeetingSummary>(['committee-meetings', committee.id], async (cursor) => {
    const { data, response } = await api.GET('/api/committees/{committeeId}/meetings', { params: { path: { committeeId: committee.id }, query: { cursor } } });
    if (!data) throw new Error(`GET /api/committees/${committee.id}/meetings answered ${response.status}`);
    return data;
  });
  return (
    <section aria-labelledby="moeder">
      <h2 id="moeder">Møder</h2>
      {manages ? (
        <p>
          <Link className="button button-primary" to={`/udvalg/${committee.id}/moeder/nyt`}>
            Nyt møde
          </Link>
        </p>
      ) : null}
      {meetings.isPending ? <Loading /> : null}
      {meetings.isError ? <ErrorAlert message="Møderne kunne ikke hentes. Prøv igen om lidt." /> : null}
      {meetings.items && meetings.items.length === 0 ? <p>Udvalget har ingen møder endnu.</p> : null}
      <ul className="nobullet-list">
        {(meetings.items ?? []).map((meeting) => (
          <li key={meeting.id} className="mb-4">
            <Link to={manages ? `/moeder/${meeting.id}/forberedelse` : `/moeder/${meeting.id}`} className="weight-semibold">
              {meetingName(meeting)}
            </Link>
            <br />
            {runningMeetingTime(meeting.startsAt, meeting.endsAt)}, {meeting.location} · {MEETING_STATES[meeting.state]}
          </li>
        ))}
      </ul>
      <ShowMore hasMore={meetings.hasNextPage} loading={meetings.isFetchingNextPage} onShowMore={() => void meetings.fetchNextPage()} />
    </section>
  );
}
