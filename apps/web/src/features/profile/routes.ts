import type { RouteObject } from 'react-router';

/** The member's own profile: what the directory shows, and whether it shows it. */
export const profileRoutes: RouteObject[] = [
  { path: 'profile', lazy: async () => ({ Component: (await import('./ProfilePage.js')).ProfilePage }) },
];
