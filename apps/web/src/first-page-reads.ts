import { QueryClient } from '@tanstack/react-query';
import { startPageReads } from './page-reads';
import { routes } from './routes';

/**
 * The app's query cache, and the reads of the page the browser opened, started as this module is evaluated: main.tsx
 * imports it before React's DOM renderer, so the reads go out while the rest of the script is still being evaluated.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

export const firstPageReads = startPageReads(routes, queryClient, window.location.pathname);
