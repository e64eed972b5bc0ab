import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { MembershipConfirmCheckoutDocument, type MembershipPageMembershipFragment } from './membership.generated.js';
import { readError } from '../../shared/errors/graphql-errors.js';
import { formatDate } from '../../shared/formatting/format.js';
import { RequireAuth } from '../../shared/session/guards.js';
import { Page } from '../../shared/ui/Page.js';
import { LoadingState } from '../../shared/ui/states.js';
import { STATUS_COLOR, STATUS_KEY } from './membership-labels.js';

/**
 * Stripe's success URL (`/membership/checkout/complete?session_id=…`): asks the API to apply the
 * payment now (the webhook does the same; whichever comes first) and shows the membership.
 */
export function CheckoutCompletePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('membership.checkoutCompleteTitle')}>
      <RequireAuth>
        <Confirmation />
      </RequireAuth>
    </Page>
  );
}

function Confirmation() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const sessionId = params.get('session_id');
  const [, confirm] = useMutation(MembershipConfirmCheckoutDocument);
  const sent = useRef(false);
  const [membership, setMembership] = useState<MembershipPageMembershipFragment | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!sessionId || sent.current) return;
    sent.current = true;
    void confirm({ sessionId }).then((result) => {
      if (result.error || !result.data) setFailure(result.error ? readError(result.error).message : t('errors.unexpected'));
      else setMembership(result.data.confirmCheckout);
    });
  }, [confirm, sessionId, t]);

  if (!sessionId) return <Alert role="alert" color="red" variant="light">{t('membership.checkoutNoSession')}</Alert>;
  if (failure) return <Alert role="alert" color="red" variant="light">{failure}</Alert>;
  if (!membership) return <LoadingState label={t('membership.checkoutConfirming')} />;
  const paid = membership.status === 'ACTIVE' || membership.status === 'GRACE';
  return (
    <Stack>
      <Alert role="status" color={paid ? 'green' : 'yellow'} variant="light">
        {paid ? t('membership.checkoutThanks') : t('membership.checkoutProcessing')}
      </Alert>
      <Group gap="sm">
        <Text fw={600}>{membership.tier.name}</Text>
        <Badge variant="light" color={STATUS_COLOR[membership.status]}>{t(STATUS_KEY[membership.status])}</Badge>
      </Group>
      {membership.currentPeriodEnd ? <Text>{t('membership.paidUntil', { date: formatDate(membership.currentPeriodEnd) })}</Text> : null}
      <Group>
        <Anchor component={Link} to="/membership">{t('membership.backToMembership')}</Anchor>
        <Anchor component={Link} to="/dashboard">{t('membership.toDashboard')}</Anchor>
      </Group>
    </Stack>
  );
}
