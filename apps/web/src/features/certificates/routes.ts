import type { RouteObject } from 'react-router';

export const certificatesRoutes: RouteObject[] = [
  { path: 'verify', lazy: async () => ({ Component: (await import('./VerifyCertificatePage.js')).VerifyCertificatePage }) },
  { path: 'verify/:code', lazy: async () => ({ Component: (await import('./VerifyCertificatePage.js')).VerifyCertificatePage }) },
];
