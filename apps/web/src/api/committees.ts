import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { allPages } from './pages';
import type { components } from './schema';

export type Committee = components['schemas']['CommitteeResponseDto'];
export type CommitteeDetail = components['schemas']['CommitteeDetailResponseDto'];
export type CommitteeKind = Committee['kind'];
export type Seat = components['schemas']['MembershipResponseDto'];
export type SeatRole = Seat['role'];
export type Body = components['schemas']['BodyResponseDto'];

export const COMMITTEE_KINDS: Record<CommitteeKind, string> = {
  council: 'Byråd / regionsråd',
  finance: 'Økonomiudvalg',
  standing: 'Stående udvalg',
  'section-17-4': '§ 17, stk. 4-udvalg',
  'working-group': 'Arbejdsgruppe',
  forum: 'Forum',
};

export const SEAT_ROLES: Record<SeatRole, string> = {
  chair: 'Formand',
  'vice-chair': 'Næstformand',
  member: 'Medlem',
  secretary: 'Sekretær',
  administration: 'Administrativ deltager',
  external: 'Ekstern deltager',
};

/** One committee with its seats held today; null when it does not exist or may not be read. */
export const committeeQuery = (committeeId: string) =>
  queryOptions({
    queryKey: ['committee', committeeId],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/committees/{id}', { params: { path: { id: committeeId } } });
      if ([400, 403, 404].includes(response.status)) return null;
      if (!data) throw new Error(`GET /api/committees/${committeeId} answered ${response.status}`);
      return data;
    },
  });

export function useCommittee(committeeId: string) {
  return useQuery(committeeQuery(committeeId));
}

/** The bodies (municipalities and regions): few, so read whole for selects and names. */
export function useBodies() {
  return useQuery({
    queryKey: ['bodies'],
    queryFn: () =>
      allPages(async (cursor) => {
        const { data, response } = await api.GET('/api/bodies', { params: { query: { cursor, limit: 500 } } });
        if (!data) throw new Error(`GET /api/bodies answered ${response.status}`);
        return data;
      }),
  });
}

/** The committees of one body, read whole, for choosing a parent or the committee reported to. */
export function useCommitteesOfBody(bodyId: string) {
  return useQuery({
    queryKey: ['committees-of-body', bodyId],
    enabled: Boolean(bodyId),
    queryFn: () =>
      allPages(async (cursor) => {
        const { data, response } = await api.GET('/api/committees', { params: { query: { cursor, limit: 500, bodyId } } });
        if (!data) throw new Error(`GET /api/committees answered ${response.status}`);
        return data;
      }),
  });
}

/** The committees the reader holds a seat in today, read whole: a person sits in few. */
export function useMyCommittees({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: ['my-committees'],
    enabled,
    queryFn: () =>
      allPages(async (cursor) => {
        const { data, response } = await api.GET('/api/me/committees', { params: { query: { cursor, limit: 500 } } });
        if (!data) throw new Error(`GET /api/me/committees answered ${response.status}`);
        return data;
      }),
  });
}

/** The committee's secretary (or an administrator) manages its seats, kommissorium drafts, phases and meetings. */
export function managesCommittee(
  person: { id: string; roles: readonly string[]; bodyIds: readonly string[] } | undefined,
  committee: Pick<CommitteeDetail, 'bodyId' | 'members'> | null | undefined,
): boolean {
  if (!person || !committee) return false;
  if (isAdminOf(person, committee.bodyId)) return true;
  return committee.members.some((seat) => seat.role === 'secretary' && seat.person.id === person.id);
}

/** An administrator of the whole installation (no bodies), or of the body. */
export function isAdminOf(person: { roles: readonly string[]; bodyIds: readonly string[] } | undefined, bodyId?: string): boolean {
  if (!person?.roles.includes('admin')) return false;
  return person.bodyIds.length === 0 || bodyId === undefined || person.bodyIds.includes(bodyId);
}
