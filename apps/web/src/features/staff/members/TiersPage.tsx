import { Badge, Button, Card, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { NotFoundPage } from '../../not-found/NotFoundPage.js';
import { type BillingInterval, StaffCreateTierDocument, type StaffTierFieldsFragment, StaffTiersDocument, StaffUpdateTierDocument } from './members.generated.js';
import { formatMoney } from '../../../shared/formatting/format.js';
import { RequireStaff } from '../../../shared/session/guards.js';
import { FormAlert } from '../../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../../shared/ui/forms/useActionError.js';
import { useApiErrors } from '../../../shared/ui/forms/useApiErrors.js';
import { Page } from '../../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../../shared/ui/states.js';
import { sectionAt } from '../staff-sections.js';
import { fromMinorUnits, isCurrency, toMinorUnits } from './tier-price.js';

const SECTION = sectionAt('/staff/tiers');
const INTERVALS: BillingInterval[] = ['YEAR', 'MONTH', 'LIFETIME'];
type Tier = StaffTierFieldsFragment;

/** Membership tiers: create, edit, retire (no new applications; existing members keep their periods) and bring back. */
export function TiersPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <Tiers />
    </RequireStaff>
  );
}

function Tiers() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refresh] = useQuery({ query: StaffTiersDocument, requestPolicy: 'cache-and-network' });
  const reload = () => refresh({ requestPolicy: 'network-only' });
  let body;
  if (fetching && !data) body = <LoadingState />;
  else if (error) body = <ErrorState error={error} />;
  else if (!data?.membershipTiers.length) body = <EmptyState title={t('staffMembers.tiers.empty')} />;
  else body = <Stack>{data.membershipTiers.map((tier) => <TierCard key={tier.id} tier={tier} onChanged={reload} />)}</Stack>;
  return (
    <Page title={t('staffMembers.tiers.title')}>
      <Card withBorder component="section" aria-label={t('staffMembers.tiers.create')}>
        <Stack gap="sm">
          <Title order={2} size="h3">{t('staffMembers.tiers.create')}</Title>
          <TierForm onSaved={reload} />
        </Stack>
      </Card>
      {body}
    </Page>
  );
}

function TierCard({ tier, onChanged }: { tier: Tier; onChanged: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [update, sendUpdate] = useMutation(StaffUpdateTierDocument);
  const { alert, clearAlert, showError } = useActionError();
  const setActive = async (active: boolean) => {
    clearAlert();
    const result = await sendUpdate({ id: tier.id, input: { active } });
    if (result.error) showError(result.error);
    else onChanged();
  };
  return (
    <Card withBorder component="article" aria-label={tier.name}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={2} size="h4">{tier.name}</Title>
            <Badge variant="default">{tier.active ? t('staffMembers.tiers.active') : t('staffMembers.tiers.retired')}</Badge>
          </Group>
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing(!editing)} aria-expanded={editing} aria-label={t('staffMembers.tiers.editWho', { name: tier.name })}>
              {t('staffMembers.tiers.edit')}
            </Button>
            {tier.active ? (
              <Button variant="light" color="red" loading={update.fetching} onClick={() => void setActive(false)} aria-label={t('staffMembers.tiers.retireWho', { name: tier.name })}>
                {t('staffMembers.tiers.retire')}
              </Button>
            ) : (
              <Button variant="light" loading={update.fetching} onClick={() => void setActive(true)} aria-label={t('staffMembers.tiers.restoreWho', { name: tier.name })}>
                {t('staffMembers.tiers.restore')}
              </Button>
            )}
          </Group>
        </Group>
        <FormAlert message={alert} />
        <Text size="sm">
          {t('staffMembers.tiers.summary', {
            price: formatMoney(tier.price),
            interval: t(`staffMembers.tiers.intervals.${tier.billingInterval}`),
            grace: tier.gracePeriodDays,
            discount: tier.eventDiscountPercent,
          })}
        </Text>
        <Text size="sm">{tier.requiresApproval ? t('staffMembers.tiers.needsApproval') : t('staffMembers.tiers.noApproval')}</Text>
        {tier.active ? null : <Text size="sm" c="dimmed">{t('staffMembers.tiers.retiredHint')}</Text>}
        {editing ? (
          <TierForm
            tier={tier}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
          />
        ) : null}
      </Stack>
    </Card>
  );
}

interface TierValues {
  name: string;
  description: string;
  price: string;
  currency: string;
  billingInterval: BillingInterval;
  gracePeriodDays: number | string;
  eventDiscountPercent: number | string;
  requiresApproval: boolean;
}

/** Create (no tier) or edit (a tier: only what changed is sent). Price in major units of the currency, sent as minor units. */
function TierForm({ tier, onSaved }: { tier?: Tier; onSaved: () => void }) {
  const { t } = useTranslation();
  const [created, sendCreate] = useMutation(StaffCreateTierDocument);
  const [updated, sendUpdate] = useMutation(StaffUpdateTierDocument);
  const form = useForm<TierValues>({
    initialValues: {
      name: tier?.name ?? '',
      description: tier?.description ?? '',
      price: tier ? fromMinorUnits(tier.price.amount, tier.price.currency) : '',
      currency: tier?.price.currency ?? 'USD',
      billingInterval: tier?.billingInterval ?? 'YEAR',
      gracePeriodDays: tier?.gracePeriodDays ?? 30,
      eventDiscountPercent: tier?.eventDiscountPercent ?? 0,
      requiresApproval: tier?.requiresApproval ?? false,
    },
    validate: {
      name: (v) => (v.trim() ? null : t('staffMembers.tiers.nameRequired')),
      currency: (v) => (isCurrency(v.trim().toUpperCase()) ? null : t('staffMembers.tiers.currencyInvalid')),
      price: (v, values) => (toMinorUnits(v, values.currency.trim().toUpperCase()) === null ? t('staffMembers.tiers.priceInvalid') : null),
    },
  });
  const { alert, clearAlert, showError } = useApiErrors(form);
  const onSubmit = form.onSubmit(async (values) => {
    clearAlert();
    const currency = values.currency.trim().toUpperCase();
    const input = {
      name: values.name.trim(),
      description: values.description.trim() || null,
      price: { amount: toMinorUnits(values.price, currency) ?? 0, currency },
      gracePeriodDays: Number(values.gracePeriodDays),
      eventDiscountPercent: Number(values.eventDiscountPercent),
      requiresApproval: values.requiresApproval,
    };
    if (tier) {
      const priceChanged = input.price.amount !== tier.price.amount || input.price.currency !== tier.price.currency;
      const result = await sendUpdate({ id: tier.id, input: { ...input, price: priceChanged ? input.price : undefined } });
      if (result.error) showError(result.error);
      else onSaved();
    } else {
      const result = await sendCreate({ input: { ...input, billingInterval: values.billingInterval } });
      if (result.error) showError(result.error);
      else {
        form.reset();
        onSaved();
      }
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={tier ? t('staffMembers.tiers.editWho', { name: tier.name }) : t('staffMembers.tiers.create')}>
      <Stack gap="sm">
        <FormAlert message={alert} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('staffMembers.tiers.name')} {...form.getInputProps('name')} />
          <NativeSelect
            label={t('staffMembers.tiers.interval')}
            disabled={Boolean(tier)}
            description={tier ? t('staffMembers.tiers.intervalFixed') : undefined}
            data={INTERVALS.map((interval) => ({ value: interval, label: t(`staffMembers.tiers.intervals.${interval}`) }))}
            {...form.getInputProps('billingInterval')}
          />
          <TextInput label={t('staffMembers.tiers.price')} description={t('staffMembers.tiers.priceHint')} inputMode="decimal" {...form.getInputProps('price')} />
          <TextInput label={t('staffMembers.tiers.currency')} description={t('staffMembers.tiers.currencyHint')} maxLength={3} {...form.getInputProps('currency')} />
          <NumberInput label={t('staffMembers.tiers.grace')} min={0} max={365} allowDecimal={false} {...form.getInputProps('gracePeriodDays')} />
          <NumberInput label={t('staffMembers.tiers.discount')} min={0} max={100} allowDecimal={false} {...form.getInputProps('eventDiscountPercent')} />
        </SimpleGrid>
        <Textarea label={t('staffMembers.tiers.descriptionLabel')} autosize minRows={2} {...form.getInputProps('description')} />
        <Checkbox label={t('staffMembers.tiers.requiresApproval')} {...form.getInputProps('requiresApproval', { type: 'checkbox' })} />
        {tier ? <Text size="sm" c="dimmed">{t('staffMembers.tiers.priceChangeHint')}</Text> : null}
        <Group>
          <Button type="submit" loading={created.fetching || updated.fetching}>{tier ? t('staffMembers.tiers.save') : t('staffMembers.tiers.createButton')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
