import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardPageQuery } from './dashboard.generated.js';
import { formatDate } from '../../shared/formatting/format.js';
import type { MessageKey } from '../../shared/i18n/message-key.js';
import { DashboardCard } from './DashboardCard.js';

type Membership = NonNullable<DashboardPageQuery['me']['membership']>;

const NEXT_STEP: Partial<Record<Membership['status'], MessageKey>> = {
  PENDING_PAYMENT: 'dashboard.nextPay',
  GRACE: 'dashboard.nextRenew',
  LAPSED: 'dashboard.nextRejoin',
  CANCELLED: 'dashboard.nextRejoin',
  DECLINED: 'dashboard.nextRejoin',
};

/** Status and period of the membership, and the one thing to do about it now (pay, renew, apply). */
export function MembershipSummary({ membership }: { membership: Membership | null }) {
  const { t } = useTranslation();
  const next = membership ? NEXT_STEP[membership.status] : 'dashboard.nextApply';
  return (
    <DashboardCard id="dashboard-membership" title={t('dashboard.membershipTitle')}>
      {membership ? (
        <Group gap="sm" wrap="wrap">
          <Text fw={600}>{membership.tier.name}</Text>
          <Badge variant="light">{t(`membership.status.${membership.status}`)}</Badge>
        </Group>
      ) : (
        <Text>{t('dashboard.noMembership')}</Text>
      )}
      {membership?.status === 'ACTIVE' && membership.currentPeriodEnd ? (
        <Text size="sm">
          {t(membership.autoRenew ? 'dashboard.renewsOn' : 'dashboard.endsOn', { date: formatDate(membership.currentPeriodEnd) })}
        </Text>
      ) : null}
      {membership?.status === 'GRACE' && membership.graceEndsAt ? <Text size="sm">{t('membership.graceUntil', { date: formatDate(membership.graceEndsAt) })}</Text> : null}
      {membership?.status === 'PENDING_APPROVAL' ? <Text size="sm">{t('membership.pendingApproval')}</Text> : null}
      {next ? (
        <Button component={Link} to="/membership" w="fit-content">{t(next)}</Button>
      ) : (
        <Button component={Link} to="/membership" variant="default" w="fit-content">{t('dashboard.manageMembership')}</Button>
      )}
    </DashboardCard>
  );
}
