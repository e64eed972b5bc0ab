import { Anchor, Badge, Button, Card, FileInput, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { CommunityAddLinkDocument, CommunityResourcesDocument } from './discussions.generated.js';
import { downloadWithToken } from '../../shared/files/download.js';
import { formatDateTime, formatNumber } from '../../shared/formatting/format.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';
import { uploadResource } from './resource-upload.js';

/** Only web links become anchors (the API accepts nothing else; checked again here). */
const SAFE_URL = /^https?:\/\//i;

/** A space's shelf: links and files (downloaded with the bearer token), and for posters a way to add both. */
export function ResourceShelf({ spaceId, canAdd }: { spaceId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const refresh = () => {
    setCursors([null]);
    setVersion((v) => v + 1);
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="resources-heading">
      <Title order={2} size="h3" id="resources-heading">{t('community.resources.title')}</Title>
      {cursors.map((after, index) => (
        <ResourcesChunk key={`${version}:${after ?? 'first'}`} spaceId={spaceId} after={after} isLast={index === cursors.length - 1} onMore={(c) => setCursors((l) => [...l, c])} fresh={version > 0} />
      ))}
      {canAdd ? (
        <Group align="flex-start" gap="lg" wrap="wrap">
          <AddLinkForm spaceId={spaceId} onAdded={refresh} />
          <UploadForm spaceId={spaceId} onAdded={refresh} />
        </Group>
      ) : null}
    </Stack>
  );
}

function ResourcesChunk({ spaceId, after, isLast, onMore, fresh }: { spaceId: string; after: string | null; isLast: boolean; onMore: (cursor: string) => void; fresh: boolean }) {
  const { t } = useTranslation();
  const { alert, setAlert } = useActionError();
  const [{ data, fetching, error }] = useQuery({ query: CommunityResourcesDocument, variables: { id: spaceId, after }, requestPolicy: fresh ? 'network-only' : 'cache-first' });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  const resources = data?.space?.resources;
  if (!resources) return null;
  if (!after && resources.edges.length === 0) return <EmptyState title={t('community.resources.none')} />;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {resources.edges.map(({ node }) => (
        <Card key={node.id} withBorder component="li" padding="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            {node.url && SAFE_URL.test(node.url) ? (
              <Anchor href={node.url} target="_blank" rel="nofollow ugc noopener noreferrer" fw={600}>{node.title}</Anchor>
            ) : (
              <Button variant="subtle" px={0} onClick={() => downloadWithToken(`/resources/${node.id}/download`, node.fileName ?? node.title).catch(() => setAlert(t('community.resources.downloadFailed')))}>
                {t('community.resources.download', { title: node.title })}
              </Button>
            )}
            <Group gap="xs">
              {node.tags.map((tag) => <Badge key={tag} variant="outline">{tag}</Badge>)}
              {node.sizeBytes != null ? <Text size="sm" c="dimmed">{t('community.resources.size', { kb: formatNumber(Math.ceil(node.sizeBytes / 1024)) })}</Text> : null}
            </Group>
          </Group>
          <Text size="sm" c="dimmed">{t('community.resources.addedBy', { name: node.addedBy?.fullName ?? t('community.post.formerMember'), time: formatDateTime(node.createdAt) })}</Text>
        </Card>
      ))}
      <FormAlert message={alert} />
      {isLast && resources.pageInfo.hasNextPage && resources.pageInfo.endCursor ? (
        <li><Button variant="default" onClick={() => onMore(resources.pageInfo.endCursor!)}>{t('common.showMore')}</Button></li>
      ) : null}
    </Stack>
  );
}

function AddLinkForm({ spaceId, onAdded }: { spaceId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [{ fetching }, add] = useMutation(CommunityAddLinkDocument);
  const { alert, showError, setAlert } = useActionError();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    const { error } = await add({ spaceId, input: { title, url } });
    if (error) return showError(error);
    setTitle('');
    setUrl('');
    onAdded();
  };
  return (
    <form onSubmit={submit} aria-label={t('community.resources.addLink')} style={{ flex: '1 1 260px' }}>
      <Stack gap="xs">
        <TextInput label={t('community.resources.linkTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
        <TextInput label={t('community.resources.linkUrl')} type="url" value={url} onChange={(e) => setUrl(e.currentTarget.value)} required />
        <FormAlert message={alert} />
        <Button type="submit" variant="default" loading={fetching} w="fit-content">{t('community.resources.addLink')}</Button>
      </Stack>
    </form>
  );
}

function UploadForm({ spaceId, onAdded }: { spaceId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const { alert, setAlert } = useActionError();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setAlert(t('community.resources.chooseFile'));
    setAlert(null);
    setBusy(true);
    try {
      const result = await uploadResource(spaceId, file, title);
      if (!result.ok) return setAlert(result.message ?? t('community.resources.uploadFailed'));
      setFile(null);
      setTitle('');
      onAdded();
    } catch {
      setAlert(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-label={t('community.resources.upload')} style={{ flex: '1 1 260px' }}>
      <Stack gap="xs">
        <FileInput label={t('community.resources.file')} value={file} onChange={setFile} clearable />
        <TextInput label={t('community.resources.fileTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <FormAlert message={alert} />
        <Button type="submit" variant="default" loading={busy} w="fit-content">{t('community.resources.upload')}</Button>
      </Stack>
    </form>
  );
}
