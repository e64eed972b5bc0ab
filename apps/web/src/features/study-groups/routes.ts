import type { RouteObject } from 'react-router';

export const studyGroupsRoutes: RouteObject[] = [
  { path: 'study-groups', lazy: async () => ({ Component: (await import('./StudyGroupsPage.js')).StudyGroupsPage }) },
];
