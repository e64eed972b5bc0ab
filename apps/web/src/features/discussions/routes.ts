import type { RouteObject } from 'react-router';

/** Discussions (issue 15): forums, a space, a thread, search, notifications and their settings. */
export const discussionsRoutes: RouteObject[] = [
  { path: 'community', lazy: async () => ({ Component: (await import('./SpacesPage.js')).SpacesPage }) },
  { path: 'community/search', lazy: async () => ({ Component: (await import('./SearchPage.js')).SearchPage }) },
  { path: 'community/spaces/:spaceId', lazy: async () => ({ Component: (await import('./SpacePage.js')).SpacePage }) },
  { path: 'community/threads/:threadId', lazy: async () => ({ Component: (await import('./ThreadPage.js')).ThreadPage }) },
  // The address notification emails and the digest link to.
  { path: 'threads/:threadId', lazy: async () => ({ Component: (await import('./ThreadPage.js')).ThreadPage }) },
  { path: 'community/notifications', lazy: async () => ({ Component: (await import('./NotificationsPage.js')).NotificationsPage }) },
  { path: 'community/notifications/settings', lazy: async () => ({ Component: (await import('./NotificationSettingsPage.js')).NotificationSettingsPage }) },
];
