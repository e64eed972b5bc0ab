import { Alert, Anchor, Badge, Box, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { StaffPaymentDetailsDocument, type StaffPaymentDetailsQuery, StaffRefundPaymentDocument } from './payments-console.generated.js';
import { formatDateTime, formatMoney, type MoneyValue } from '../../../shared/formatting/format.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useApiErrors } from '../../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../../shared/ui/Page.js';
import { ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { FinanceOnly } from './FinanceOnly.js';
import { methodKey, parseMinorUnits } from './payment-labels.js';

type Details = StaffPaymentDetailsQuery['paymentDetails'];

/** One payment: who paid, what for, amounts, Stripe ids, refunds made, the audit trail, and a (partial) refund. */
export function PaymentPage() {
  return (
    <FinanceOnly>
      <PaymentView />
    </FinanceOnly>
  );
}

function PaymentView() {
  const { t } = useTranslation();
  const { paymentId = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: StaffPaymentDetailsDocument, variables: { id: paymentId }, requestPolicy: 'cache-and-network' });
  const details = data?.paymentDetails;

  let body;
  if (fetching && !details) body = <LoadingState />;
  else if (error || !details) body = error ? <ErrorState error={error} /> : <LoadingState />;
  else
    body = (
      <Stack gap="lg">
        <Anchor component={Link} to="/staff/payments">{t('staffPayments.payment.back')}</Anchor>
        <Summary details={details} />
        <Refunds details={details} />
        {details.refundable.amount > 0 && <RefundForm details={details} onRefunded={() => refetch({ requestPolicy: 'network-only' })} />}
        <AuditTrail details={details} />
      </Stack>
    );
  return <Page title={t('staffPayments.payment.title')}>{body}</Page>;
}

function Summary({ details }: { details: Details }) {
  const { t } = useTranslation();
  const { payment } = details;
  const rows: Array<[string, React.ReactNode]> = [
    [t('staffPayments.payment.person'), (
      <Stack gap={0}>
        <Text size="sm">{payment.user.fullName} ({payment.user.email})</Text>
        <Anchor size="sm" component={Link} to={`/staff/payments?person=${payment.user.id}`}>{t('staffPayments.payment.allByPerson', { name: payment.user.fullName })}</Anchor>
      </Stack>
    )],
    [t('staffPayments.payment.whatFor'), payment.description],
    [t('staffPayments.ledger.kind'), t(`staffPayments.kinds.${payment.purpose}`)],
    [t('staffPayments.ledger.method'), t(`staffPayments.methods.${methodKey(payment.method)}`)],
    [t('staffPayments.payment.provider'), t(`staffPayments.providers.${details.provider}`)],
    [t('staffPayments.ledger.amount'), formatMoney(payment.amount)],
    [t('staffPayments.ledger.refunded'), formatMoney(payment.amountRefunded)],
    [t('staffPayments.payment.refundable'), formatMoney(details.refundable)],
    [t('staffPayments.ledger.status'), <Badge key="s" variant="light" color={payment.status === 'SUCCEEDED' ? 'green' : 'orange'}>{t(`staffPayments.statuses.${payment.status}`)}</Badge>],
    [t('staffPayments.payment.paidAt'), formatDateTime(payment.paidAt)],
    [t('staffPayments.payment.recordedAt'), formatDateTime(payment.createdAt)],
  ];
  const optional: Array<[string, string | null | undefined]> = [
    [t('staffPayments.payment.stripePaymentIntent'), payment.stripePaymentIntentId],
    [t('staffPayments.payment.stripeCharge'), details.stripeChargeId],
    [t('staffPayments.payment.stripeInvoice'), details.stripeInvoiceId],
    [t('staffPayments.payment.stripeCustomer'), details.stripeCustomerId],
    [t('staffPayments.payment.reference'), details.externalReference],
    [t('staffPayments.payment.note'), details.note],
    [t('staffPayments.payment.recordedBy'), details.recordedByName],
  ];
  for (const [label, value] of optional) if (value) rows.push([label, <Text key={label} size="sm" style={{ wordBreak: 'break-all' }}>{value}</Text>]);
  if (payment.receiptUrl) rows.push([t('staffPayments.payment.receipt'), <Anchor key="r" href={payment.receiptUrl} target="_blank" rel="noreferrer">{t('staffPayments.payment.openReceipt')}</Anchor>]);
  return (
    <Box component="section" aria-labelledby="payment-summary">
      <Title order={2} size="h3" id="payment-summary" mb="sm">{t('staffPayments.payment.summary')}</Title>
      <Table withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w="35%">{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

function Refunds({ details }: { details: Details }) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-labelledby="payment-refunds">
      <Title order={2} size="h3" id="payment-refunds" mb="sm">{t('staffPayments.payment.refunds')}</Title>
      {details.refunds.length === 0 ? (
        <Text size="sm">{t('staffPayments.payment.noRefunds')}</Text>
      ) : (
        <Box tabIndex={0} role="group" aria-label={t('staffPayments.payment.refunds')} style={{ overflowX: 'auto' }}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staffPayments.payment.askedAt')}</Table.Th>
                <Table.Th scope="col">{t('staffPayments.ledger.amount')}</Table.Th>
                <Table.Th scope="col">{t('staffPayments.ledger.status')}</Table.Th>
                <Table.Th scope="col">{t('staffPayments.payment.reason')}</Table.Th>
                <Table.Th scope="col">{t('staffPayments.payment.by')}</Table.Th>
                <Table.Th scope="col">{t('staffPayments.payment.stripeRefund')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {details.refunds.map((refund) => (
                <Table.Tr key={refund.id}>
                  <Table.Td>{formatDateTime(refund.createdAt)}</Table.Td>
                  <Table.Td>{formatMoney(refund.amount)}</Table.Td>
                  <Table.Td>{t(`staffPayments.refundStatuses.${refund.status}`)}{refund.failureMessage ? `: ${refund.failureMessage}` : ''}</Table.Td>
                  <Table.Td>{refund.reason ?? ''}</Table.Td>
                  <Table.Td>{refund.requestedByName ?? t('staffPayments.payment.inStripe')}</Table.Td>
                  <Table.Td>{refund.stripeRefundId ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
    </Box>
  );
}

interface RefundValues {
  amount: string;
  reason: string;
}

function RefundForm({ details, onRefunded }: { details: Details; onRefunded: () => void }) {
  const { t } = useTranslation();
  const { payment, refundable } = details;
  const [confirming, setConfirming] = useState<MoneyValue | null>(null);
  const [done, setDone] = useState<MoneyValue | null>(null);
  const [state, refund] = useMutation(StaffRefundPaymentDocument);
  const form = useForm<RefundValues>({
    initialValues: { amount: String(refundable.amount), reason: '' },
    validate: {
      amount: (value) => (parseMinorUnits(value) && parseMinorUnits(value)! > 0 ? null : t('staffPayments.refund.amountInvalid')),
      reason: (value) => (value.length > 500 ? t('staffPayments.refund.reasonTooLong') : null),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });

  const review = form.onSubmit(({ amount }) => {
    clearAlert();
    setDone(null);
    setConfirming({ amount: parseMinorUnits(amount)!, currency: refundable.currency });
  });
  const confirm = async () => {
    if (!confirming) return;
    const values = form.getValues();
    const result = await refund({ paymentId: payment.id, amount: confirming.amount, reason: values.reason.trim() || null });
    setConfirming(null);
    if (result.error) {
      showError(result.error);
      return;
    }
    setDone(confirming);
    form.setValues({ amount: '', reason: '' });
    onRefunded();
  };

  return (
    <Card withBorder component="section" aria-labelledby="payment-refund">
      <Stack gap="sm">
        <Title order={2} size="h3" id="payment-refund">{t('staffPayments.refund.title')}</Title>
        {done && (
          <Alert color="green" variant="light" role="status" title={t('staffPayments.refund.doneTitle')}>
            {t('staffPayments.refund.done', { amount: formatMoney(done), status: t(`staffPayments.statuses.${payment.status}`) })}
          </Alert>
        )}
        <FormAlert message={alert} />
        {confirming ? (
          <Stack gap="sm">
            <Text>{t('staffPayments.refund.confirmText', { amount: formatMoney(confirming), name: payment.user.fullName })}</Text>
            <Group>
              <Button color="red" loading={state.fetching} onClick={() => void confirm()}>{t('staffPayments.refund.confirm')}</Button>
              <Button variant="default" disabled={state.fetching} onClick={() => setConfirming(null)}>{t('staffPayments.refund.back')}</Button>
            </Group>
          </Stack>
        ) : (
          <form onSubmit={review} noValidate>
            <Stack gap="sm">
              <TextInput
                label={t('staffPayments.refund.amount')}
                description={t('staffPayments.refund.amountHint', { refundable: formatMoney(refundable), minor: refundable.amount })}
                inputMode="numeric"
                {...form.getInputProps('amount')}
              />
              <TextInput label={t('staffPayments.refund.reason')} {...form.getInputProps('reason')} />
              <Group>
                <Button type="submit">{t('staffPayments.refund.review')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

function AuditTrail({ details }: { details: Details }) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-labelledby="payment-audit">
      <Title order={2} size="h3" id="payment-audit" mb="sm">{t('staffPayments.payment.audit')}</Title>
      {details.auditTrail.length === 0 ? (
        <Text size="sm">{t('staffPayments.payment.noAudit')}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('staffPayments.payment.when')}</Table.Th>
              <Table.Th scope="col">{t('staffPayments.payment.action')}</Table.Th>
              <Table.Th scope="col">{t('staffPayments.payment.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {details.auditTrail.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{formatDateTime(entry.at)}</Table.Td>
                <Table.Td>{entry.action}</Table.Td>
                <Table.Td>{entry.actorName ?? t('staffPayments.payment.system')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Box>
  );
}
