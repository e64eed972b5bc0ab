import { Alert, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { type ExportStatus, PrivacyPageDocument, type PrivacyPageQuery, PrivacyRequestExportDocument } from './privacy.generated.js';
import { downloadWithToken } from '../../shared/files/download.js';
import { formatDateTime } from '../../shared/formatting/format.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';

type DataExport = PrivacyPageQuery['myDataExports'][number];

const STATUS_COLOR: Record<ExportStatus, string> = { PENDING: 'blue', READY: 'green', EXPIRED: 'gray', FAILED: 'red' };

/** Ask for an archive of my data; my archives with their state, and the download while it is valid. */
export function DataExportsSection() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PrivacyPageDocument, requestPolicy: 'cache-and-network' });
  const [requesting, request] = useMutation(PrivacyRequestExportDocument);
  const { alert, clearAlert, showError } = useActionError();
  const [requested, setRequested] = useState(false);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const onRequest = async () => {
    clearAlert();
    setRequested(false);
    const result = await request({});
    if (result.error) return showError(result.error);
    setRequested(true);
    reload();
  };

  let list;
  if (fetching && !data) list = <LoadingState />;
  else if (error) list = <ErrorState error={error} />;
  else if (!data?.myDataExports.length) list = <EmptyState title={t('privacy.noExports')} />;
  else
    list = (
      <List listStyleType="none" spacing="sm" aria-label={t('privacy.exportsLabel')}>
        {data.myDataExports.map((item) => (
          <List.Item key={item.id}>
            <ExportRow item={item} onDownloaded={reload} />
          </List.Item>
        ))}
      </List>
    );

  return (
    <Stack>
      <Text>{t('privacy.exportExplain')}</Text>
      <FormAlert message={alert} />
      {requested ? <Alert role="status" color="green" variant="light">{t('privacy.exportRequested')}</Alert> : null}
      <Group>
        <Button onClick={() => void onRequest()} loading={requesting.fetching}>{t('privacy.requestExport')}</Button>
        <Button variant="default" onClick={reload}>{t('privacy.refresh')}</Button>
      </Group>
      {list}
    </Stack>
  );
}

function ExportRow({ item, onDownloaded }: { item: DataExport; onDownloaded: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const downloadUrl = item.downloadUrl;
  const onDownload = async () => {
    if (!downloadUrl) return;
    setBusy(true);
    setFailed(false);
    try {
      // The URL is the API's (maybe another origin in development): fetch its path from this site.
      await downloadWithToken(new URL(downloadUrl).pathname, `guildhall-data-${item.id}.zip`);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
      onDownloaded();
    }
  };
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Text fw={600}>{t('privacy.requestedAt', { when: formatDateTime(item.requestedAt) })}</Text>
        <Badge color={STATUS_COLOR[item.status]} variant="light">{t(`privacy.status.${item.status}`)}</Badge>
      </Group>
      {item.status === 'READY' && item.expiresAt ? <Text size="sm">{t('privacy.expiresAt', { when: formatDateTime(item.expiresAt) })}</Text> : null}
      {item.status === 'PENDING' ? <Text size="sm" c="dimmed">{t('privacy.pendingHint')}</Text> : null}
      {downloadUrl ? (
        <Group>
          <Button size="xs" onClick={() => void onDownload()} loading={busy} aria-label={t('privacy.downloadLabel', { when: formatDateTime(item.requestedAt) })}>
            {t('privacy.download')}
          </Button>
          <Text size="xs" c="dimmed">{t('privacy.downloadOnce')}</Text>
        </Group>
      ) : null}
      {failed ? <Alert role="alert" color="red" variant="light">{t('privacy.downloadFailed')}</Alert> : null}
    </Stack>
  );
}
