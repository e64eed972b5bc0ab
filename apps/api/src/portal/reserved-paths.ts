/**
 * Paths the API answers itself: the portal's fallback (index.html for any other page address)
 * never answers these, so a browser that opens one still reaches the API, and unknown API paths
 * stay JSON 404s. A new controller adds its prefix here (test/e2e/portal-serving.e2e.spec.ts fails
 * until every registered route is covered).
 */
export const API_PREFIXES = [
  '/graphql',
  '/webhooks',
  '/admin',
  '/health',
  '/ready',
  '/explorer',
  '/metrics',
  '/certificates',
  '/exports',
  '/resources',
  '/spaces',
  '/auth',
  '/assets',
  '/events.ics',
  '/transcript.pdf',
] as const;

/** Calendar files beside portal pages of the same area (/events/:id is a page, /events/:id.ics a file). */
export const API_FILES = [/^\/events\/[^/]+\.ics$/, /^\/study-groups\/[^/]+\.ics$/];

export function isApiPath(path: string): boolean {
  const lower = path.toLowerCase();
  return API_PREFIXES.some((prefix) => lower === prefix || lower.startsWith(`${prefix}/`)) || API_FILES.some((file) => file.test(lower));
}
