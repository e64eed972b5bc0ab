import type { RouteObject } from 'react-router';

/** The console's integrations and privacy settings: webhooks, API tokens, retention, two-factor rules. */
export const integrationsRoutes: RouteObject[] = [
  { path: 'staff/integrations', lazy: async () => ({ Component: (await import('./IntegrationsPage.js')).IntegrationsPage }) },
  { path: 'staff/integrations/webhooks', lazy: async () => ({ Component: (await import('./WebhooksPage.js')).WebhooksPage }) },
  { path: 'staff/integrations/webhooks/:id', lazy: async () => ({ Component: (await import('./WebhookDeliveriesPage.js')).WebhookDeliveriesPage }) },
  { path: 'staff/integrations/tokens', lazy: async () => ({ Component: (await import('./ApiTokensPage.js')).ApiTokensPage }) },
  { path: 'staff/integrations/settings', lazy: async () => ({ Component: (await import('./SettingsPage.js')).SettingsPage }) },
];
