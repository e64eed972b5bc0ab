import type { RouteObject } from 'react-router';

/** The member directory: search by words, skills and location, twenty at a time. */
export const directoryRoutes: RouteObject[] = [
  { path: 'directory', lazy: async () => ({ Component: (await import('./DirectoryPage.js')).DirectoryPage }) },
];
