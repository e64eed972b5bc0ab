import type { RouteObject } from 'react-router';

/** The events side of the staff console (EVENT_MANAGER): the list, the editor, the registrations. */
export const staffEventsRoutes: RouteObject[] = [
  { path: 'staff/events', lazy: async () => ({ Component: (await import('./StaffEventsPage.js')).StaffEventsPage }) },
  { path: 'staff/events/new', lazy: async () => ({ Component: (await import('./EventEditorPage.js')).NewEventPage }) },
  { path: 'staff/events/:id', lazy: async () => ({ Component: (await import('./EventEditorPage.js')).EditEventPage }) },
  { path: 'staff/events/:id/registrations', lazy: async () => ({ Component: (await import('./EventRegistrationsPage.js')).EventRegistrationsPage }) },
];
