import type Stripe from 'stripe';

/**
 * The Stripe API version this fake speaks: the one the installed SDK pins
 * (node_modules/stripe/esm/apiVersion.js, `Stripe.API_VERSION`) and sends as `Stripe-Version`.
 *
 * The type annotation makes `tsc` fail when the SDK is upgraded to another version, so the
 * object shapes in this folder get reviewed against the new version instead of drifting.
 */
export const STRIPE_API_VERSION: typeof Stripe.API_VERSION = '2026-10-28.endive';
