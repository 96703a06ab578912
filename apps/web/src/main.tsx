import 'dkfds-css';
import './app.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { startPageReads } from './page-reads';
import { routes } from './routes';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

/**
 * The first draw waits a moment for the page's own reads, whose answers the browser has preloaded: drawn with them
 * it shows the page at once, not "Henter …" for a frame and then the page. A slow API gets the spinner after the wait.
 */
const FIRST_DRAW_WAIT_MS = 150;
await Promise.race([startPageReads(routes, queryClient, window.location.pathname), new Promise((resolve) => setTimeout(resolve, FIRST_DRAW_WAIT_MS))]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={createBrowserRouter(routes)} />
    </QueryClientProvider>
  </StrictMode>,
);
