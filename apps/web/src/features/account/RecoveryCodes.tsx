import { Alert, Button, CopyButton, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The ten recovery codes, shown this once: copy them or save them as a text file. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const text = `${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'guildhall-recovery-codes.txt';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <Stack>
      <Alert role="status" color="green" variant="light" title={t('twoFactor.enabledTitle')}>{t('twoFactor.codesExplain')}</Alert>
      <List aria-label={t('twoFactor.codesLabel')} ff="monospace">
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed">{t('twoFactor.codesOnce')}</Text>
      <Group>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>{copied ? t('twoFactor.copied') : t('twoFactor.copy')}</Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={download}>{t('twoFactor.download')}</Button>
        <Button onClick={onDone}>{t('twoFactor.saved')}</Button>
      </Group>
    </Stack>
  );
}
