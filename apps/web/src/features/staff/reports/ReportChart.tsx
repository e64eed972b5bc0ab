import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../shared/formatting/format.js';
import { type ReportTable, splitRates } from './report-table.js';

const COLORS = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.7', 'red.6', 'lime.7', 'pink.6'];
const RATE_COLORS = ['red.7', 'grape.7', 'cyan.8'];

/**
 * A report as grouped bars; rates (shares from 0 to 1) get their own line chart with a 0–100 %
 * axis, never the counts' axis. Described in words for screen readers (the table beside it has every number).
 */
export function ReportChart({ title, table }: { title: string; table: ReportTable }) {
  const { t } = useTranslation();
  const { counts, rates } = splitRates(table);
  return (
    <Stack gap="md">
      {counts.series.length ? (
        <div role="img" aria-label={t('staff.reports.chartSummary', { title, periods: counts.rows.length, series: counts.series.join(', ') })}>
          <BarChart
            h={260}
            data={counts.rows.map((row) => ({ period: row.period, ...row.values }))}
            dataKey="period"
            series={counts.series.map((name, i) => ({ name, color: COLORS[i % COLORS.length] ?? 'gray.6' }))}
            valueFormatter={(value) => formatNumber(value)}
            withLegend
            tickLine="y"
          />
        </div>
      ) : null}
      {rates.series.length ? (
        <div role="img" aria-label={t('staff.reports.chartSummary', { title, periods: rates.rows.length, series: rates.series.join(', ') })}>
          <LineChart
            h={180}
            data={rates.rows.map((row) => ({ period: row.period, ...row.values }))}
            dataKey="period"
            series={rates.series.map((name, i) => ({ name, color: RATE_COLORS[i % RATE_COLORS.length] ?? 'gray.7' }))}
            valueFormatter={(value) => formatPercent(value)}
            yAxisProps={{ domain: [0, 1] }}
            withLegend
            tickLine="y"
          />
        </div>
      ) : null}
    </Stack>
  );
}
