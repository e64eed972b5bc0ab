import { Badge, Box, Button, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { StaffApiTokensDocument, type StaffApiTokensQuery, StaffRevokeApiTokenDocument } from './integrations.generated.js';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/formatting/format.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { KeysetPager } from '../KeysetPager.js';
import { sectionAt } from '../staff-sections.js';
import { SecretOnce } from './SecretOnce.js';
import { ServiceTokenForm } from './ServiceTokenForm.js';
import { useRevokeToken } from '../../../shared/api-tokens/useRevokeToken.js';

const SECTION = sectionAt('/staff/integrations');
const PAGE_SIZE = 20;
type Token = StaffApiTokensQuery['apiTokens']['edges'][number]['node'];

/** Every API token (admins), newest first: whose, its scopes, when last used; revoke. */
export function ApiTokensPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <Tokens />
    </RequireStaff>
  );
}

function Tokens() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const after = params.get('after') ?? undefined;
  const [{ data, fetching, error }, refetch] = useQuery({ query: StaffApiTokensDocument, variables: { first: PAGE_SIZE, after }, requestPolicy: 'cache-and-network' });
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const tokens = data?.apiTokens;

  let body;
  if (fetching && !tokens) body = <LoadingState />;
  else if (error) body = <ErrorState error={error} />;
  else if (!tokens?.edges.length) body = <EmptyState title={t('staffIntegrations.tokens.empty')} />;
  else
    body = (
      <Stack gap="sm">
        <Text size="sm">{t('staffIntegrations.tokens.count', { count: tokens.totalCount, total: formatNumber(tokens.totalCount) })}</Text>
        <Box tabIndex={0} role="group" aria-label={t('staffIntegrations.tokens.tableLabel')} style={{ overflowX: 'auto' }}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staffIntegrations.tokens.name')}</Table.Th>
                <Table.Th scope="col">{t('staffIntegrations.tokens.kind')}</Table.Th>
                <Table.Th scope="col">{t('staffIntegrations.tokens.owner')}</Table.Th>
                <Table.Th scope="col">{t('staffIntegrations.tokens.scopes')}</Table.Th>
                <Table.Th scope="col">{t('staffIntegrations.tokens.expires')}</Table.Th>
                <Table.Th scope="col">{t('staffIntegrations.tokens.lastUsed')}</Table.Th>
                <Table.Th scope="col">{t('staffIntegrations.tokens.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.edges.map(({ node }) => <TokenRow key={node.id} token={node} />)}
            </Table.Tbody>
          </Table>
        </Box>
        <KeysetPager after={after} endCursor={tokens.pageInfo.endCursor} hasNextPage={tokens.pageInfo.hasNextPage} onGo={(cursor) => setParams(cursor ? new URLSearchParams({ after: cursor }) : new URLSearchParams())} />
      </Stack>
    );

  return (
    <Page title={t('staffIntegrations.tokens.title')}>
      <Stack>
        <Paper withBorder p="lg" component="section" aria-labelledby="tokens-new">
          <Stack>
            <Title order={2} size="h3" id="tokens-new">{t('staffIntegrations.tokens.newTitle')}</Title>
            {created ? <SecretOnce title={t('staffIntegrations.tokens.createdTitle', { name: created.name })} label={t('staffIntegrations.tokens.secretLabel')} hint={t('staffIntegrations.tokens.secretOnce')} secret={created.secret} onDone={() => setCreated(null)} /> : null}
            <ServiceTokenForm
              onCreated={(name, secret) => {
                setCreated({ name, secret });
                refetch({ requestPolicy: 'network-only' });
              }}
            />
          </Stack>
        </Paper>
        <Text size="sm">{t('staffIntegrations.tokens.explain')}</Text>
        {body}
      </Stack>
    </Page>
  );
}

function TokenRow({ token }: { token: Token }) {
  const { t } = useTranslation();
  const { expired, onRevoke, revoking: fetching, alert } = useRevokeToken(StaffRevokeApiTokenDocument, token);
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>{token.name}</Text>
        <Code>{token.secretPrefix}…</Code>
      </Table.Td>
      <Table.Td>{t(`staffIntegrations.tokens.kinds.${token.kind}`)}</Table.Td>
      <Table.Td>{token.owner.fullName}</Table.Td>
      <Table.Td>{token.scopes.join(', ')}</Table.Td>
      <Table.Td>{formatDate(token.expiresAt)}</Table.Td>
      <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('staffIntegrations.tokens.neverUsed')}</Table.Td>
      <Table.Td>
        {token.revokedAt ? (
          <Badge color="gray" variant="light">{t('staffIntegrations.tokens.revoked')}</Badge>
        ) : expired ? (
          <Badge color="gray" variant="light">{t('staffIntegrations.tokens.expired')}</Badge>
        ) : (
          <Stack gap={4}>
            <Button size="xs" variant="light" color="red" loading={fetching} onClick={() => void onRevoke()} aria-label={t('staffIntegrations.tokens.revokeLabel', { name: token.name })}>
              {t('staffIntegrations.tokens.revoke')}
            </Button>
            <FormAlert message={alert} />
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
