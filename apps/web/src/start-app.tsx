// Before React's DOM renderer, so that the page's reads start first (first-page-reads.ts).
import { firstPageReads, queryClient, serverRendered } from './first-page-reads';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppTree } from './app-tree';

/**
 * The first draw waits a moment for the page's own reads, whose answers the browser has preloaded: drawn with them
 * it shows the page at once, not "Henter …" for a frame and then the page. A slow API gets the spinner after the wait.
 * A page the server drew came with its answers, so the reads settle at once and the app takes over what is shown.
 */
const FIRST_DRAW_WAIT_MS = 150;
await Promise.race([firstPageReads, new Promise((resolve) => setTimeout(resolve, FIRST_DRAW_WAIT_MS))]);

const root = document.getElementById('root')!;
const app = <AppTree queryClient={queryClient} router={BrowserRouter} />;
if (serverRendered) hydrateRoot(root, app);
else createRoot(root).render(app);
