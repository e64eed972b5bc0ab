import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CohortStatus } from './mentoring-console.generated.js';

const COLOURS: Record<CohortStatus, string> = { DRAFT: 'gray', APPLICATIONS_OPEN: 'blue', MATCHING: 'orange', ACTIVE: 'green', COMPLETED: 'dark' };

export function CohortStatusBadge({ status }: { status: CohortStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLOURS[status]} variant="light">{t(`staffMentoring.cohortStatus.${status}`)}</Badge>;
}
