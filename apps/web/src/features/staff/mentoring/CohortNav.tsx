import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** Links between a cohort's console pages; the current one is marked with aria-current. */
export function CohortNav({ cohortId, cohortName }: { cohortId: string; cohortName: string }) {
  const { t } = useTranslation();
  const base = `/staff/mentoring/cohorts/${cohortId}`;
  const links = [
    { to: base, label: t('staffMentoring.nav.cohort') },
    { to: `${base}/applications`, label: t('staffMentoring.nav.applications') },
    { to: `${base}/matching`, label: t('staffMentoring.nav.matching') },
    { to: `${base}/report`, label: t('staffMentoring.nav.report') },
  ];
  return (
    <Group component="nav" aria-label={t('staffMentoring.nav.label', { cohort: cohortName })} gap="md" wrap="wrap">
      <Anchor component={NavLink} to="/staff/mentoring" end>
        {t('staffMentoring.nav.programs')}
      </Anchor>
      {links.map((link) => (
        <Anchor key={link.to} component={NavLink} to={link.to} end fw={500}>
          {link.label}
        </Anchor>
      ))}
    </Group>
  );
}
