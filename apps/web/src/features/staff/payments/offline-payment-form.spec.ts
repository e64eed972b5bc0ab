import { describe, expect, it } from '@jest/globals';
import { offlinePaymentInput, placeOfflineErrors } from './offline-payment-form.js';

describe('offline payment form', () => {
  it('sends minor units, an upper-case currency, trimmed text and no empty note', () => {
    const input = offlinePaymentInput('m-1', { amount: ' 12000 ', currency: 'usd', method: 'CHEQUE', reference: ' CHQ-1 ', receivedOn: '', note: '  ' });
    expect(input).toEqual({ membershipId: 'm-1', amount: { amount: 12_000, currency: 'USD' }, method: 'CHEQUE', reference: 'CHQ-1', receivedAt: null, note: null });
  });

  it('turns the day received into the start of that day', () => {
    const input = offlinePaymentInput('m-1', { amount: '1', currency: 'USD', method: 'CASH', reference: 'r', receivedOn: '2026-03-04', note: '' });
    expect(new Date(input.receivedAt!).getTime()).toBe(new Date('2026-03-04T00:00:00').getTime());
  });

  it("puts the API's problems beside their fields and keeps the rest for the alert", () => {
    const errors: Record<string, string> = {};
    const form = { setFieldError: (path: string, message: string) => (errors[path] = message) };
    const placed = placeOfflineErrors(form, { code: 'BAD_USER_INPUT', message: 'bad', fields: [{ path: 'input.amount.currency', message: 'must be USD' }, { path: 'input.reference', message: 'is already recorded' }] });
    expect(placed).toBeNull();
    expect(errors).toEqual({ currency: 'must be USD', reference: 'is already recorded' });
    expect(placeOfflineErrors(form, { code: 'CONFLICT', message: 'A LAPSED membership cannot take a payment', fields: [] })).toBe('A LAPSED membership cannot take a payment');
  });
});
