import { Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardPageQuery } from './dashboard.generated.js';
import { EmptyState } from '../../shared/ui/states.js';
import { DashboardCard } from './DashboardCard.js';
import { LINKS } from './dashboard-links.js';

type Pair = DashboardPageQuery['myMentoring'][number];

/** Active pairs and the next step in each: confirm the partner's check-ins, or log one when overdue. */
export function MentoringCard({ pairs, viewerId }: { pairs: Pair[]; viewerId: string }) {
  const { t } = useTranslation();
  const active = pairs.filter((pair) => pair.status === 'ACTIVE');
  return (
    <DashboardCard id="dashboard-mentoring" title={t('dashboard.mentoringTitle')}>
      {active.length === 0 ? <EmptyState title={t('dashboard.noMentoring')} /> : (
        <List listStyleType="none" spacing="sm">
          {active.map((pair) => {
            const mentoring = pair.mentor.id === viewerId;
            const partner = mentoring ? pair.mentee : pair.mentor;
            const toConfirm = pair.checkIns.filter((c) => !c.confirmedAt && c.loggedBy.id !== viewerId).length;
            return (
              <List.Item key={pair.id}>
                <Stack gap={2}>
                  <Text fw={600}>{t(mentoring ? 'dashboard.mentoringMentee' : 'dashboard.mentoringMentor', { name: partner.fullName })}</Text>
                  {toConfirm > 0 ? <Text size="sm" fw={600}>{t('dashboard.checkInsToConfirm', { count: toConfirm })}</Text> : null}
                  {pair.atRisk ? <Text size="sm" fw={600}>{t('dashboard.checkInOverdue')}</Text> : null}
                  {toConfirm === 0 && !pair.atRisk ? <Text size="sm">{t('dashboard.mentoringOnTrack')}</Text> : null}
                </Stack>
              </List.Item>
            );
          })}
        </List>
      )}
      <Anchor component={Link} to={LINKS.mentoring} size="sm">{t('dashboard.allMentoring')}</Anchor>
    </DashboardCard>
  );
}
