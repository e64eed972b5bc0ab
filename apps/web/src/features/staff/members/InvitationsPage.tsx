import { Box, Button, Checkbox, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { StaffInvitationsDocument, StaffMemberInviteDocument } from './members.generated.js';
import { formatDateTime, formatNumber } from '../../../shared/formatting/format.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../../shared/ui/forms/useActionError.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { KeysetPager } from '../KeysetPager.js';
import { sectionAt } from '../staff-sections.js';

const SECTION = sectionAt('/staff/invitations');
const PAGE_SIZE = 20;

/** Imported accounts not yet claimed: who was invited when; select some and send them the link to set a password. */
export function InvitationsPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <Invitations />
    </RequireStaff>
  );
}

function Invitations() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const after = params.get('after') ?? undefined;
  const notInvited = params.get('notInvited') === '1';
  const [{ data, fetching, error }, refresh] = useQuery({ query: StaffInvitationsDocument, variables: { first: PAGE_SIZE, after, notInvited }, requestPolicy: 'cache-and-network' });
  const [invite, sendInvite] = useMutation(StaffMemberInviteDocument);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<string | null>(null);
  const { alert, clearAlert, showError } = useActionError();

  const go = (next: { notInvited: boolean; after?: string }) => {
    const search = new URLSearchParams();
    if (next.notInvited) search.set('notInvited', '1');
    if (next.after) search.set('after', next.after);
    setSelected(new Set());
    setParams(search);
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const send = async () => {
    clearAlert();
    setOutcome(null);
    const result = await sendInvite({ userIds: [...selected] });
    if (result.error) showError(result.error);
    else if (result.data) {
      setOutcome(t('staffMembers.invitations.sent', { invited: formatNumber(result.data.sendAccountInvitations.invited), skipped: formatNumber(result.data.sendAccountInvitations.skipped) }));
      setSelected(new Set());
      refresh({ requestPolicy: 'network-only' });
    }
  };

  const list = data?.unclaimedAccounts;
  let body;
  if (fetching && !list) body = <LoadingState />;
  else if (error) body = <ErrorState error={error} />;
  else if (!list?.edges.length) body = <EmptyState title={t('staffMembers.invitations.empty')} />;
  else {
    const pageIds = list.edges.map(({ node }) => node.id);
    const allSelected = pageIds.every((id) => selected.has(id));
    body = (
      <Stack gap="sm">
        <Text size="sm" aria-live="polite">{t('staffMembers.invitations.count', { total: formatNumber(list.totalCount) })}</Text>
        <Box tabIndex={0} role="group" aria-label={t('staffMembers.invitations.tableLabel')} style={{ overflowX: 'auto' }}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Checkbox
                    aria-label={t('staffMembers.invitations.selectPage')}
                    checked={allSelected}
                    onChange={(event) => setSelected(event.currentTarget.checked ? new Set([...selected, ...pageIds]) : new Set([...selected].filter((id) => !pageIds.includes(id))))}
                  />
                </Table.Th>
                <Table.Th scope="col">{t('staffMembers.invitations.name')}</Table.Th>
                <Table.Th scope="col">{t('staffMembers.invitations.email')}</Table.Th>
                <Table.Th scope="col">{t('staffMembers.invitations.lastSent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.edges.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>
                    <Checkbox aria-label={t('staffMembers.invitations.selectWho', { name: node.fullName })} checked={selected.has(node.id)} onChange={(event) => toggle(node.id, event.currentTarget.checked)} />
                  </Table.Td>
                  <Table.Td>{node.fullName}</Table.Td>
                  <Table.Td>{node.email}</Table.Td>
                  <Table.Td>{node.invitationSentAt ? formatDateTime(node.invitationSentAt) : t('staffMembers.invitations.never')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
        <KeysetPager key={String(notInvited)} after={after} endCursor={list.pageInfo.endCursor} hasNextPage={list.pageInfo.hasNextPage} onGo={(cursor) => go({ notInvited, after: cursor })} />
      </Stack>
    );
  }

  return (
    <Page title={t('staffMembers.invitations.title')}>
      <Group justify="space-between" wrap="wrap">
        <Switch label={t('staffMembers.invitations.notInvitedOnly')} checked={notInvited} onChange={(event) => go({ notInvited: event.currentTarget.checked })} />
        <Button onClick={() => void send()} disabled={selected.size === 0} loading={invite.fetching}>
          {t('staffMembers.invitations.send', { selected: formatNumber(selected.size) })}
        </Button>
      </Group>
      <FormAlert message={alert} />
      {outcome ? <Text role="status">{outcome}</Text> : null}
      {body}
    </Page>
  );
}
