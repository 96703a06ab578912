import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { answerOf } from '../../api/requests';
import { type Body, isAdminOf, useBodies } from '../../api/committees';
import { usePagedList } from '../../api/pages';
import { GLOBAL_ROLES, type GlobalRole, type Person, personPlaces } from '../../api/people';
import { useSession } from '../../api/session';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { ErrorAlert, ErrorSummary, SuccessAlert } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { ShowMore } from '../../components/ShowMore';
import { TextField } from '../../components/TextField';
import { asSummary, type FieldMessages } from '../../lib/form-errors';
import { refusalOnFields } from '../../lib/form-errors';
import { useTitle } from '../../lib/use-title';

/**
 * "Personer" (administrator): everyone the installation knows, searched by name or e-mail a page at a time; "Opret
 * person"; and per person "Giv login" (a password, which sends the welcome e-mail) and the roles and bodies they act for.
 */
export function PeoplePage() {
  useTitle('Personer');
  const session = useSession().data?.person;
  const bodies = useBodies();
  const [search, setSearch] = useState('');
  const term = useDeferredValue(search.trim());
  const people = usePagedList<Person>(['people', term], async (cursor) => {
    const { data, response } = await api.GET('/api/people', { params: { query: cursor ? { cursor } : { ...(term ? { q: term } : {}) } } });
    if (!data) throw new Error(`GET /api/people answered ${response.status}`);
    return { items: data.items as Person[], nextCursor: data.nextCursor };
  });

  if (!isAdminOf(session)) {
    return (
      <>
        <h1>Personer</h1>
        <ErrorAlert message="Kun en administrator kan se og rette personer." />
      </>
    );
  }

  return (
    <>
      <h1>Personer</h1>
      <p>
        <Link className="button button-primary" to="/personer/ny">
          Opret person
        </Link>
      </p>
      <TextField id="soeg" label="Søg" type="search" hint="Navn eller e-mail" value={search} onChange={(event) => setSearch(event.target.value)} />
      {people.isPending ? <Loading /> : null}
      {people.isError ? <ErrorAlert message="Personerne kunne ikke hentes. Prøv igen om lidt." /> : null}
      {people.items && people.items.length === 0 ? <p role="status">Ingen personer fundet.</p> : null}
      <ul className="nobullet-list">
        {(people.items ?? []).map((person) => (
          <PersonRow key={person.id} person={person} bodies={bodies.data ?? []} />
        ))}
      </ul>
      <ShowMore hasMore={people.hasNextPage} loading={people.isFetchingNextPage} onShowMore={() => void people.fetchNextPage()} />
    </>
  );
}

function PersonRow({ person, bodies }: { person: Person; bodies: Body[] }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<'login' | 'scope' | null>(null);
  const [password, setPassword] = useState('');
  const [scope, setScope] = useState({ roles: person.roles, bodyIds: person.bodyIds });
  const [errors, setErrors] = useState<FieldMessages>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `p-${person.id}-`;
  const bodyNames = person.bodyIds.map((id) => bodies.find((body) => body.id === id)?.name ?? '').filter(Boolean);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (editing === 'login' && !password) return setErrors({ [`${prefix}adgangskode`]: 'Skriv en adgangskode på mindst 12 tegn.' });
    setBusy(true);
    const body = editing === 'login' ? { password } : { roles: scope.roles, bodyIds: scope.bodyIds };
    const { data, error, response } = await answerOf(
      api.PATCH('/api/people/{id}', { params: { path: { id: person.id } }, body }),
    );
    setBusy(false);
    if (!data) return setErrors(refusalOnFields(error, response.status, personPlaces(prefix, `${prefix}gem`)));
    setErrors({});
    setPassword('');
    setEditing(null);
    setDone(editing === 'login' ? `${person.name} har fået et login og en velkomstmail.` : `${person.name}s roller og myndigheder er gemt.`);
    await queryClient.invalidateQueries({ queryKey: ['people'] });
  };

  return (
    <li className="mb-5">
      <h2 className="h4 mb-0">{person.name}</h2>
      <p className="mt-0">
        {person.email}
        {person.party ? ` · ${person.party}` : ''}
        {person.title ? ` · ${person.title}` : ''}
        <br />
        {person.hasLogin ? 'Har login' : 'Intet login'}
        {person.roles.length > 0 ? ` · ${person.roles.map((role) => GLOBAL_ROLES[role]).join(', ')}` : ''}
        {bodyNames.length > 0 ? ` for ${bodyNames.join(', ')}` : ''}
      </p>
      <div aria-live="polite">{done ? <SuccessAlert message={done} /> : null}</div>
      <div className="button-row">
        {!person.hasLogin ? (
          <button type="button" className="button button-secondary" aria-expanded={editing === 'login'} onClick={() => setEditing(editing === 'login' ? null : 'login')} aria-label={`Giv login: ${person.name}`}>
            Giv login
          </button>
        ) : null}
        <button type="button" className="button button-secondary" aria-expanded={editing === 'scope'} onClick={() => setEditing(editing === 'scope' ? null : 'scope')} aria-label={`Roller og myndigheder: ${person.name}`}>
          Roller og myndigheder
        </button>
      </div>
      {editing ? (
        <form onSubmit={save} noValidate className="mt-4">
          <ErrorSummary errors={asSummary(errors)} />
          {editing === 'login' ? (
            <TextField
              id={`${prefix}adgangskode`}
              label="Adgangskode"
              type="password"
              autoComplete="new-password"
              hint="Mindst 12 tegn. Personen får en velkomstmail og vælger selv sin adgangskode."
              value={password}
              error={errors[`${prefix}adgangskode`]}
              onChange={(event) => setPassword(event.target.value)}
            />
          ) : (
            <>
              <CheckboxGroup
                id={`${prefix}roller`}
                legend="Roller"
                options={Object.entries(GLOBAL_ROLES).map(([value, label]) => ({ value, label }))}
                values={scope.roles}
                error={errors[`${prefix}roller`]}
                onChange={(roles) => setScope({ ...scope, roles: roles as GlobalRole[] })}
              />
              <CheckboxGroup
                id={`${prefix}myndigheder`}
                legend="Myndigheder"
                hint="De myndigheder, personen handler for som direktør eller administrator."
                options={bodies.map((body) => ({ value: body.id, label: body.name }))}
                values={scope.bodyIds}
                error={errors[`${prefix}myndigheder`]}
                onChange={(bodyIds) => setScope({ ...scope, bodyIds })}
              />
            </>
          )}
          {errors[`${prefix}gem`] ? <ErrorAlert message={errors[`${prefix}gem`]} /> : null}
          <button type="submit" id={`${prefix}gem`} className="button button-primary" disabled={busy} aria-busy={busy}>
            {editing === 'login' ? 'Giv login' : 'Gem'}
          </button>
        </form>
      ) : null}
    </li>
  );
}
