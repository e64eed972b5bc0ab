export * from './dues.module.js';
export * from './dues.errors.js';
export * from './dues.constants.js';
export * from './entities/checkout-session.entity.js';
export * from './entities/dues-subscription.entity.js';
export * from './entities/dues-payment.entity.js';
export * from './entities/tier-price.entity.js';
export * from './entities/tier-change.entity.js';
export * from './webhooks/webhook-ingestion.service.js';
export * from './reconciliation/reconciliation.service.js';

import { DuesCheckoutSessionEntity } from './entities/checkout-session.entity.js';
import { DuesPaymentEntity } from './entities/dues-payment.entity.js';
import { DuesSubscriptionEntity } from './entities/dues-subscription.entity.js';
import { DuesTierChangeEntity } from './entities/tier-change.entity.js';
import { DuesTierPriceEntity } from './entities/tier-price.entity.js';
export const DUES_ENTITIES = [DuesCheckoutSessionEntity, DuesSubscriptionEntity, DuesPaymentEntity, DuesTierPriceEntity, DuesTierChangeEntity];
