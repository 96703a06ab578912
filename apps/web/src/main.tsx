import 'dkfds-css';
import './app.css';
// Before React's DOM renderer, so that the page's reads start first (first-page-reads.ts).
import { firstPageReads, queryClient } from './first-page-reads';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, useRoutes } from 'react-router';
import { routes } from './routes';

/**
 * The routes in React Router's declarative mode: the app reads its data through its query cache, not the router's
 * loaders, and the data router would add some 50 kB to the script every page first evaluates.
 */
function AppRoutes() {
  return useRoutes(routes);
}

/**
 * The first draw waits a moment for the page's own reads, whose answers the browser has preloaded: drawn with them
 * it shows the page at once, not "Henter …" for a frame and then the page. A slow API gets the spinner after the wait.
 */
const FIRST_DRAW_WAIT_MS = 150;
await Promise.race([firstPageReads, new Promise((resolve) => setTimeout(resolve, FIRST_DRAW_WAIT_MS))]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
