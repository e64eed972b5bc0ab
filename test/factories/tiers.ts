import { TestApp } from '../utils/test-app.js';
import { TestUser } from './users.js';

export interface TierInput {
  name?: string;
  price?: { amount: number; currency: string };
  billingInterval?: 'YEAR' | 'MONTH' | 'LIFETIME';
  requiresApproval?: boolean;
  gracePeriodDays?: number;
  eventDiscountPercent?: number;
}

let sequence = 0;

/** Creates a tier through the admin API and returns its id. */
export async function createTier(t: TestApp, admin: TestUser, overrides: TierInput = {}): Promise<string> {
  const input = {
    name: overrides.name ?? `Tier ${++sequence} ${Math.random().toString(36).slice(2, 6)}`,
    price: overrides.price ?? { amount: 0, currency: 'USD' },
    billingInterval: overrides.billingInterval ?? 'YEAR',
    requiresApproval: overrides.requiresApproval ?? false,
    gracePeriodDays: overrides.gracePeriodDays ?? 14,
    eventDiscountPercent: overrides.eventDiscountPercent ?? 0,
  };
  const result = await t.gql(`mutation($input: CreateMembershipTierInput!) { createMembershipTier(input: $input) { id } }`, { input }, admin.accessToken);
  if (!result.data?.createMembershipTier) throw new Error(`createMembershipTier failed: ${JSON.stringify(result.errors)}`);
  return result.data.createMembershipTier.id;
}

export async function applyFor(t: TestApp, member: TestUser, tierId: string) {
  return t.gql(`mutation($tierId: ID!) { applyForMembership(tierId: $tierId) { id status currentPeriodEnd } }`, { tierId }, member.accessToken);
}
