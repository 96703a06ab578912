import type { QueryClient } from '@tanstack/react-query';
import { matchRoutes, type Params, type RouteObject } from 'react-router';

/**
 * What a route's page reads before it can show anything, named in the route's `handle`. On the first page the
 * browser opens, every matched route's reads start at once, before React draws anything, instead of each
 * component starting its own read only once the one above it has its answer (the frame's session, then the page's
 * meeting). The API names the same reads in the page's `Link: rel=preload` header, so these fetches take the
 * answers the browser already has.
 */
export interface PageReads {
  startReads: (queryClient: QueryClient, params: Params) => Promise<void>;
}

export function pageReads(startReads: PageReads['startReads']): PageReads {
  return { startReads };
}

/** Starts the reads of every route that matches the path; settles when all have their answers (or errors). */
export function startPageReads(routes: RouteObject[], queryClient: QueryClient, path: string): Promise<unknown> {
  return Promise.all((matchRoutes(routes, path) ?? []).map((match) => (match.route.handle as PageReads | undefined)?.startReads(queryClient, match.params)));
}
