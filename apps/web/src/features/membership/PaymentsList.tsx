import { Anchor, Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { MembershipPaymentsDocument } from './membership.generated.js';
import { formatDate, formatMoney } from '../../shared/formatting/format.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';

/** Payments (dues and events), newest first, ten at a time, with their receipts. */
export function PaymentsList() {
  const { t } = useTranslation();
  return (
    <Stack component="section" aria-labelledby="membership-payments">
      <Title order={2} size="h3" id="membership-payments">{t('membership.paymentsTitle')}</Title>
      <PaymentsPage after={null} />
    </Stack>
  );
}

function PaymentsPage({ after }: { after: string | null }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: MembershipPaymentsDocument, variables: { after }, requestPolicy: 'cache-and-network' });
  const [more, setMore] = useState(false);
  if (fetching && !data) return <LoadingState />;
  if (error && !data) return <ErrorState error={error} />;
  if (!data) return null;
  const payments = data.myPayments.edges.map((edge) => edge.node);
  if (payments.length === 0 && after === null) return <EmptyState title={t('membership.noPayments')} />;
  return (
    <>
      <Table.ScrollContainer minWidth={480}>
        <Table>
          {after === null ? (
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('membership.paymentDate')}</Table.Th>
                <Table.Th scope="col">{t('membership.paymentDescription')}</Table.Th>
                <Table.Th scope="col">{t('membership.paymentAmount')}</Table.Th>
                <Table.Th scope="col">{t('membership.paymentReceipt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
          ) : null}
          <Table.Tbody>
            {payments.map((payment) => (
              <Table.Tr key={payment.id}>
                <Table.Td>{formatDate(payment.paidAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{payment.description}</Text>
                  {payment.status !== 'SUCCEEDED' ? (
                    <Badge variant="light" color="gray">
                      {t(payment.status === 'REFUNDED' ? 'membership.refunded' : 'membership.partlyRefunded', { amount: formatMoney(payment.amountRefunded) })}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatMoney(payment.amount)}</Table.Td>
                <Table.Td>
                  {payment.receiptUrl ? (
                    <Anchor href={payment.receiptUrl} target="_blank" rel="noopener noreferrer" aria-label={t('membership.receiptFor', { description: payment.description, date: formatDate(payment.paidAt) })}>
                      {t('membership.receipt')}
                    </Anchor>
                  ) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data.myPayments.pageInfo.hasNextPage && !more ? (
        <Button variant="subtle" onClick={() => setMore(true)} w="fit-content">{t('membership.morePayments')}</Button>
      ) : null}
      {more && data.myPayments.pageInfo.endCursor ? <PaymentsPage after={data.myPayments.pageInfo.endCursor} /> : null}
    </>
  );
}
