import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatEventTime } from '../../shared/formatting/format.js';

/** When an event starts, in its own zone, with the viewer's time beside it when that differs. */
export function EventTime({ startsAt, timezone }: { startsAt: string; timezone: string }) {
  const { t } = useTranslation();
  const time = formatEventTime(startsAt, timezone);
  return (
    <Text size="sm">
      {time.event}
      {time.viewer ? <Text span c="dimmed" size="sm">{' '}{t('myEvents.yourTime', { time: time.viewer })}</Text> : null}
    </Text>
  );
}
