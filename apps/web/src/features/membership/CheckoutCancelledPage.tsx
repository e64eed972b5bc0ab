import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../shared/ui/Page.js';

/** Stripe's cancel URL: nothing was charged; the member can try again from the membership page. */
export function CheckoutCancelledPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('membership.checkoutCancelledTitle')}>
      <Stack>
        <Text>{t('membership.checkoutCancelled')}</Text>
        <Anchor component={Link} to="/membership">{t('membership.backToMembership')}</Anchor>
      </Stack>
    </Page>
  );
}
