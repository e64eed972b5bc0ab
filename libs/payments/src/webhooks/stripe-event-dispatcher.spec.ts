import { describe, expect, it } from '@jest/globals';
import type Stripe from 'stripe';
import type { StripeEventHandler } from './stripe-event-handler.js';
import { StripeEventDispatcher } from './stripe-event-dispatcher.service.js';
import { purposeOf } from './stripe-event-purpose.js';

const handler = (): StripeEventHandler => ({ read: async () => null, apply: async () => [] });
const event = (type: string, object: Record<string, unknown>) => ({ type, data: { object } }) as unknown as Stripe.Event;

/** Routing only (no database): `route` is what `dispatch` uses before any Stripe read or claim. */
function dispatcher() {
  const dues = { session: handler(), invoice: handler() };
  const seats = { session: handler() };
  const d = new StripeEventDispatcher(null as never, null as never);
  d.register({ purpose: 'DUES', untagged: true, handlers: { 'checkout.session.completed': dues.session, 'invoice.paid': dues.invoice } });
  d.register({ purpose: 'EVENT', handlers: { 'checkout.session.completed': seats.session } });
  return { d, dues, seats };
}

describe('StripeEventDispatcher routing', () => {
  it("sends an object to the listener its metadata.purpose names, and untagged objects to the one that takes them", () => {
    const { d, dues, seats } = dispatcher();
    expect(d.route(event('checkout.session.completed', { metadata: { purpose: 'EVENT' } }))?.handler).toBe(seats.session);
    expect(d.route(event('checkout.session.completed', { metadata: { purpose: 'DUES' } }))?.handler).toBe(dues.session);
    expect(d.route(event('checkout.session.completed', { metadata: { guildhall_membership_id: 'm' } }))?.handler).toBe(dues.session);
    expect(d.route(event('invoice.paid', { metadata: {}, parent: { subscription_details: { metadata: { purpose: 'DUES' } } } }))?.handler).toBe(dues.invoice);
  });

  it('ignores a type the chosen listener does not handle, and a purpose nobody registered', () => {
    const { d } = dispatcher();
    expect(d.route(event('invoice.paid', { metadata: { purpose: 'EVENT' } }))).toBeUndefined();
    expect(d.route(event('checkout.session.completed', { metadata: { purpose: 'SHOP' } }))).toBeUndefined();
    expect(d.route(event('customer.created', {}))).toBeUndefined();
  });

  it('lists the union of handled types (what reconciliation asks Stripe for)', () => {
    expect(dispatcher().d.handledEventTypes()).toEqual(['checkout.session.completed', 'invoice.paid']);
  });

  it('refuses a purpose registered twice, and a second listener for untagged objects', () => {
    const { d } = dispatcher();
    expect(() => d.register({ purpose: 'EVENT', handlers: {} })).toThrow(/twice/);
    expect(() => d.register({ purpose: 'SHOP', untagged: true, handlers: {} })).toThrow(/untagged/);
  });

  it('reads purpose only from metadata strings', () => {
    expect(purposeOf(event('x', { metadata: { purpose: '' } }))).toBeNull();
    expect(purposeOf(event('x', { metadata: null }))).toBeNull();
    expect(purposeOf(event('x', {}))).toBeNull();
  });
});
