import { Anchor, Badge, Button, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { type RegistrationStatus, StaffCancelRegistrationDocument, StaffEventRegistrationsDocument, type StaffEventRegistrationsQuery, StaffOfferWaitlistSeatDocument } from './events-console.generated.js';
import { formatDateTime, formatNumber } from '../../../shared/formatting/format.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../../shared/ui/forms/useActionError.js';
import { MoneyText } from '../../../shared/ui/MoneyText.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { KeysetPager } from '../KeysetPager.js';
import { sectionAt } from '../staff-sections.js';

const SECTION = sectionAt('/staff/events');
const STATUSES: RegistrationStatus[] = ['CONFIRMED', 'PENDING_PAYMENT', 'WAITLISTED', 'OFFERED', 'CANCELLED'];
const PAGE = 25;
type Row = StaffEventRegistrationsQuery['eventRegistrations']['edges'][number]['node'];

/** An event's registrations and waitlist (filter by status, 25 a page); cancel one, which refunds a paid seat. */
export function EventRegistrationsPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <EventRegistrations />
    </RequireStaff>
  );
}

function EventRegistrations() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as string[]).includes(params.get('status') ?? '') ? (params.get('status') as RegistrationStatus) : undefined;
  const after = params.get('after') ?? undefined;
  const [list, refresh] = useQuery({ query: StaffEventRegistrationsDocument, variables: { eventId: id, status, first: PAGE, after }, requestPolicy: 'cache-and-network' });
  const go = (next: { status?: string; after?: string }) => {
    const merged = new URLSearchParams();
    const values = { status, after, ...next };
    if (values.status) merged.set('status', values.status);
    if (values.after) merged.set('after', values.after);
    setParams(merged);
  };

  if (list.fetching && !list.data) return <LoadingState />;
  if (list.error) return <ErrorState error={list.error} />;
  const event = list.data?.event;
  if (!event || !list.data) return <EmptyState title={t('staffEvents.editor.notFound')} />;
  const { edges, pageInfo, totalCount } = list.data.eventRegistrations;

  return (
    <Page
      title={t('staffEvents.registrations.title', { title: event.title })}
      actions={
        <Anchor component={Link} to={`/staff/events/${event.id}`}>{t('staffEvents.registrations.backToEvent')}</Anchor>
      }
    >
      <Text size="sm">
        {event.capacity === null
          ? t('staffEvents.list.noLimit')
          : t('staffEvents.list.seatsLeft', { left: formatNumber(event.seatsRemaining ?? 0), capacity: formatNumber(event.capacity) })}
        {' · '}
        {t('staffEvents.editor.waitlist', { count: event.waitlistCount })}
      </Text>
      <Select
        label={t('staffEvents.registrations.filter')}
        data={[{ value: '', label: t('staffEvents.registrations.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`staffEvents.registrationStatus.${s}`) }))]}
        value={status ?? ''}
        onChange={(value) => go({ status: value ?? undefined, after: undefined })}
        allowDeselect={false}
        maw={320}
      />
      {edges.length === 0 ? (
        <EmptyState title={t('staffEvents.registrations.empty')} />
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">{t('staffEvents.registrations.count', { count: totalCount })}</Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Caption>{t('staffEvents.registrations.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('staffEvents.registrations.person')}</Table.Th>
                  <Table.Th scope="col">{t('staffEvents.registrations.status')}</Table.Th>
                  <Table.Th scope="col">{t('staffEvents.registrations.registeredAt')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('staffEvents.registrations.price')}</Table.Th>
                  <Table.Th scope="col">{t('staffEvents.registrations.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {edges.map(({ node }) => (
                  <RegistrationRow key={node.id} row={node} timezone={event.timezone} seatFree={event.capacity === null || (event.seatsRemaining ?? 0) > 0} onChanged={() => refresh({ requestPolicy: 'network-only' })} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <KeysetPager key={status ?? 'all'} after={after} endCursor={pageInfo.endCursor} hasNextPage={pageInfo.hasNextPage} onGo={(cursor) => go({ after: cursor })} />
        </Stack>
      )}
    </Page>
  );
}

function RegistrationRow({ row, timezone, seatFree, onChanged }: { row: Row; timezone: string; seatFree: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [cancelling, cancel] = useMutation(StaffCancelRegistrationDocument);
  const [offering, offer] = useMutation(StaffOfferWaitlistSeatDocument);
  const { alert, clearAlert, showError } = useActionError();
  const [confirm, setConfirm] = useState(false);
  const paid = row.price.amount > 0 && row.status === 'CONFIRMED';
  const detail =
    row.status === 'WAITLISTED' && row.waitlistPosition !== null
      ? t('staffEvents.registrations.position', { position: row.waitlistPosition })
      : row.status === 'OFFERED' && row.offerExpiresAt
        ? t('staffEvents.registrations.offerUntil', { at: formatDateTime(row.offerExpiresAt, { timeZone: timezone }) })
        : null;

  return (
    <Table.Tr>
      <Table.Th scope="row">
        <Text size="sm" fw={600}>{row.user.fullName}</Text>
        <Text size="xs">{row.user.email}</Text>
      </Table.Th>
      <Table.Td>
        <Badge variant="light" color="dark">{t(`staffEvents.registrationStatus.${row.status}`)}</Badge>
        {detail ? <Text size="xs">{detail}</Text> : null}
      </Table.Td>
      <Table.Td>{formatDateTime(row.createdAt, { timeZone: timezone })}</Table.Td>
      <Table.Td ta="right"><MoneyText money={row.price} /></Table.Td>
      <Table.Td>
        <FormAlert message={alert} />
        {row.status === 'WAITLISTED' && seatFree && !confirm ? (
          <Button
            size="xs"
            mb={4}
            loading={offering.fetching}
            aria-label={t('staffPolish.registrations.offerSeatTo', { name: row.user.fullName })}
            onClick={async () => {
              clearAlert();
              const result = await offer({ registrationId: row.id });
              if (result.error) showError(result.error);
              else onChanged();
            }}
          >
            {t('staffPolish.registrations.offerSeat')}
          </Button>
        ) : null}
        {row.status === 'CANCELLED' ? null : confirm ? (
          <Stack gap={4}>
            <Text size="xs">{paid ? t('staffEvents.registrations.confirmRefund') : t('staffEvents.registrations.confirmCancel')}</Text>
            <Button
              size="xs"
              color="red.9"
              loading={cancelling.fetching}
              onClick={async () => {
                clearAlert();
                const result = await cancel({ registrationId: row.id });
                if (result.error) showError(result.error);
                else onChanged();
              }}
            >
              {t('staffEvents.registrations.yesCancel', { name: row.user.fullName })}
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirm(false)}>{t('staffEvents.registrations.no')}</Button>
          </Stack>
        ) : (
          <Button size="xs" variant="outline" color="red.9" onClick={() => setConfirm(true)} aria-label={t(paid ? 'staffEvents.registrations.cancelRefundWho' : 'staffEvents.registrations.cancelWho', { name: row.user.fullName })}>
            {paid ? t('staffEvents.registrations.cancelRefund') : t('staffEvents.registrations.cancel')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
