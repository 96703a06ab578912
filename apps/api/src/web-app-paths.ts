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
  '/offentlig',
  '/offentlig/moeder/:meetingId',
] as const;

export const WEB_APP_ASSETS_PREFIX = '/assets/';

const PAGE_PATTERNS = WEB_APP_PAGES.map((page) => new RegExp(`^${page.replace(/:\w+/g, '[^/]+')}$`));

/** Whether the URL (path and query) is one of the web application's pages or files. */
export function isWebAppPath(url: string): boolean {
  const path = url.split('?', 1)[0];
  return path.startsWith(WEB_APP_ASSETS_PREFIX) || PAGE_PATTERNS.some((pattern) => pattern.test(path));
}
