import type { RouteObject } from 'react-router';

/** The member's dashboard: membership, what to do next, and what is coming up. */
export const dashboardRoutes: RouteObject[] = [
  { path: 'dashboard', lazy: async () => ({ Component: (await import('./DashboardPage.js')).DashboardPage }) },
];
