import { Select, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { NotFoundPage } from '../not-found/NotFoundPage.js';
import { StaffCreditsIssuedReportDocument, StaffDuesCollectedReportDocument, StaffEventAttendanceReportDocument, StaffJoinsAndLapsesReportDocument, StaffMembersByStatusReportDocument, StaffMentoringHealthReportDocument, StaffStudyGroupAttendanceReportDocument } from './staff.generated.js';
import { mayOpen, RequireStaff } from '../../shared/session/guards.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { Page } from '../../shared/ui/Page.js';
import { isReportPeriod, REPORT_PERIODS, reportRange, type ReportPeriod } from './reports/report-period.js';
import { ReportCard, type ReportDocument } from './reports/ReportCard.js';
import { sectionAt } from './staff-sections.js';

const SECTION = sectionAt('/staff/reports');

/** Each report with the permission the API asks for it (an ADMIN holds every one). */
const REPORTS: Array<{ key: string; document: ReportDocument; permission: string }> = [
  { key: 'members-by-status', document: StaffMembersByStatusReportDocument, permission: 'MEMBERSHIP_MANAGER' },
  { key: 'joins-and-lapses', document: StaffJoinsAndLapsesReportDocument, permission: 'MEMBERSHIP_MANAGER' },
  { key: 'dues-collected', document: StaffDuesCollectedReportDocument, permission: 'FINANCE' },
  { key: 'event-attendance', document: StaffEventAttendanceReportDocument, permission: 'EVENT_MANAGER' },
  { key: 'credits-issued', document: StaffCreditsIssuedReportDocument, permission: 'EVENT_MANAGER' },
  { key: 'mentoring-health', document: StaffMentoringHealthReportDocument, permission: 'MENTORING_COORDINATOR' },
  { key: 'study-group-attendance', document: StaffStudyGroupAttendanceReportDocument, permission: 'COMMUNITY_MANAGER' },
];

/** The reports this person's permissions open, over a period chosen above them (kept in the address). */
export function ReportsPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <Reports />
    </RequireStaff>
  );
}

function Reports() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const asked = params.get('period');
  const period: ReportPeriod = isReportPeriod(asked) ? asked : 'last12Months';
  const range = useMemo(() => reportRange(period), [period]);
  const reports = REPORTS.filter((report) => mayOpen(session?.user, [report.permission]));

  return (
    <Page
      title={t('staff.reports.title')}
      actions={
        <Select
          label={t('staff.reports.periodLabel')}
          data={REPORT_PERIODS.map((value) => ({ value, label: t(`staff.reports.periods.${value}`) }))}
          value={period}
          onChange={(value) => value && setParams({ period: value }, { replace: true })}
          allowDeselect={false}
          maw={260}
        />
      }
    >
      <Stack gap="lg">
        {reports.map((report) => <ReportCard key={report.key} document={report.document} range={range} />)}
      </Stack>
    </Page>
  );
}
