import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { HomeTiersDocument, type HomeTiersQuery } from './home.generated.js';
import { formatMoney } from '../../shared/formatting/format.js';
import { useSession } from '../../shared/session/SessionProvider.js';
import { Page } from '../../shared/ui/Page.js';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states.js';

type Tier = HomeTiersQuery['membershipTiers'][number];

const PRICE_KEY = { MONTH: 'home.pricePerMonth', YEAR: 'home.pricePerYear', LIFETIME: 'home.priceOnce' } as const;

/**
 * The association's front door: who it is (its name from the API, also the document's title), its
 * tiers with prices, and a way to join.
 */
export function HomePage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: HomeTiersDocument });

  return (
    <Page title={data?.association.name ?? t('app.name')} standalone>
      <Text size="lg">{t('home.tagline')}</Text>
      <Title order={2}>{t('home.tiersTitle')}</Title>
      {fetching && !data ? <LoadingState /> : null}
      {error ? <ErrorState error={error} /> : null}
      {data && data.membershipTiers.length === 0 ? <EmptyState title={t('home.noTiers')} /> : null}
      {data && data.membershipTiers.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {data.membershipTiers.map((tier) => <TierCard key={tier.id} tier={tier} />)}
        </SimpleGrid>
      ) : null}
    </Page>
  );
}

function TierCard({ tier }: { tier: Tier }) {
  const { t } = useTranslation();
  const { session } = useSession();
  // Applying for a tier is the membership page's work; visitors first make an account.
  const joinTo = session ? '/' : `/signup?next=${encodeURIComponent('/')}`;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={`tier-${tier.id}`}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h4" id={`tier-${tier.id}`}>{tier.name}</Title>
          {tier.requiresApproval ? <Badge variant="light">{t('home.requiresApproval')}</Badge> : null}
        </Group>
        <Text fw={700} size="xl">
          {tier.price.amount === 0
            ? t('home.free')
            : t(PRICE_KEY[tier.billingInterval], { price: formatMoney(tier.price) })}
        </Text>
        {tier.description ? <Text size="sm" style={{ flexGrow: 1 }}>{tier.description}</Text> : null}
        {session ? null : (
          <Button component={Link} to={joinTo} aria-label={t('home.joinTier', { tier: tier.name })}>{t('home.join')}</Button>
        )}
      </Stack>
    </Card>
  );
}
