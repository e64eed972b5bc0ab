import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/formatting/format.js';
import type { ReportTable } from './report-table.js';

const COLORS = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.7', 'red.6', 'lime.7', 'pink.6'];

/** A report as grouped bars; described in words for screen readers (the table beside it has every number). */
export function ReportChart({ title, table }: { title: string; table: ReportTable }) {
  const { t } = useTranslation();
  const data = table.rows.map((row) => ({ period: row.period, ...row.values }));
  return (
    <div role="img" aria-label={t('staff.reports.chartSummary', { title, periods: table.rows.length, series: table.series.join(', ') })}>
      <BarChart
        h={260}
        data={data}
        dataKey="period"
        series={table.series.map((name, i) => ({ name, color: COLORS[i % COLORS.length] ?? 'gray.6' }))}
        valueFormatter={(value) => formatNumber(value)}
        withLegend
        tickLine="y"
      />
    </div>
  );
}
