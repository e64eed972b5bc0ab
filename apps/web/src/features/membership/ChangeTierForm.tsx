import { Button, Group, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { MembershipChangeTierDocument, type MembershipPageMembershipFragment, type MembershipPageQuery } from './membership.generated.js';
import { readError } from '../../shared/errors/graphql-errors.js';
import { formatMoney } from '../../shared/formatting/format.js';
import { PRICE_KEY } from './membership-labels.js';

type Tier = MembershipPageQuery['membershipTiers'][number];

/** Another tier from the next paid period (no proration). */
export function ChangeTierForm({ membership, tiers, onChanged }: { membership: MembershipPageMembershipFragment; tiers: Tier[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, change] = useMutation(MembershipChangeTierDocument);
  const [tierId, setTierId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const others = tiers.filter((tier) => tier.id !== membership.tier.id);
  if (others.length === 0) return null;

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!tierId) return setError(t('membership.chooseTierFirst'));
    const result = await change({ membershipId: membership.id, tierId });
    if (result.error) return setError(readError(result.error).message);
    setTierId(null);
    onChanged();
  };

  const price = (tier: Tier) => (tier.price.amount === 0 ? t('membership.free') : t(PRICE_KEY[tier.billingInterval], { price: formatMoney(tier.price) }));
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('membership.changeTier')}
            description={t('membership.changeTierHint')}
            placeholder={t('membership.chooseTierPlaceholder')}
            data={others.map((tier) => ({ value: tier.id, label: `${tier.name} · ${price(tier)}` }))}
            value={tierId}
            onChange={setTierId}
            error={error ?? undefined}
            w={{ base: '100%', sm: 320 }}
          />
          <Button type="submit" variant="default" loading={fetching}>{t('membership.changeTierSubmit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
