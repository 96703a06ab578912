import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client';
import type { components } from './schema';

export type Session = components['schemas']['SessionDto'];

export const SESSION_KEY = ['session'] as const;

/** Who is logged in (from the session cookie), or null; the CSRF token comes with it and is kept in memory. */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: async (): Promise<Session | null> => {
    const { data, response } = await api.GET('/api/auth/session');
    if (response.status === 401) {
      setCsrfToken(null);
      return null;
    }
    if (!data) throw new Error(`GET /api/auth/session answered ${response.status}`);
    setCsrfToken(data.csrfToken);
    return data;
  },
  staleTime: 60_000,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/** Ends the session on the server (which clears the cookie) and forgets it here. */
export function useLogout() {
  const queryClient = useQueryClient();
  return async () => {
    await api.POST('/api/auth/logout');
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
  };
}
