import type { RouteObject } from 'react-router';

/** The payments section of the staff console (FINANCE). */
export const paymentsRoutes: RouteObject[] = [
  { path: 'staff/payments', lazy: async () => ({ Component: (await import('./LedgerPage.js')).LedgerPage }) },
  { path: 'staff/payments/offline', lazy: async () => ({ Component: (await import('./OfflinePaymentPage.js')).OfflinePaymentPage }) },
  { path: 'staff/payments/reconcile', lazy: async () => ({ Component: (await import('./ReconcilePage.js')).ReconcilePage }) },
  { path: 'staff/payments/dues-report', lazy: async () => ({ Component: (await import('./DuesReportPage.js')).DuesReportPage }) },
  { path: 'staff/payments/:paymentId', lazy: async () => ({ Component: (await import('./PaymentPage.js')).PaymentPage }) },
];
