import { QueryClient } from '@tanstack/react-query';
import { answeredOnce, answerReadsFrom, carriedAnswers, type PageAnswer } from './api/page-answers';
import { startPageReads } from './page-reads';
import { routes } from './routes';

/**
 * The app's query cache, and the reads of the page the browser opened, started as this module is evaluated: main.tsx
 * imports it before React's DOM renderer, so the reads go out while the rest of the script is still being evaluated.
 * A page the server drew carries the answers to these reads (page-answers.ts): they are read from the page instead.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

const carried = carriedAnswers();
export const serverRendered = carried !== null;
if (carried !== null) answerReadsFrom(answeredOnce(JSON.parse(carried) as PageAnswer[]));

export const firstPageReads = startPageReads(routes, queryClient, window.location.pathname);
