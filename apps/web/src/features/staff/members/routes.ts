import type { RouteObject } from 'react-router';

export const staffMembersRoutes: RouteObject[] = [
  { path: 'staff/members', lazy: async () => ({ Component: (await import('./MemberSearchPage.js')).MemberSearchPage }) },
  { path: 'staff/members/:userId', lazy: async () => ({ Component: (await import('./MemberPage.js')).MemberPage }) },
  { path: 'staff/invitations', lazy: async () => ({ Component: (await import('./InvitationsPage.js')).InvitationsPage }) },
  { path: 'staff/tiers', lazy: async () => ({ Component: (await import('./TiersPage.js')).TiersPage }) },
];
