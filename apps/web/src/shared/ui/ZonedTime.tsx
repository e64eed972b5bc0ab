import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatEventTime } from '../formatting/format.js';

/**
 * A moment of an event: in the event's time zone (named), and the viewer's own time beside it
 * when their zone differs. `<time>` carries the exact instant for assistive tech and copy-paste.
 */
export function ZonedTime({ iso, timeZone, size = 'sm' }: { iso: string; timeZone: string; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  const text = formatEventTime(iso, timeZone);
  return (
    <Text size={size} component="span">
      <time dateTime={iso}>{text.event}</time>
      {text.viewer ? (
        <Text span c="dimmed" size={size}>
          {' '}
          {t('common.yourTime', { time: text.viewer })}
        </Text>
      ) : null}
    </Text>
  );
}
