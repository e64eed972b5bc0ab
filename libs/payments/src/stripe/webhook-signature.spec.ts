import { describe, expect, it } from '@jest/globals';
import Stripe from 'stripe';
import { verifyStripeWebhook, type SignatureProblem } from './webhook-signature.js';

const stripe = new Stripe('sk_test_unit');
const secret = 'whsec_unit';
const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'invoice.paid', created: 1, data: { object: { id: 'in_1' } } });
const now = 1_800_000_000;
const sign = (timestamp: number, body = payload, key = secret) => stripe.webhooks.generateTestHeaderString({ payload: body, secret: key, timestamp });

function problem(body: Buffer | undefined, header: string | undefined): SignatureProblem | undefined {
  try {
    verifyStripeWebhook(stripe, body, header, secret, now);
    return undefined;
  } catch (error) {
    return (error as { problem?: SignatureProblem }).problem;
  }
}

describe('verifyStripeWebhook', () => {
  it('accepts a good signature up to five minutes either side', () => {
    expect(verifyStripeWebhook(stripe, Buffer.from(payload), sign(now), secret, now).id).toBe('evt_1');
    expect(problem(Buffer.from(payload), sign(now - 299))).toBeUndefined();
    expect(problem(Buffer.from(payload), sign(now + 299))).toBeUndefined();
  });

  it.each<[string, Buffer | undefined, string | undefined, SignatureProblem]>([
    ['no body', undefined, sign(now), 'missing'],
    ['no header', Buffer.from(payload), undefined, 'missing'],
    ['no timestamp', Buffer.from(payload), 'v1=abc', 'malformed'],
    ['stale', Buffer.from(payload), sign(now - 301), 'stale'],
    ['from the future', Buffer.from(payload), sign(now + 301), 'future'],
    ['another secret', Buffer.from(payload), sign(now, payload, 'whsec_other'), 'mismatch'],
    ['a changed body', Buffer.from(payload.replace('in_1', 'in_2')), sign(now), 'mismatch'],
  ])('refuses %s', (_label, body, header, expected) => {
    expect(problem(body, header)).toBe(expected);
  });
});
