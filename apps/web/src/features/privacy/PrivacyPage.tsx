import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RequireAuth } from '../../shared/session/guards.js';
import { Page } from '../../shared/ui/Page.js';
import { DataExportsSection } from './DataExportsSection.js';
import { ErasureSection } from './ErasureSection.js';

/** `/privacy`: everything held about me as an archive, and erasing my account. */
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('privacy.title')}>
      <RequireAuth>
        <Stack gap="xl">
          <Text>{t('privacy.intro')}</Text>
          <Paper withBorder p="lg" component="section" aria-labelledby="privacy-export">
            <Stack>
              <Title order={2} size="h3" id="privacy-export">{t('privacy.exportTitle')}</Title>
              <DataExportsSection />
            </Stack>
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="privacy-erasure">
            <Stack>
              <Title order={2} size="h3" id="privacy-erasure">{t('privacy.erasureTitle')}</Title>
              <ErasureSection />
            </Stack>
          </Paper>
        </Stack>
      </RequireAuth>
    </Page>
  );
}
