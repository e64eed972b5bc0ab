import type { RouteObject } from 'react-router';

export const eventsRoutes: RouteObject[] = [
  { path: 'events', lazy: async () => ({ Component: (await import('./EventsPage.js')).EventsPage }) },
  { path: 'events/:id', lazy: async () => ({ Component: (await import('./EventPage.js')).EventPage }) },
];
