import type { RouteObject } from 'react-router';

export const staffCommunitiesRoutes: RouteObject[] = [
  { path: 'staff/communities', lazy: async () => ({ Component: (await import('./CommunitiesPage.js')).CommunitiesPage }) },
];
