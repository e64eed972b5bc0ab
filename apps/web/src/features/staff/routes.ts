import type { RouteObject } from 'react-router';
import { loadStaffStrings } from '../../shared/i18n/i18n.js';
import { withStrings } from '../../shared/i18n/with-strings.js';
import { integrationsRoutes } from './integrations/routes.js';
import { paymentsRoutes } from './payments/routes.js';
import { staffMentoringRoutes } from './mentoring/routes.js';
import { staffEventsRoutes } from './events/routes.js';
import { staffCommunitiesRoutes } from './communities/routes.js';
import { staffMembersRoutes } from './members/routes.js';

const consoleRoutes: RouteObject[] = [
  { path: 'staff', lazy: async () => ({ Component: (await import('./StaffHomePage.js')).StaffHomePage }) },
  { path: 'staff/approvals', lazy: async () => ({ Component: (await import('./ApprovalsPage.js')).ApprovalsPage }) },
  { path: 'staff/check-in', lazy: async () => ({ Component: (await import('./CheckInPage.js')).CheckInPage }) },
  { path: 'staff/reports', lazy: async () => ({ Component: (await import('./ReportsPage.js')).ReportsPage }) },
  { path: 'staff/audit', lazy: async () => ({ Component: (await import('./AuditLogPage.js')).AuditLogPage }) },
  { path: 'staff/outbox', lazy: async () => ({ Component: (await import('./OutboxPage.js')).OutboxPage }) },
  { path: 'staff/import', lazy: async () => ({ Component: (await import('./ImportPage.js')).ImportPage }) },
  ...integrationsRoutes,
  ...paymentsRoutes,
  ...staffMentoringRoutes,
  ...staffEventsRoutes,
  ...staffMembersRoutes,
  ...staffCommunitiesRoutes,
];

/** Each console page's chunk loads together with the console's strings (en.staff.json), which the first page does not carry. */
export const staffRoutes: RouteObject[] = withStrings(consoleRoutes, loadStaffStrings);
