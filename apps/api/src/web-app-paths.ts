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
  '/myndigheder/:bodyId/strategi',
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

export type WebAppPage = (typeof WEB_APP_PAGES)[number];

export const WEB_APP_ASSETS_PREFIX = '/assets/';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What each meeting page reads first, by the page's meeting id, and whether the read needs a session; the pages ask for exactly these URLs. */
const MEETING_READS: Partial<Record<WebAppPage, { url: (meetingId: string) => string; needsSession: boolean }>> = {
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
 * in) and, on a meeting's pages, the meeting. A read that needs a session is named only when the request carries the
 * session cookie: without one it would only be refused.
 */
export function pageReads(page: WebAppPage, params: { meetingId?: string }, hasSessionCookie: boolean): string[] {
  const meetingRead = MEETING_READS[page];
  const readsMeeting = meetingRead && params.meetingId && UUID.test(params.meetingId) && (hasSessionCookie || !meetingRead.needsSession);
  return ['/api/auth/session', ...(readsMeeting ? [meetingRead.url(params.meetingId!)] : [])];
}

/**
 * The page's reads in a `Link: rel=preload` header on its index.html: the browser fetches them beside the app's
 * script instead of one after the other once the script has run. They are fetched with the cookie
 * (`crossorigin=use-credentials`), as the app's own fetches are, so the browser hands the app the preloaded answers.
 * A read needing a session is left out without the cookie for one more reason: preloaded, its refusal could be handed
 * to the app's first read after the visitor has logged in.
 */
export function pagePreloads(page: WebAppPage, params: { meetingId?: string }, hasSessionCookie: boolean): string[] {
  return pageReads(page, params, hasSessionCookie).map((url) => `<${url}>; rel=preload; as=fetch; crossorigin=use-credentials`);
}

/**
 * The pages the API draws on the server when it can read the meeting they show (web-app.ts): the member's meeting
 * page and the public one, the pages most opened from an e-mail or a search, shown at once without waiting for the
 * app's script and its reads.
 */
export const SERVER_DRAWN_PAGES: ReadonlySet<WebAppPage> = new Set(['/moeder/:meetingId', '/offentlig/moeder/:meetingId']);

const PAGE_PATTERNS = WEB_APP_PAGES.map((page) => new RegExp(`^${page.replace(/:\w+/g, '[^/]+')}$`));

/** Whether the URL (path and query) is one of the web application's pages or files. */
export function isWebAppPath(url: string): boolean {
  const path = url.split('?', 1)[0];
  return path.startsWith(WEB_APP_ASSETS_PREFIX) || PAGE_PATTERNS.some((pattern) => pattern.test(path));
}
