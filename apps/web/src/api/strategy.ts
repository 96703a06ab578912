import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { components } from './schema';

export type Aim = components['schemas']['AimResponseDto'];
export type Strategy = components['schemas']['StrategyResponseDto'];
/** What can serve an aim: a committee, a phase of its process plan, or an agenda item. */
export type AimTarget = 'committees' | 'phases' | 'items';

/** The body's strategic aims (sigtepunkter) in their order. */
export function useBodyAims(bodyId: string | undefined) {
  return useQuery({
    queryKey: ['body-aims', bodyId],
    enabled: Boolean(bodyId),
    queryFn: async () => {
      const { data, response } = await api.GET('/api/bodies/{id}/aims', { params: { path: { id: bodyId! } } });
      if (!data) throw new Error(`GET /api/bodies/${bodyId}/aims answered ${response.status}`);
      return data;
    },
  });
}

/** The red thread: per aim, the committees, phases and items that serve it; null when there is no such body. */
export function useStrategy(bodyId: string) {
  return useQuery({
    queryKey: ['strategy', bodyId],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/bodies/{id}/strategy', { params: { path: { id: bodyId } } });
      if ([400, 404].includes(response.status)) return null;
      if (!data) throw new Error(`GET /api/bodies/${bodyId}/strategy answered ${response.status}`);
      return data;
    },
  });
}

/** The aims a committee, phase or item serves. */
export function useAimsOf(target: AimTarget, id: string | undefined) {
  return useQuery({
    queryKey: ['aims-of', target, id],
    enabled: Boolean(id),
    queryFn: async () => {
      const { data, response } = await api.GET(`/api/${target}/{id}/aims`, { params: { path: { id: id! } } });
      if (!data) throw new Error(`GET /api/${target}/${id}/aims answered ${response.status}`);
      return data.aimIds;
    },
  });
}

/** Replaces the aims a committee, phase or item serves. */
export function putAimsOf(target: AimTarget, id: string, aimIds: string[]) {
  return api.PUT(`/api/${target}/{id}/aims`, { params: { path: { id } }, body: { aimIds } });
}
