import { Alert, Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { type OfflinePaymentMethod, StaffOfflinePayersDocument, type StaffOfflinePayersQuery, StaffRecordOfflinePaymentDocument, type StaffRecordOfflinePaymentMutation } from './payments-console.generated.js';
import { readError } from '../../../shared/errors/graphql-errors.js';
import { formatMoney } from '../../../shared/formatting/format.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { FinanceOnly } from './FinanceOnly.js';
import { offlinePaymentInput, type OfflineValues, placeOfflineErrors } from './offline-payment-form.js';

type Payer = StaffOfflinePayersQuery['users']['edges'][number]['node'];
const METHODS: OfflinePaymentMethod[] = ['CHEQUE', 'BANK_TRANSFER', 'CASH', 'OTHER'];

/** A cheque, bank transfer or cash payment of a member's dues: find the member, then record it. */
export function OfflinePaymentPage() {
  return (
    <FinanceOnly>
      <OfflinePayment />
    </FinanceOnly>
  );
}

function OfflinePayment() {
  const { t } = useTranslation();
  const [payer, setPayer] = useState<Payer | null>(null);
  const [recorded, setRecorded] = useState<StaffRecordOfflinePaymentMutation['recordOfflinePayment'] | null>(null);
  return (
    <Page title={t('staffPayments.offline.title')}>
      <Anchor component={Link} to="/staff/payments">{t('staffPayments.payment.back')}</Anchor>
      {recorded && (
        <Alert color="green" variant="light" role="status" title={t('staffPayments.offline.doneTitle')}>
          <Stack gap={4}>
            <Text size="sm">{t('staffPayments.offline.done', { amount: formatMoney(recorded.amount), description: recorded.description })}</Text>
            <Anchor size="sm" component={Link} to={`/staff/payments/${recorded.id}`}>{t('staffPayments.offline.openPayment')}</Anchor>
          </Stack>
        </Alert>
      )}
      {payer?.membership ? (
        <PaymentForm
          key={payer.id}
          payer={payer}
          onCancel={() => setPayer(null)}
          onRecorded={(payment) => {
            setRecorded(payment);
            setPayer(null);
          }}
        />
      ) : (
        <PayerSearch onChoose={(chosen) => {
          setRecorded(null);
          setPayer(chosen);
        }} />
      )}
    </Page>
  );
}

function PayerSearch({ onChoose }: { onChoose: (payer: Payer) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [{ data, fetching, error }] = useQuery({ query: StaffOfflinePayersDocument, variables: { search }, pause: !search });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(text.trim());
  };
  let results = null;
  if (search && fetching && !data) results = <LoadingState />;
  else if (error) results = <ErrorState error={error} />;
  else if (search && !data?.users.edges.length) results = <EmptyState title={t('staffPayments.offline.nobody')} />;
  else if (data)
    results = (
      <Stack gap="xs">
        {data.users.edges.map(({ node }) => (
          <Card key={node.id} withBorder component="article" aria-label={node.fullName} padding="sm">
            <Group justify="space-between" wrap="wrap">
              <div>
                <Text fw={600}>{node.fullName}</Text>
                <Text size="sm">{node.email}</Text>
                <Text size="sm" c="dimmed">
                  {node.membership
                    ? t('staffPayments.offline.membership', { tier: node.membership.tier.name, status: t(`staffPayments.membershipStatuses.${node.membership.status}`) })
                    : t('staffPayments.offline.noMembership')}
                </Text>
              </div>
              {node.membership && (
                <Button variant="light" onClick={() => onChoose(node)} aria-label={t('staffPayments.offline.chooseWho', { name: node.fullName })}>
                  {t('staffPayments.offline.choose')}
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Stack gap="sm">
      <form onSubmit={submit} aria-label={t('staffPayments.offline.searchLabel')}>
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('staffPayments.offline.search')} value={text} onChange={(event) => setText(event.currentTarget.value)} style={{ flex: 1, minWidth: 220 }} />
          <Button type="submit">{t('staffPayments.offline.find')}</Button>
        </Group>
      </form>
      {results}
    </Stack>
  );
}

function PaymentForm({ payer, onCancel, onRecorded }: { payer: Payer; onCancel: () => void; onRecorded: (payment: StaffRecordOfflinePaymentMutation['recordOfflinePayment']) => void }) {
  const { t } = useTranslation();
  const membership = payer.membership!;
  const [state, record] = useMutation(StaffRecordOfflinePaymentDocument);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<OfflineValues>({
    initialValues: { amount: String(membership.tier.price.amount), currency: membership.tier.price.currency, method: 'CHEQUE', reference: '', receivedOn: '', note: '' },
    validate: {
      amount: (value) => (/^\d{1,9}$/.test(value.trim()) && Number(value) > 0 ? null : t('staffPayments.offline.amountInvalid')),
      currency: (value) => (/^[A-Za-z]{3}$/.test(value.trim()) ? null : t('staffPayments.offline.currencyInvalid')),
      reference: (value) => (value.trim() ? (value.trim().length > 200 ? t('staffPayments.offline.referenceTooLong') : null) : t('staffPayments.offline.referenceRequired')),
      receivedOn: (value) => (!value || /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('staffPayments.offline.dateInvalid')),
      note: (value) => (value.length > 1000 ? t('staffPayments.offline.noteTooLong') : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setAlert(null);
    const result = await record({ input: offlinePaymentInput(membership.id, values) });
    if (result.error) {
      const unplaced = placeOfflineErrors(form, readError(result.error));
      if (unplaced) setAlert(unplaced);
      return;
    }
    if (result.data) onRecorded(result.data.recordOfflinePayment);
  });
  return (
    <Card withBorder component="section" aria-labelledby="offline-form">
      <Stack gap="sm">
        <Title order={2} size="h3" id="offline-form">{t('staffPayments.offline.formTitle', { name: payer.fullName })}</Title>
        <Text size="sm">{t('staffPayments.offline.membership', { tier: membership.tier.name, status: t(`staffPayments.membershipStatuses.${membership.status}`) })}</Text>
        <FormAlert message={alert} />
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('staffPayments.offline.amount')} description={t('staffPayments.minorUnitsHint')} inputMode="numeric" {...form.getInputProps('amount')} />
              <TextInput label={t('staffPayments.offline.currency')} {...form.getInputProps('currency')} />
              <Select
                label={t('staffPayments.offline.method')}
                data={METHODS.map((value) => ({ value, label: t(`staffPayments.offlineMethods.${value}`) }))}
                allowDeselect={false}
                {...form.getInputProps('method')}
              />
              <TextInput label={t('staffPayments.offline.reference')} description={t('staffPayments.offline.referenceHint')} {...form.getInputProps('reference')} />
              <TextInput label={t('staffPayments.offline.receivedOn')} description={t('staffPayments.offline.receivedOnHint')} type="date" {...form.getInputProps('receivedOn')} />
            </SimpleGrid>
            <Textarea label={t('staffPayments.offline.note')} autosize minRows={2} {...form.getInputProps('note')} />
            <Group>
              <Button type="submit" loading={state.fetching}>{t('staffPayments.offline.record')}</Button>
              <Button variant="default" onClick={onCancel}>{t('staffPayments.offline.otherPerson')}</Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
