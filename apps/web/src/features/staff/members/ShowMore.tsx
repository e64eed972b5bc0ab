import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { formatNumber } from '../../../shared/formatting/format.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../../shared/ui/forms/useActionError.js';

/** "Showing 20 of 45" and a button named for its list that appends the next page. */
export function ShowMore({ list, shown, total, hasMore, loading, onMore }: {
  list: string;
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => Promise<CombinedError | undefined>;
}) {
  const { t } = useTranslation();
  const { alert, clearAlert, showError } = useActionError();
  if (!hasMore && shown >= total) return null;
  return (
    <Group gap="sm">
      <Text size="sm" c="dimmed">{t('staffPolish.members.shown', { shown: formatNumber(shown), total: formatNumber(total) })}</Text>
      {hasMore ? (
        <Button
          size="xs"
          variant="default"
          loading={loading}
          aria-label={t('staffPolish.members.showMoreOf', { list })}
          onClick={async () => {
            clearAlert();
            const error = await onMore();
            if (error) showError(error);
          }}
        >
          {t('staffPolish.members.showMore')}
        </Button>
      ) : null}
      <FormAlert message={alert} />
    </Group>
  );
}
