import type Stripe from 'stripe';

/**
 * Shapes of the objects the fake stores and returns. Each is a `Pick` of the SDK's own type for
 * the pinned API version (see api-version.ts), so a field that is renamed or moved in a new
 * version fails `tsc` here. Expandable fields are stored as ids (`Ids`); the server expands them
 * on request. `Decimal` fields are strings on the wire and are typed as such.
 */
type Ids<T, K extends keyof T> = { [P in K]: Extract<T[P], string | null> };
type Shape<T, K extends keyof T, E extends K = never> = Pick<T, Exclude<K, E>> & Ids<T, E>;

export type Metadata = Record<string, string>;

export interface FakeList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
  total_count?: number;
}

export type FakeCustomer = Shape<
  Stripe.Customer,
  'id' | 'object' | 'address' | 'balance' | 'created' | 'currency' | 'default_source' | 'delinquent' | 'description' | 'email'
    | 'invoice_prefix' | 'invoice_settings' | 'livemode' | 'metadata' | 'name' | 'phone' | 'preferred_locales' | 'shipping'
    | 'tax_exempt' | 'test_clock',
  'default_source' | 'test_clock'
>;

export type FakeProduct = Shape<
  Stripe.Product,
  'id' | 'object' | 'active' | 'created' | 'default_price' | 'description' | 'images' | 'livemode' | 'marketing_features'
    | 'metadata' | 'name' | 'package_dimensions' | 'shippable' | 'statement_descriptor' | 'tax_code' | 'type' | 'unit_label'
    | 'updated' | 'url',
  'default_price' | 'tax_code'
>;

export type FakePrice = Shape<
  Stripe.Price,
  'id' | 'object' | 'active' | 'billing_scheme' | 'created' | 'currency' | 'custom_unit_amount' | 'livemode' | 'lookup_key'
    | 'metadata' | 'nickname' | 'product' | 'recurring' | 'tax_behavior' | 'tiers_mode' | 'transform_quantity' | 'type'
    | 'unit_amount',
  'product'
> & { unit_amount_decimal: string | null };

/** A Checkout line item (`object: 'item'`), served through `expand[]=line_items` and `/line_items`. */
export type FakeLineItem = Pick<
  Stripe.LineItem,
  'id' | 'object' | 'adjustable_quantity' | 'amount_discount' | 'amount_subtotal' | 'amount_tax' | 'amount_total' | 'currency'
    | 'description' | 'metadata' | 'quantity'
> & { price: FakePrice };

export type FakeCheckoutSession = Shape<
  Stripe.Checkout.Session,
  'id' | 'object' | 'after_expiration' | 'allow_promotion_codes' | 'amount_subtotal' | 'amount_total' | 'cancel_url'
    | 'client_reference_id' | 'created' | 'currency' | 'customer' | 'customer_creation' | 'customer_details' | 'customer_email'
    | 'expires_at' | 'invoice' | 'livemode' | 'locale' | 'metadata' | 'mode' | 'payment_intent' | 'payment_method_types'
    | 'payment_status' | 'status' | 'subscription' | 'success_url' | 'ui_mode' | 'url',
  'customer' | 'invoice' | 'payment_intent' | 'subscription'
>;

export type FakeSubscriptionItem = Pick<
  Stripe.SubscriptionItem,
  'id' | 'object' | 'created' | 'current_period_end' | 'current_period_start' | 'discounts' | 'metadata' | 'quantity'
    | 'subscription' | 'tax_rates'
> & { price: FakePrice };

export type FakeSubscription = Shape<
  Stripe.Subscription,
  'id' | 'object' | 'application' | 'billing_cycle_anchor' | 'cancel_at' | 'cancel_at_period_end' | 'canceled_at'
    | 'cancellation_details' | 'collection_method' | 'created' | 'currency' | 'customer' | 'days_until_due'
    | 'default_payment_method' | 'description' | 'discounts' | 'ended_at' | 'latest_invoice' | 'livemode' | 'metadata'
    | 'pause_collection' | 'pending_update' | 'schedule' | 'start_date' | 'status' | 'test_clock' | 'trial_end'
    | 'trial_start',
  'application' | 'customer' | 'default_payment_method' | 'latest_invoice' | 'schedule' | 'test_clock'
> & { items: FakeList<FakeSubscriptionItem> };

export type FakeInvoiceLineItem = Shape<
  Stripe.InvoiceLineItem,
  'id' | 'object' | 'amount' | 'currency' | 'description' | 'discount_amounts' | 'discountable' | 'discounts' | 'invoice'
    | 'livemode' | 'metadata' | 'parent' | 'period' | 'quantity' | 'subscription' | 'subtotal' | 'taxes',
  'subscription'
> & {
  pricing: { type: 'price_details'; price_details: { price: string; product: string }; unit_amount_decimal: string | null };
};

export type FakeInvoice = Shape<
  Stripe.Invoice,
  'id' | 'object' | 'amount_due' | 'amount_overpaid' | 'amount_paid' | 'amount_remaining' | 'attempt_count' | 'attempted'
    | 'auto_advance' | 'billing_reason' | 'collection_method' | 'created' | 'currency' | 'customer' | 'customer_email'
    | 'customer_name' | 'description' | 'discounts' | 'due_date' | 'effective_at' | 'hosted_invoice_url' | 'invoice_pdf'
    | 'livemode' | 'metadata' | 'next_payment_attempt' | 'number' | 'parent' | 'period_end' | 'period_start' | 'status'
    | 'status_transitions' | 'subtotal' | 'test_clock' | 'total',
  'customer' | 'test_clock'
> & { lines: FakeList<FakeInvoiceLineItem> };

export type FakeInvoicePayment = Pick<
  Stripe.InvoicePayment,
  'id' | 'object' | 'amount_paid' | 'amount_requested' | 'created' | 'currency' | 'is_default' | 'livemode' | 'status'
    | 'status_transitions'
> & { invoice: string; payment: { type: 'payment_intent'; payment_intent: string } };

export type FakePaymentIntent = Shape<
  Stripe.PaymentIntent,
  'id' | 'object' | 'amount' | 'amount_capturable' | 'amount_received' | 'canceled_at' | 'cancellation_reason'
    | 'capture_method' | 'client_secret' | 'confirmation_method' | 'created' | 'currency' | 'customer' | 'description'
    | 'last_payment_error' | 'latest_charge' | 'livemode' | 'metadata' | 'next_action' | 'payment_method'
    | 'payment_method_types' | 'receipt_email' | 'status',
  'customer' | 'latest_charge' | 'payment_method'
>;

export type FakeCharge = Shape<
  Stripe.Charge,
  'id' | 'object' | 'amount' | 'amount_captured' | 'amount_refunded' | 'balance_transaction' | 'captured' | 'created'
    | 'currency' | 'customer' | 'description' | 'disputed' | 'failure_code' | 'failure_message' | 'livemode' | 'metadata'
    | 'paid' | 'payment_intent' | 'payment_method' | 'receipt_email' | 'receipt_url' | 'refunded' | 'status',
  'balance_transaction' | 'customer' | 'payment_intent'
>;

export type FakeRefund = Shape<
  Stripe.Refund,
  'id' | 'object' | 'amount' | 'balance_transaction' | 'charge' | 'created' | 'currency' | 'metadata' | 'payment_intent'
    | 'reason' | 'receipt_number' | 'status',
  'balance_transaction' | 'charge' | 'payment_intent'
>;

export type FakePortalSession = Shape<
  Stripe.BillingPortal.Session,
  'id' | 'object' | 'configuration' | 'created' | 'customer' | 'flow' | 'livemode' | 'locale' | 'on_behalf_of' | 'return_url'
    | 'url',
  'configuration'
>;

/** Any object that can be the `data.object` of an event. */
export type FakeObject =
  | FakeCustomer | FakeProduct | FakePrice | FakeCheckoutSession | FakeSubscription | FakeInvoice | FakeInvoicePayment
  | FakePaymentIntent | FakeCharge | FakeRefund;

export type FakeEventType = Stripe.Event.Type;

/** Mirrors `Stripe.EventBase`; `data.object` is a snapshot taken when the event happened. */
export type FakeEvent = Pick<Stripe.EventBase, 'id' | 'object' | 'created' | 'livemode' | 'pending_webhooks' | 'request' | 'type'> & {
  api_version: string;
  data: { object: FakeObject; previous_attributes?: Record<string, unknown> };
};
