import type { RouteObject } from 'react-router';

export const myEventsRoutes: RouteObject[] = [
  { path: 'my-events', lazy: async () => ({ Component: (await import('./MyEventsPage.js')).MyEventsPage }) },
  { path: 'my-events/events/:eventId', lazy: async () => ({ Component: (await import('./EventRegistrationPage.js')).EventRegistrationPage }) },
];
