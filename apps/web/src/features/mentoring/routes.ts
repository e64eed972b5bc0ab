import type { RouteObject } from 'react-router';

export const mentoringRoutes: RouteObject[] = [
  { path: 'mentoring', lazy: async () => ({ Component: (await import('./MentoringPage.js')).MentoringPage }) },
];
