import type { RouteObject } from 'react-router';

export const studyGroupsRoutes: RouteObject[] = [
  { path: 'study-groups', lazy: async () => ({ Component: (await import('./StudyGroupsPage.js')).StudyGroupsPage }) },
];

export const studyGroupMemberRoutes: RouteObject[] = [
  { path: 'my-groups', lazy: async () => ({ Component: (await import('./MyStudyGroupsPage.js')).MyStudyGroupsPage }) },
  { path: 'my-groups/:groupId', lazy: async () => ({ Component: (await import('./StudyGroupPage.js')).StudyGroupPage }) },
];
