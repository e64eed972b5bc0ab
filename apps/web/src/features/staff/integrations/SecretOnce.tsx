import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A secret the API shows this once (a webhook's signing secret, a service token): copy it, then close. */
export function SecretOnce({ title, secret, onDone, label, hint }: { title: string; secret: string; onDone: () => void; label?: string; hint?: string }) {
  const { t } = useTranslation();
  return (
    <Alert role="status" color="green" variant="light" title={title}>
      <Stack gap="xs">
        <Text size="sm">{hint ?? t('staffIntegrations.secretOnce')}</Text>
        <Code block aria-label={label ?? t('staffIntegrations.secretLabel')} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>{secret}</Code>
        <Group>
          <CopyButton value={secret}>
            {({ copied, copy }) => <Button size="xs" variant="default" onClick={copy}>{copied ? t('staffIntegrations.copied') : t('staffIntegrations.copy')}</Button>}
          </CopyButton>
          <Button size="xs" onClick={onDone}>{t('staffIntegrations.secretSaved')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
