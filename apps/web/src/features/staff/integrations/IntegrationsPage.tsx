import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import type { MessageKey } from '../../../shared/i18n/message-key.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { Page } from '../../../shared/ui/Page.js';
import { sectionAt } from '../staff-sections.js';

const SECTION = sectionAt('/staff/integrations');
const PAGES: Array<{ to: string; label: MessageKey; description: MessageKey }> = [
  { to: '/staff/integrations/webhooks', label: 'staffIntegrations.webhooks.title', description: 'staffIntegrations.webhooks.description' },
  { to: '/staff/integrations/tokens', label: 'staffIntegrations.tokens.title', description: 'staffIntegrations.tokens.description' },
  { to: '/staff/integrations/settings', label: 'staffIntegrations.settings.title', description: 'staffIntegrations.settings.description' },
];

/** The integrations section's front page (admins): webhooks, every API token, and the privacy and sign-in settings. */
export function IntegrationsPage() {
  const { t } = useTranslation();
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <Page title={t('staffIntegrations.title')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {PAGES.map((page) => (
            <Card key={page.to} withBorder component="section" aria-label={t(page.label)}>
              <Anchor component={Link} to={page.to} fw={600}>{t(page.label)}</Anchor>
              <Text size="sm" c="dimmed">{t(page.description)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </Page>
    </RequireStaff>
  );
}
