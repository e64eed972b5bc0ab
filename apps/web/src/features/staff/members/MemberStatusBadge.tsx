import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MembershipStatus } from './members.generated.js';

/** A membership status in words (the default badge: dark text that stays readable on striped rows). */
export function MemberStatusBadge({ status }: { status: MembershipStatus }) {
  const { t } = useTranslation();
  return <Badge variant="default">{t(`staffMembers.status.${status}`)}</Badge>;
}
