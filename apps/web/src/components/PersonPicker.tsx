import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { api } from '../api/client';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

/** How many people a search offers at once; a longer name narrows it. */
const SEARCH_LIMIT = 50;

/**
 * Choosing a person: a search by name or e-mail, then a select among those found. `id` is the select's id (where a
 * refusal about the person is shown); the search field is `${id}-soeg`.
 */
export function PersonPicker({ id, label, value, error, onChange }: { id: string; label: string; value: string; error?: string; onChange: (personId: string) => void }) {
  const [search, setSearch] = useState('');
  const term = useDeferredValue(search.trim());
  const found = useQuery({
    queryKey: ['people-search', term],
    enabled: term.length >= 2,
    queryFn: async () => {
      const { data, response } = await api.GET('/api/people', { params: { query: { q: term, limit: SEARCH_LIMIT } } });
      if (!data) throw new Error(`GET /api/people answered ${response.status}`);
      return data.items;
    },
  });
  const people = found.data ?? [];
  const status =
    term.length < 2 ? 'Skriv mindst to bogstaver af navnet eller e-mailen.' : found.isPending ? 'Søger …' : people.length === 0 ? 'Ingen personer fundet.' : `${people.length === SEARCH_LIMIT ? 'Mindst ' : ''}${people.length} ${people.length === 1 ? 'person' : 'personer'} fundet.`;
  return (
    <fieldset>
      <legend className="h4">{label}</legend>
      <TextField id={`${id}-soeg`} label="Søg person" type="search" hint="Navn eller e-mail" value={search} onChange={(event) => {
          setSearch(event.target.value);
          onChange('');
        }}
      />
      <p role="status" className="form-hint">
        {status}
      </p>
      <SelectField
        id={id}
        label="Person"
        placeholder="Vælg person"
        options={people.map((person) => ({ value: person.id, label: `${person.name} (${person.email})` }))}
        value={value}
        error={error}
        onChange={(event) => onChange(event.target.value)}
      />
    </fieldset>
  );
}
