import type { RouteObject } from 'react-router';

export const authRoutes: RouteObject[] = [
  { path: 'login', lazy: async () => ({ Component: (await import('./LogInPage.js')).LogInPage }) },
  { path: 'signup', lazy: async () => ({ Component: (await import('./SignUpPage.js')).SignUpPage }) },
];
