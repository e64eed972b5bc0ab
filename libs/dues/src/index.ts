// The dues library's public surface: the module, its services, errors and GraphQL types. Never its
// repositories or entities (DUES_ENTITIES is for the DataSource only).
export * from './dues.module.js';
export * from './dues.errors.js';
export * from './dues.constants.js';
export * from './reconciliation/reconciliation.service.js';
export * from './reconciliation/reconcile-report.type.js';

import { DuesCheckoutSessionEntity } from './entities/checkout-session.entity.js';
import { DuesPaymentEntity } from './entities/dues-payment.entity.js';
import { DuesSubscriptionEntity } from './entities/dues-subscription.entity.js';
import { DuesTierChangeEntity } from './entities/tier-change.entity.js';
import { DuesTierPriceEntity } from './entities/tier-price.entity.js';
import { DuesReconcileRunEntity } from './entities/reconcile-run.entity.js';
/** For the DataSource only. */
export const DUES_ENTITIES = [DuesCheckoutSessionEntity, DuesSubscriptionEntity, DuesPaymentEntity, DuesTierPriceEntity, DuesTierChangeEntity, DuesReconcileRunEntity];
