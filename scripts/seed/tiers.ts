import { EntityManager } from 'typeorm';

export interface SeedTier {
  name: string;
  description: string;
  priceAmount: number;
  billingInterval: 'YEAR' | 'LIFETIME';
  requiresApproval: boolean;
  gracePeriodDays: number;
  eventDiscountPercent: number;
  sortOrder: number;
}

/** Dues in minor units (cents) of USD. */
export const SEED_TIERS: SeedTier[] = [
  { name: 'Student', description: 'For full-time students.', priceAmount: 2500, billingInterval: 'YEAR', requiresApproval: false, gracePeriodDays: 30, eventDiscountPercent: 50, sortOrder: 1 },
  { name: 'Professional', description: 'For practitioners; applications are reviewed.', priceAmount: 15000, billingInterval: 'YEAR', requiresApproval: true, gracePeriodDays: 30, eventDiscountPercent: 20, sortOrder: 2 },
  { name: 'Fellow', description: 'For distinguished members.', priceAmount: 30000, billingInterval: 'YEAR', requiresApproval: false, gracePeriodDays: 30, eventDiscountPercent: 30, sortOrder: 3 },
  { name: 'Lifetime', description: 'One payment, for life.', priceAmount: 250000, billingInterval: 'LIFETIME', requiresApproval: false, gracePeriodDays: 0, eventDiscountPercent: 30, sortOrder: 4 },
];

/** Creates the tiers that do not exist yet (by name) and returns every seed tier's id by name. */
export async function ensureSeedTiers(manager: EntityManager): Promise<Map<string, string>> {
  await manager.query(
    `INSERT INTO membership_tiers (name, description, price_amount, price_currency, billing_interval, requires_approval,
                                   grace_period_days, event_discount_percent, sort_order)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::bool[], $7::int[], $8::int[], $9::int[])
     ON CONFLICT (name) DO NOTHING`,
    [
      SEED_TIERS.map((t) => t.name),
      SEED_TIERS.map((t) => t.description),
      SEED_TIERS.map((t) => t.priceAmount),
      SEED_TIERS.map(() => 'USD'),
      SEED_TIERS.map((t) => t.billingInterval),
      SEED_TIERS.map((t) => t.requiresApproval),
      SEED_TIERS.map((t) => t.gracePeriodDays),
      SEED_TIERS.map((t) => t.eventDiscountPercent),
      SEED_TIERS.map((t) => t.sortOrder),
    ],
  );
  const rows: Array<{ id: string; name: string }> = await manager.query(`SELECT id, name FROM membership_tiers WHERE name = ANY($1)`, [SEED_TIERS.map((t) => t.name)]);
  return new Map(rows.map((r) => [r.name, r.id]));
}
