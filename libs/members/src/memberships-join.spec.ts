import { describe, expect, it } from '@jest/globals';
import { membershipColumnsAsked, membershipsJoin } from './memberships-join.js';

describe('membershipColumnsAsked: the membership and tier columns a list reads for the fields its rows ask for', () => {
  it('always reads the keys the guards and nested fields use, then what each asked field needs', () => {
    expect(membershipColumnsAsked(new Set(['status', 'tier']), new Set(['name', 'price']))).toEqual({
      membership: ['id', 'userId', 'tierId', 'status'],
      tier: ['id', 'name', 'priceAmount', 'priceCurrency'],
      key: 'id,userId,tierId,status/id,name,priceAmount,priceCurrency',
    });
  });

  it('reads no tier when the tier is not asked for', () => {
    expect(membershipColumnsAsked(new Set(['currentPeriodEnd']), undefined)).toMatchObject({ membership: ['id', 'userId', 'tierId', 'currentPeriodEnd'], tier: [] });
  });

  it('reads every column (undefined) for a membership or tier field it does not know', () => {
    expect(membershipColumnsAsked(new Set(['status', 'somethingNew']), undefined)).toBeUndefined();
    expect(membershipColumnsAsked(new Set(['tier']), new Set(['name', 'somethingNew']))).toBeUndefined();
  });
});

describe('membershipsJoin with columns', () => {
  it('selects only those columns, and reads the tier row only when tier columns were read', () => {
    const lean = membershipsJoin('m', 'c.user_id', membershipColumnsAsked(new Set(['status']), undefined));
    expect(lean.join).toMatch(/SELECT jm\.id AS "id", jm\.user_id AS "userId", jm\.tier_id AS "tierId", jm\.status AS "status" FROM memberships jm/);
    expect(lean.read({ 'm.id': 'x', 'm.userId': 'u', 'm.tierId': 't', 'm.status': 'ACTIVE' })).toEqual({ id: 'x', userId: 'u', tierId: 't', status: 'ACTIVE' });
    const withTier = membershipsJoin('m', 'c.user_id', membershipColumnsAsked(new Set(['tier']), new Set(['name'])));
    expect(withTier.read({ 'm.id': 'x', 'm.userId': 'u', 'm.tierId': 't', 'm.tier.id': 't', 'm.tier.name': 'Gold' })).toEqual({ id: 'x', userId: 'u', tierId: 't', tierRow: { id: 't', name: 'Gold' } });
    expect(withTier.read({ 'm.id': null })).toBeUndefined();
  });
});
