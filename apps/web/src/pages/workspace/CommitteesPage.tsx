import { useState } from 'react';
import { Link } from 'react-router';
import { periodLabel } from '@app/domain/danish-dates';
import { api } from '../../api/client';
import { COMMITTEE_KINDS, type Committee, isAdminOf, useBodies, useMyCommittees } from '../../api/committees';
import { usePagedList } from '../../api/pages';
import { useSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { ShowMore } from '../../components/ShowMore';
import { useTitle } from '../../lib/use-title';

/**
 * "Udvalg": for an administrator every committee, a page at a time, filtered by body, and "Opret udvalg"; for
 * anyone else first "Mine udvalg", the committees they hold a seat in today, then "Alle udvalg" as the
 * administrator sees them.
 */
export function CommitteesPage() {
  useTitle('Udvalg');
  const person = useSession().data?.person;
  const admin = isAdminOf(person);
  const mine = useMyCommittees({ enabled: Boolean(person) && !admin });
  const bodies = useBodies();
  const [bodyId, setBodyId] = useState('');
  const committees = usePagedList<Committee>(['committees', bodyId], async (cursor) => {
    const { data, response } = await api.GET('/api/committees', { params: { query: cursor ? { cursor } : { ...(bodyId ? { bodyId } : {}) } } });
    if (!data) throw new Error(`GET /api/committees answered ${response.status}`);
    return data;
  });
  const bodyName = (id: string) => bodies.data?.find((body) => body.id === id)?.name ?? '';
  const bodyOptions = (bodies.data ?? []).map((body) => ({ value: body.id, label: body.name }));

  const all = (
    <>
      {bodyOptions.length > 1 ? (
        <SelectField id="myndighed" label="Myndighed" placeholder="Alle myndigheder" options={bodyOptions} value={bodyId} onChange={(event) => setBodyId(event.target.value)} />
      ) : null}
      {committees.isPending ? <Loading /> : null}
      {committees.isError ? <ErrorAlert message="Udvalgene kunne ikke hentes. Prøv igen om lidt." /> : null}
      {committees.items && committees.items.length === 0 ? <p>Der er ingen udvalg endnu.</p> : null}
      {committees.items && committees.items.length > 0 ? <CommitteeTable caption={admin ? 'Udvalg' : 'Alle udvalg'} committees={committees.items} bodyName={bodyName} /> : null}
      <ShowMore hasMore={committees.hasNextPage} loading={committees.isFetchingNextPage} onShowMore={() => void committees.fetchNextPage()} />
    </>
  );

  return (
    <>
      <h1>Udvalg</h1>
      {admin ? (
        <>
          <p>
            <Link className="button button-primary" to="/udvalg/nyt">
              Opret udvalg
            </Link>
          </p>
          {all}
        </>
      ) : (
        <>
          <section aria-labelledby="mine-udvalg">
            <h2 id="mine-udvalg">Mine udvalg</h2>
            {mine.isPending ? <Loading /> : null}
            {mine.isError ? <ErrorAlert message="Dine udvalg kunne ikke hentes. Prøv igen om lidt." /> : null}
            {mine.data && mine.data.length === 0 ? <p>Du har ingen plads i et udvalg i dag.</p> : null}
            {mine.data && mine.data.length > 0 ? <CommitteeTable caption="Mine udvalg" committees={mine.data} bodyName={bodyName} /> : null}
          </section>
          <section aria-labelledby="alle-udvalg">
            <h2 id="alle-udvalg">Alle udvalg</h2>
            {all}
          </section>
        </>
      )}
    </>
  );
}

function CommitteeTable({ caption, committees, bodyName }: { caption: string; committees: readonly Committee[]; bodyName: (bodyId: string) => string }) {
  return (
    <div className="table--responsive-scroll">
      <table className="table table--zebra">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Udvalg</th>
            <th scope="col">Type</th>
            <th scope="col">Myndighed</th>
            <th scope="col">Mandat</th>
          </tr>
        </thead>
        <tbody>
          {committees.map((committee) => (
            <tr key={committee.id}>
              <td>
                <Link to={`/udvalg/${committee.id}`}>{committee.name}</Link>
              </td>
              <td>{COMMITTEE_KINDS[committee.kind]}</td>
              <td>{bodyName(committee.bodyId)}</td>
              <td>{periodLabel(committee.mandateStart, committee.mandateEnd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
