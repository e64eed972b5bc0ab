import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/formatting/format.js';
import type { MonthCredits } from './credits-by-month.js';

/** Credits per month as bars; the figure is described in words for screen readers (the table below lists every activity). */
export function CreditsChart({ months }: { months: MonthCredits[] }) {
  const { t } = useTranslation();
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return null;
  const best = months.reduce((top, m) => (m.credits > top.credits ? m : top), first);
  return (
    <figure style={{ margin: 0 }}>
      <div role="img" aria-label={t('transcript.chartSummary', { first: first.month, last: last.month, best: best.month, credits: formatNumber(best.credits) })}>
        <BarChart
          h={240}
          data={months}
          dataKey="month"
          series={[{ name: 'credits', label: t('transcript.credits'), color: 'indigo.6' }]}
          valueFormatter={(value) => formatNumber(value)}
          tickLine="y"
        />
      </div>
      <Text component="figcaption" size="sm" c="dimmed">{t('transcript.chartCaption')}</Text>
    </figure>
  );
}
