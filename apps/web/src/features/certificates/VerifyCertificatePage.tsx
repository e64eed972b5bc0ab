import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { VerifyCertificateDocument } from './certificates.generated.js';
import { formatDate } from '../../shared/formatting/format.js';
import { Page } from '../../shared/ui/Page.js';
import { ErrorState, LoadingState } from '../../shared/ui/states.js';

/** Public: anyone (an employer, a licensing board) checks a certificate's code. */
export function VerifyCertificatePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(code);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) void navigate(`/verify/${encodeURIComponent(draft.trim())}`);
  };

  return (
    <Page title={t('verify.title')}>
      <Text>{t('verify.intro')}</Text>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('verify.codeLabel')} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} maw={360} style={{ flexGrow: 1 }} required />
          <Button type="submit">{t('verify.check')}</Button>
        </Group>
      </form>
      {code ? <VerificationResult key={code} code={code} /> : null}
    </Page>
  );
}

function VerificationResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: VerifyCertificateDocument, variables: { code } });
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  const result = data?.verifyCertificate;
  if (!result) return null;
  if (!result.valid) {
    return (
      <Alert color="red" title={t('verify.invalidTitle')} role="status">
        {t('verify.invalidBody', { code })}
      </Alert>
    );
  }
  return (
    <Alert color="green" title={t('verify.validTitle')} role="status">
      <Stack gap={4}>
        <Text size="sm">{t('verify.holder')}: {result.holderName}</Text>
        <Text size="sm">{t('verify.event')}: {result.eventTitle}{result.eventStartsAt ? ` (${formatDate(result.eventStartsAt)})` : ''}</Text>
        <Text size="sm">{t('verify.credits')}: {result.credits ?? 0}</Text>
        {result.issuedAt ? <Text size="sm">{t('verify.issued')}: {formatDate(result.issuedAt)}</Text> : null}
      </Stack>
    </Alert>
  );
}
