import type { RouteObject } from 'react-router';

export const transcriptRoutes: RouteObject[] = [
  { path: 'transcript', lazy: async () => ({ Component: (await import('./TranscriptPage.js')).TranscriptPage }) },
];
