import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useEffect } from 'react';
import { useRoutes } from 'react-router';
import { routes } from './routes';

/**
 * The routes in React Router's declarative mode: the app reads its data through its query cache, not the router's
 * loaders, and the data router would add some 50 kB to the script every page first evaluates.
 */
function AppRoutes() {
  return useRoutes(routes);
}

/**
 * A page the server drew arrives `inert` (apps/api/src/web-app.ts): readable, but nothing in it answers a click
 * or takes the focus until the app has taken it over, which this marks once the first drawing is in place.
 */
function LiveOnceTakenOver() {
  useEffect(() => document.getElementById('root')?.removeAttribute('inert'), []);
  return null;
}

/** The app as both the browser and the server draw it; only the router differs (the browser's, or one fixed URL). */
export function AppTree({ queryClient, router: Router }: { queryClient: QueryClient; router: (props: { children: ReactNode }) => ReactNode }) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Router>
          <AppRoutes />
        </Router>
        <LiveOnceTakenOver />
      </QueryClientProvider>
    </StrictMode>
  );
}
