import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { COMMITTEE_KINDS, type Committee, isAdminOf, useBodies } from '../../api/committees';
import { usePagedList } from '../../api/pages';
import { useSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { ShowMore } from '../../components/ShowMore';
import { formatPeriod } from '../../lib/periods';
import { useTitle } from '../../lib/use-title';

/**
 * "Udvalg": the committees the reader may see (for a secretary those of her bodies), a page at a time, filtered by
 * body; an administrator starts "Opret udvalg" here.
 */
export function CommitteesPage() {
  useTitle('Udvalg');
  const person = useSession().data?.person;
  const bodies = useBodies();
  const [bodyId, setBodyId] = useState('');
  const committees = usePagedList<Committee>(['committees', bodyId], async (cursor) => {
    const { data, response } = await api.GET('/api/committees', { params: { query: cursor ? { cursor } : { ...(bodyId ? { bodyId } : {}) } } });
    if (!data) throw new Error(`GET /api/committees answered ${response.status}`);
    return data;
  });
  const bodyName = (id: string) => bodies.data?.find((body) => body.id === id)?.name ?? '';
  const bodyOptions = (bodies.data ?? []).map((body) => ({ value: body.id, label: body.name }));

  return (
    <>
      <h1>Udvalg</h1>
      {isAdminOf(person) ? (
        <p>
          <Link className="button button-primary" to="/udvalg/nyt">
            Opret udvalg
          </Link>
        </p>
      ) : null}
      {bodyOptions.length > 1 ? (
        <SelectField id="myndighed" label="Myndighed" placeholder="Alle myndigheder" options={bodyOptions} value={bodyId} onChange={(event) => setBodyId(event.target.value)} />
      ) : null}
      {committees.isPending ? <Loading /> : null}
      {committees.isError ? <ErrorAlert message="Udvalgene kunne ikke hentes. Prøv igen om lidt." /> : null}
      {committees.items && committees.items.length === 0 ? <p>Der er ingen udvalg endnu.</p> : null}
      {committees.items && committees.items.length > 0 ? (
        <div className="table--responsive-scroll">
          <table className="table table--zebra">
            <caption className="sr-only">Udvalg</caption>
            <thead>
              <tr>
                <th scope="col">Udvalg</th>
                <th scope="col">Type</th>
                <th scope="col">Myndighed</th>
                <th scope="col">Mandat</th>
              </tr>
            </thead>
            <tbody>
              {committees.items.map((committee) => (
                <tr key={committee.id}>
                  <td>
                    <Link to={`/udvalg/${committee.id}`}>{committee.name}</Link>
                  </td>
                  <td>{COMMITTEE_KINDS[committee.kind]}</td>
                  <td>{bodyName(committee.bodyId)}</td>
                  <td>{formatPeriod(committee.mandateStart, committee.mandateEnd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ShowMore hasMore={committees.hasNextPage} loading={committees.isFetchingNextPage} onShowMore={() => void committees.fetchNextPage()} />
    </>
  );
}
