import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotFoundPage } from '../not-found/NotFoundPage.js';
import { mayOpen, RequireStaff } from '../../shared/session/guards.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { Page } from '../../shared/ui/Page.js';
import { staffSections } from './staff-sections.js';

/** The console's front page: the sections this person's permissions open, and no others. */
export function StaffHomePage() {
  return (
    <RequireStaff fallback={<NotFoundPage />}>
      <StaffHome />
    </RequireStaff>
  );
}

function StaffHome() {
  const { t } = useTranslation();
  const { session } = useSession();
  const sections = staffSections.filter((section) => mayOpen(session?.user, section.permissions));
  return (
    <Page title={t('staff.title')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {sections.map((section) => (
          <Card key={section.to} withBorder component="section" aria-label={t(section.label)}>
            <Anchor component={Link} to={section.to} fw={600}>
              {t(section.label)}
            </Anchor>
            <Text size="sm" c="dimmed">{t(section.description)}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Page>
  );
}
