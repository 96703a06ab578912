/**
 * The web application's pages (apps/web, its router), the paths the API answers with the app's index.html so a
 * browser may open any of them directly; and its files under /assets/. Nothing under /api is among them: an unknown
 * /api path stays a JSON 404.
 */
export const WEB_APP_PAGES = [
  '/',
  '/log-ind',
  '/glemt-adgangskode',
  '/ny-adgangskode',
  '/skift-adgangskode',
  '/moeder/:meetingId',
  '/moeder/:meetingId/dagsorden',
  '/kommissorier/:commissionId',
  // The secretary's workspace, committee side.
  '/udvalg',
  '/udvalg/nyt',
  '/udvalg/:committeeId',
  '/udvalg/:committeeId/kommissorium',
  '/udvalg/:committeeId/procesplan',
  '/personer',
  '/personer/ny',
  '/offentlig',
  '/offentlig/moeder/:meetingId',
  // The secretary's meeting workspace.
  '/udvalg/:committeeId/moeder/nyt',
  '/moeder/:meetingId/forberedelse',
  '/moeder/:meetingId/moedet',
  '/moeder/:meetingId/referat',
  '/moeder/:meetingId/udsendelser',
  '/sager',
  '/sager/:caseNumber',
] as const;

export const WEB_APP_ASSETS_PREFIX = '/assets/';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What each meeting page reads first, by the page's meeting id, and whether the read needs a session; the pages ask for exactly these URLs. */
const MEETING_READS: Partial<Record<(typeof WEB_APP_PAGES)[number], { url: (meetingId: string) => string; needsSession: boolean }>> = {
  '/moeder/:meetingId': { url: (id) => `/api/meetings/${id}`, needsSession: true },
  '/moeder/:meetingId/dagsorden': { url: (id) => `/api/meetings/${id}`, needsSession: true },
  '/moeder/:meetingId/forberedelse': { url: (id) => `/api/meetings/${id}`, needsSession: true },
  '/moeder/:meetingId/moedet': { url: (id) => `/api/meetings/${id}`, needsSession: true },
  '/moeder/:meetingId/referat': { url: (id) => `/api/meetings/${id}`, needsSession: true },
  '/moeder/:meetingId/udsendelser': { url: (id) => `/api/meetings/${id}`, needsSession: true },
  '/offentlig/moeder/:meetingId': { url: (id) => `/api/public/meetings/${id}`, needsSession: false },
};

/**
 * The API reads a page waits for before it shows anything: the session (the frame of every page asks who is logged
 * in) and, on a meeting's pages, the meeting. Named in a `Link: rel=preload` header on the page's index.html, the
 * browser fetches them beside the app's script instead of one after the other once the script has run. They are
 * fetched with the cookie (`crossorigin=use-credentials`), as the app's own fetches are, so the browser hands the
 * app the preloaded answers. A read that needs a session is named only when the request carries the session cookie:
 * preloaded without one, its refusal could be handed to the app's first read after the visitor has logged in.
 */
export function pagePreloads(page: (typeof WEB_APP_PAGES)[number], params: { meetingId?: string }, hasSessionCookie: boolean): string[] {
  const meetingRead = MEETING_READS[page];
  const readsMeeting = meetingRead && params.meetingId && UUID.test(params.meetingId) && (hasSessionCookie || !meetingRead.needsSession);
  const reads = ['/api/auth/session', ...(readsMeeting ? [meetingRead.url(params.meetingId!)] : [])];
  return reads.map((url) => `<${url}>; rel=preload; as=fetch; crossorigin=use-credentials`);
}

const PAGE_PATTERNS = WEB_APP_PAGES.map((page) => new RegExp(`^${page.replace(/:\w+/g, '[^/]+')}$`));

/** Whether the URL (path and query) is one of the web application's pages or files. */
export function isWebAppPath(url: string): boolean {
  const path = url.split('?', 1)[0];
  return path.startsWith(WEB_APP_ASSETS_PREFIX) || PAGE_PATTERNS.some((pattern) => pattern.test(path));
}
