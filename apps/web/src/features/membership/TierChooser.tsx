import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { MembershipApplyDocument, type MembershipPageQuery } from './membership.generated.js';
import { readError } from '../../shared/errors/graphql-errors.js';
import { formatMoney } from '../../shared/formatting/format.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { EmptyState } from '../../shared/ui/states.js';
import { PRICE_KEY } from './membership-labels.js';

type Tier = MembershipPageQuery['membershipTiers'][number];

/** The tiers open to new members, each with its price and an "Apply" button. */
export function TierChooser({ tiers, onApplied }: { tiers: Tier[]; onApplied: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, apply] = useMutation(MembershipApplyDocument);
  const [applying, setApplying] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const onApply = async (tier: Tier) => {
    setAlert(null);
    setApplying(tier.id);
    const result = await apply({ tierId: tier.id });
    setApplying(null);
    if (result.error) setAlert(readError(result.error).message);
    // `me.membership` now points at the new membership: the page asks again and moves on.
    else onApplied();
  };

  return (
    <Stack component="section" aria-labelledby="membership-tiers">
      <Title order={2} size="h3" id="membership-tiers">{t('membership.chooseTier')}</Title>
      <FormAlert message={alert} />
      {tiers.length === 0 ? <EmptyState title={t('membership.noTiers')} /> : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {tiers.map((tier) => (
            <Card key={tier.id} withBorder padding="lg" component="article" aria-labelledby={`apply-tier-${tier.id}`}>
              <Stack gap="sm" h="100%">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Title order={3} size="h4" id={`apply-tier-${tier.id}`}>{tier.name}</Title>
                  {tier.requiresApproval ? <Badge variant="light">{t('membership.requiresApproval')}</Badge> : null}
                </Group>
                <Text fw={700} size="lg">
                  {tier.price.amount === 0 ? t('membership.free') : t(PRICE_KEY[tier.billingInterval], { price: formatMoney(tier.price) })}
                </Text>
                {tier.description ? <Text size="sm" style={{ flexGrow: 1 }}>{tier.description}</Text> : null}
                <Button
                  onClick={() => void onApply(tier)}
                  loading={fetching && applying === tier.id}
                  disabled={fetching && applying !== tier.id}
                  aria-label={t('membership.applyFor', { tier: tier.name })}
                >
                  {t('membership.apply')}
                </Button>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
