import type { RouteObject } from 'react-router';

/** The person's privacy page (data export, erasure) and the emailed erasure link. */
export const privacyRoutes: RouteObject[] = [
  { path: 'privacy', lazy: async () => ({ Component: (await import('./PrivacyPage.js')).PrivacyPage }) },
  { path: 'confirm-erasure', lazy: async () => ({ Component: (await import('./ConfirmErasurePage.js')).ConfirmErasurePage }) },
];
