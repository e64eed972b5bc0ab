import { Injectable } from '@nestjs/common';
import type { TierRecord } from '../../../members/src/index.js';
import { StripeGateway, stripeErrorCode, toProviderError } from '../../../payments/src/index.js';
import { STRIPE_METADATA } from '../dues.constants.js';
import { priceLookupKey, productIdFor, type StripeInterval } from './price-lookup-key.js';
import { TierPricesRepository } from './tier-prices.repository.js';

/**
 * Finds or makes, idempotently, the Stripe Product of a tier and the Price of its current dues.
 * Known prices are served from our table; otherwise Stripe is searched by lookup key before anything
 * is created, and creations carry idempotency keys derived from the tier.
 */
@Injectable()
export class TierCatalogService {
  constructor(
    private readonly gateway: StripeGateway,
    private readonly prices: TierPricesRepository,
  ) {}

  async priceFor(tier: TierRecord, interval: StripeInterval): Promise<string> {
    const lookupKey = priceLookupKey(tier, interval);
    const known = await this.prices.findByLookupKey(lookupKey);
    if (known) return known.stripePriceId;
    const productId = await this.ensureProduct(tier);
    const priceId = (await this.findPrice(lookupKey)) ?? (await this.createPrice(tier, productId, lookupKey, interval));
    await this.prices.insert({ tierId: tier.id, amount: tier.priceAmount, currency: tier.priceCurrency, interval, lookupKey, stripeProductId: productId, stripePriceId: priceId });
    return priceId;
  }

  private async ensureProduct(tier: TierRecord): Promise<string> {
    const id = productIdFor(tier.id);
    try {
      await this.gateway.raw((s) => s.products.retrieve(id));
      return id;
    } catch (error) {
      if (stripeErrorCode(error) !== 'resource_missing') throw toProviderError(error, 'read product');
    }
    try {
      await this.gateway.raw((s) =>
        s.products.create({ id, name: `${tier.name} membership`, metadata: { [STRIPE_METADATA.tier]: tier.id } }, { idempotencyKey: `guildhall-product:${tier.id}` }),
      );
    } catch (error) {
      if (stripeErrorCode(error) !== 'resource_already_exists') throw toProviderError(error, 'create product');
    }
    return id;
  }

  private async findPrice(lookupKey: string): Promise<string | null> {
    const found = await this.gateway.call('find price', (s) => s.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 }));
    return found.data[0]?.id ?? null;
  }

  private async createPrice(tier: TierRecord, product: string, lookupKey: string, interval: StripeInterval): Promise<string> {
    try {
      const price = await this.gateway.raw((s) =>
        s.prices.create(
          {
            product,
            unit_amount: tier.priceAmount,
            currency: tier.priceCurrency.toLowerCase(),
            ...(interval === 'once' ? {} : { recurring: { interval } }),
            lookup_key: lookupKey,
            metadata: { [STRIPE_METADATA.tier]: tier.id },
          },
          { idempotencyKey: `guildhall-price:${lookupKey}` },
        ),
      );
      return price.id;
    } catch (error) {
      // Another process made it first: take theirs.
      if (stripeErrorCode(error) === 'lookup_key_exists') {
        const theirs = await this.findPrice(lookupKey);
        if (theirs) return theirs;
      }
      throw toProviderError(error, 'create price');
    }
  }
}
