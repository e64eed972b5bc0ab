import type { RouteObject } from 'react-router';

/** Membership: apply, pay dues (Stripe Checkout and its return pages), renewals, tier and payments. */
export const membershipRoutes: RouteObject[] = [
  { path: 'membership', lazy: async () => ({ Component: (await import('./MembershipPage.js')).MembershipPage }) },
  { path: 'membership/checkout/complete', lazy: async () => ({ Component: (await import('./CheckoutCompletePage.js')).CheckoutCompletePage }) },
  { path: 'membership/checkout/cancelled', lazy: async () => ({ Component: (await import('./CheckoutCancelledPage.js')).CheckoutCancelledPage }) },
];
