import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MembershipPageMembershipFragment, MembershipPageQuery } from './membership.generated.js';
import { formatDate } from '../../shared/formatting/format.js';
import { AutoRenewSwitch } from './AutoRenewSwitch.js';
import { BillingPortalButton } from './BillingPortalButton.js';
import { ChangeTierForm } from './ChangeTierForm.js';
import { IN_GOOD_STANDING, STATUS_COLOR, STATUS_KEY } from './membership-labels.js';
import { PayDuesForm } from './PayDuesForm.js';

type Tier = MembershipPageQuery['membershipTiers'][number];

/** The current (or latest) membership: tier, status, period, and what can be done with it now. */
export function MembershipStatusCard({ membership, tiers, onChanged }: { membership: MembershipPageMembershipFragment; tiers: Tier[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const standing = IN_GOOD_STANDING.has(membership.status);
  const paysDues = !membership.complimentary && membership.tier.price.amount > 0;
  const recurring = membership.tier.billingInterval !== 'LIFETIME';
  const renewNow = standing && paysDues && recurring && !membership.autoRenew;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="membership-current">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="membership-current">{membership.tier.name}</Title>
          <Badge size="lg" variant="light" color={STATUS_COLOR[membership.status]}>{t(STATUS_KEY[membership.status])}</Badge>
        </Group>
        {membership.startedAt && membership.currentPeriodEnd ? (
          <Text>{t('membership.period', { from: formatDate(membership.startedAt), to: formatDate(membership.currentPeriodEnd) })}</Text>
        ) : null}
        {membership.startedAt && !membership.currentPeriodEnd && standing ? <Text>{t('membership.lifetime', { from: formatDate(membership.startedAt) })}</Text> : null}
        {membership.status === 'GRACE' && membership.graceEndsAt ? <Text>{t('membership.graceUntil', { date: formatDate(membership.graceEndsAt) })}</Text> : null}
        {membership.status === 'PENDING_APPROVAL' ? <Text>{t('membership.pendingApproval')}</Text> : null}
        {membership.status === 'DECLINED' && membership.declineReason ? <Text>{t('membership.declinedBecause', { reason: membership.declineReason })}</Text> : null}
        {membership.scheduledTierChange ? (
          <Text>
            {membership.scheduledTierChange.effectiveAt
              ? t('membership.tierChangeOn', { tier: membership.scheduledTierChange.tier.name, date: formatDate(membership.scheduledTierChange.effectiveAt) })
              : t('membership.tierChangeNext', { tier: membership.scheduledTierChange.tier.name })}
          </Text>
        ) : null}
        {membership.status === 'PENDING_PAYMENT' ? <PayDuesForm membershipId={membership.id} recurring={recurring} renewal={false} /> : null}
        {renewNow ? <PayDuesForm membershipId={membership.id} recurring={recurring} renewal /> : null}
        {standing && paysDues && recurring ? <AutoRenewSwitch membershipId={membership.id} autoRenew={membership.autoRenew} /> : null}
        {standing ? <ChangeTierForm membership={membership} tiers={tiers} onChanged={onChanged} /> : null}
        {standing && paysDues ? <BillingPortalButton /> : null}
      </Stack>
    </Paper>
  );
}
