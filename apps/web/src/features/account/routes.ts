import type { RouteObject } from 'react-router';

/** The account's own pages: the emailed links (reset, claim, verify, confirm) and the account page. */
export const accountRoutes: RouteObject[] = [
  { path: 'forgot-password', lazy: async () => ({ Component: (await import('./ForgotPasswordPage.js')).ForgotPasswordPage }) },
  { path: 'reset-password', lazy: async () => ({ Component: (await import('./ResetPasswordPage.js')).ResetPasswordPage }) },
  { path: 'claim', lazy: async () => ({ Component: (await import('./ClaimAccountPage.js')).ClaimAccountPage }) },
  { path: 'verify-email', lazy: async () => ({ Component: (await import('./VerifyEmailPage.js')).VerifyEmailPage }) },
  { path: 'confirm-email', lazy: async () => ({ Component: (await import('./ConfirmEmailPage.js')).ConfirmEmailPage }) },
  { path: 'account', lazy: async () => ({ Component: (await import('./AccountPage.js')).AccountPage }) },
];
