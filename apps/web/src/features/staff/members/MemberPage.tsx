import { Box, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { StaffMemberMoreAuditDocument, StaffMemberMorePaymentsDocument, StaffMemberMoreRegistrationsDocument, StaffMemberPageDocument, type StaffMemberPageQuery } from './members.generated.js';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../../shared/formatting/format.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { Page } from '../../../shared/ui/Page.js';
import { ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { sectionAt } from '../staff-sections.js';
import { MemberActions } from './MemberActions.js';
import { MemberStatusBadge } from './MemberStatusBadge.js';
import { ShowMore } from './ShowMore.js';
import { useShowMore } from './useShowMore.js';

const SECTION = sectionAt('/staff/members');

/** One person: profile, membership and its periods, status history, payments, registrations, CE credits, the audit trail about them, and what staff can do. */
export function MemberPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <Member />
    </RequireStaff>
  );
}

function Member() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const [{ data, fetching, error }, refresh] = useQuery({ query: StaffMemberPageDocument, variables: { userId }, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <Page title={t('staffMembers.member.loading')}><LoadingState /></Page>;
  if (error && !data) {
    if (error.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'BAD_USER_INPUT')) return <NotFoundPage />;
    return <Page title={t('staffMembers.member.loading')}><ErrorState error={error} /></Page>;
  }
  if (!data?.user) return <NotFoundPage />;
  const { user } = data;
  return (
    <Page title={user.fullName}>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Profile user={user} />
        <MembershipCard membership={user.membership} />
      </SimpleGrid>
      <MemberActions user={user} onChanged={() => refresh({ requestPolicy: 'network-only' })} />
      <StatusHistory changes={data.membershipStatusHistory} />
      <Payments userId={user.id} payments={data.memberPayments} />
      <Registrations userId={user.id} registrations={data.memberRegistrations} />
      <Credits transcript={data.memberTranscript} />
      <AuditTrail userId={user.id} trail={data.memberAuditTrail} />
    </Page>
  );
}

type Data = StaffMemberPageQuery;
type User = NonNullable<Data['user']>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h3">{title}</Title>
        {children}
      </Stack>
    </Card>
  );
}

function Facts({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <Stack gap={4} component="dl" m={0}>
      {rows.map(([label, value]) => (
        <Group key={label} gap="xs" wrap="nowrap" align="flex-start">
          <Text component="dt" size="sm" fw={600} miw={140}>{label}</Text>
          <Text component="dd" size="sm" m={0}>{value}</Text>
        </Group>
      ))}
    </Stack>
  );
}

/** A table that scrolls sideways on a phone, named for screen readers. */
function ScrollTable({ label, head, rows }: { label: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <Box tabIndex={0} role="group" aria-label={label} style={{ overflowX: 'auto' }}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>{head.map((h) => <Table.Th key={h} scope="col">{h}</Table.Th>)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((cells, i) => (
            <Table.Tr key={i}>{cells.map((cell, j) => <Table.Td key={j}>{cell}</Table.Td>)}</Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

function Profile({ user }: { user: User }) {
  const { t } = useTranslation();
  const yes = t('staffMembers.member.yes');
  const no = t('staffMembers.member.no');
  return (
    <Section title={t('staffMembers.member.profile')}>
      <Facts
        rows={[
          [t('staffMembers.member.email'), user.email],
          [t('staffMembers.member.emailVerified'), user.emailVerified ? yes : no],
          [t('staffMembers.member.claimed'), user.claimed ? yes : no],
          [t('staffMembers.member.invitationSentAt'), user.invitationSentAt ? formatDateTime(user.invitationSentAt) : t('staffMembers.member.never')],
          [t('staffMembers.member.accountSince'), formatDate(user.createdAt)],
          [t('staffMembers.member.headline'), user.headline ?? ''],
          [t('staffMembers.member.employer'), user.employer ?? ''],
          [t('staffMembers.member.location'), user.location ?? ''],
        ]}
      />
    </Section>
  );
}

function MembershipCard({ membership }: { membership: User['membership'] }) {
  const { t } = useTranslation();
  if (!membership) {
    return (
      <Section title={t('staffMembers.member.membership')}>
        <Text size="sm">{t('staffMembers.member.noMembership')}</Text>
      </Section>
    );
  }
  return (
    <Section title={t('staffMembers.member.membership')}>
      <Facts
        rows={[
          [t('staffMembers.member.status'), <MemberStatusBadge key="s" status={membership.status} />],
          [t('staffMembers.member.tier'), membership.tier.name],
          [t('staffMembers.member.started'), membership.startedAt ? formatDate(membership.startedAt) : ''],
          [t('staffMembers.member.periodEnd'), membership.currentPeriodEnd ? formatDate(membership.currentPeriodEnd) : t('staffMembers.member.lifetime')],
          [t('staffMembers.member.complimentary'), membership.complimentary ? t('staffMembers.member.yes') : t('staffMembers.member.no')],
          ...(membership.declineReason ? ([[t('staffMembers.member.declineReason'), membership.declineReason]] as Array<[string, ReactNode]>) : []),
        ]}
      />
      {membership.periods.length ? (
        <ScrollTable
          label={t('staffMembers.member.periods')}
          head={[t('staffMembers.member.periodStart'), t('staffMembers.member.periodEnds'), t('staffMembers.member.periodSource')]}
          rows={membership.periods.map((p) => [formatDate(p.startsAt), p.endsAt ? formatDate(p.endsAt) : t('staffMembers.member.lifetime'), p.source])}
        />
      ) : (
        <Text size="sm">{t('staffMembers.member.noPeriods')}</Text>
      )}
    </Section>
  );
}

function StatusHistory({ changes }: { changes: Data['membershipStatusHistory'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('staffMembers.member.history')}>
      {changes.length ? (
        <ScrollTable
          label={t('staffMembers.member.history')}
          head={[t('staffMembers.member.when'), t('staffMembers.member.tier'), t('staffMembers.member.from'), t('staffMembers.member.to'), t('staffMembers.member.reason')]}
          rows={changes.map((c) => [
            formatDateTime(c.createdAt),
            c.tierName,
            c.fromStatus ? t(`staffMembers.status.${c.fromStatus}`) : '',
            t(`staffMembers.status.${c.toStatus}`),
            c.reason ?? '',
          ])}
        />
      ) : (
        <Text size="sm">{t('staffMembers.member.noHistory')}</Text>
      )}
    </Section>
  );
}

function Payments({ userId, payments }: { userId: string; payments: Data['memberPayments'] }) {
  const { t } = useTranslation();
  const client = useClient();
  const more = useShowMore(payments, async (after) => {
    const result = await client.query(StaffMemberMorePaymentsDocument, { userId, after }, { requestPolicy: 'network-only' }).toPromise();
    return { data: result.data?.memberPayments, error: result.error };
  });
  const title = t('staffMembers.member.payments');
  return (
    <Section title={title}>
      {more.nodes.length ? (
        <ScrollTable
          label={t('staffMembers.member.payments')}
          head={[t('staffMembers.member.when'), t('staffMembers.member.description'), t('staffMembers.member.amount'), t('staffMembers.member.refunded'), t('staffMembers.member.method'), t('staffMembers.member.paymentStatus')]}
          rows={more.nodes.map((node) => [
            formatDate(node.createdAt),
            node.description,
            formatMoney(node.amount),
            node.amountRefunded.amount ? formatMoney(node.amountRefunded) : '',
            node.method,
            node.status,
          ])}
        />
      ) : (
        <Text size="sm">{t('staffMembers.member.noPayments')}</Text>
      )}
      <ShowMore list={title} shown={more.nodes.length} total={more.totalCount} hasMore={more.hasMore} loading={more.loading} onMore={more.showMore} />
    </Section>
  );
}

function Registrations({ userId, registrations }: { userId: string; registrations: Data['memberRegistrations'] }) {
  const { t } = useTranslation();
  const client = useClient();
  const more = useShowMore(registrations, async (after) => {
    const result = await client.query(StaffMemberMoreRegistrationsDocument, { userId, after }, { requestPolicy: 'network-only' }).toPromise();
    return { data: result.data?.memberRegistrations, error: result.error };
  });
  const title = t('staffMembers.member.registrations');
  return (
    <Section title={title}>
      {more.nodes.length ? (
        <ScrollTable
          label={t('staffMembers.member.registrations')}
          head={[t('staffMembers.member.event'), t('staffMembers.member.eventDate'), t('staffMembers.member.registrationStatus'), t('staffMembers.member.creditsEarned')]}
          rows={more.nodes.map((node) => [node.eventTitle, formatDate(node.eventStartsAt), node.status, formatNumber(node.creditsEarned)])}
        />
      ) : (
        <Text size="sm">{t('staffMembers.member.noRegistrations')}</Text>
      )}
      <ShowMore list={title} shown={more.nodes.length} total={more.totalCount} hasMore={more.hasMore} loading={more.loading} onMore={more.showMore} />
    </Section>
  );
}

function Credits({ transcript }: { transcript: Data['memberTranscript'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('staffMembers.member.credits')}>
      <Text size="sm">{t('staffMembers.member.totalCredits', { total: formatNumber(transcript.totalCredits) })}</Text>
      {transcript.byCategory.length ? (
        <ScrollTable
          label={t('staffMembers.member.creditsByCategory')}
          head={[t('staffMembers.member.category'), t('staffMembers.member.creditsColumn')]}
          rows={transcript.byCategory.map((c) => [c.category, formatNumber(c.credits)])}
        />
      ) : null}
    </Section>
  );
}

function AuditTrail({ userId, trail }: { userId: string; trail: Data['memberAuditTrail'] }) {
  const { t } = useTranslation();
  const client = useClient();
  const more = useShowMore(trail, async (after) => {
    const result = await client.query(StaffMemberMoreAuditDocument, { userId, after }, { requestPolicy: 'network-only' }).toPromise();
    return { data: result.data?.memberAuditTrail, error: result.error };
  });
  const title = t('staffMembers.member.audit');
  return (
    <Section title={title}>
      {more.nodes.length ? (
        <ScrollTable
          label={t('staffMembers.member.audit')}
          head={[t('staffMembers.member.when'), t('staffMembers.member.action'), t('staffMembers.member.actor'), t('staffMembers.member.target')]}
          rows={more.nodes.map((node) => [formatDateTime(node.createdAt), node.action, node.actorId ?? t('staffMembers.member.system'), node.targetType])}
        />
      ) : (
        <Text size="sm">{t('staffMembers.member.noAudit')}</Text>
      )}
      <ShowMore list={title} shown={more.nodes.length} total={more.totalCount} hasMore={more.hasMore} loading={more.loading} onMore={more.showMore} />
    </Section>
  );
}
