import type { RouteObject } from 'react-router';
import { staffCommunitiesRoutes } from './communities/routes.js';
import { staffMembersRoutes } from './members/routes.js';

export const staffRoutes: RouteObject[] = [
  { path: 'staff', lazy: async () => ({ Component: (await import('./StaffHomePage.js')).StaffHomePage }) },
  { path: 'staff/approvals', lazy: async () => ({ Component: (await import('./ApprovalsPage.js')).ApprovalsPage }) },
  { path: 'staff/check-in', lazy: async () => ({ Component: (await import('./CheckInPage.js')).CheckInPage }) },
  { path: 'staff/reports', lazy: async () => ({ Component: (await import('./ReportsPage.js')).ReportsPage }) },
  { path: 'staff/audit', lazy: async () => ({ Component: (await import('./AuditLogPage.js')).AuditLogPage }) },
  { path: 'staff/outbox', lazy: async () => ({ Component: (await import('./OutboxPage.js')).OutboxPage }) },
  { path: 'staff/import', lazy: async () => ({ Component: (await import('./ImportPage.js')).ImportPage }) },
  ...staffMembersRoutes,
  ...staffCommunitiesRoutes,
];
