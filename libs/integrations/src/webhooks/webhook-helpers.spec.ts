import { describe, expect, it } from '@jest/globals';
import { isPrivateAddress } from './private-address.js';
import { nextAttemptAt, RETRY_WINDOW_MS } from './webhook-backoff.js';
import { signatureHeader, verifySignature } from './webhook-signature.js';

describe('webhook signature', () => {
  it('verifies with the secret and refuses a changed body, another secret or an old timestamp', () => {
    const at = new Date();
    const header = signatureHeader(['whsec_a'], '{"x":1}', at);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_a', '{"x":1}', header)).toBe(true);
    expect(verifySignature('whsec_a', '{"x":2}', header)).toBe(false);
    expect(verifySignature('whsec_b', '{"x":1}', header)).toBe(false);
    expect(verifySignature('whsec_a', '{"x":1}', header, 300, Date.now() + 600_000)).toBe(false);
  });

  it('while a rolled secret overlaps, signs with both: either verifies, a third does not', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], '{"x":1}', new Date());
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_new', '{"x":1}', header)).toBe(true);
    expect(verifySignature('whsec_old', '{"x":1}', header)).toBe(true);
    expect(verifySignature('whsec_other', '{"x":1}', header)).toBe(false);
    expect(verifySignature('whsec_old', '{"x":2}', header)).toBe(false);
  });
});

describe('private addresses', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0', 'nonsense'])(
    '%s is refused',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is allowed', (address) => expect(isPrivateAddress(address)).toBe(false));
});

describe('backoff', () => {
  it('doubles from 30 s up to 6 h and stops after the 3-day window', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    const noJitter = () => 0;
    expect(nextAttemptAt(1, start, start, noJitter)!.getTime() - start.getTime()).toBe(30_000);
    expect(nextAttemptAt(3, start, start, noJitter)!.getTime() - start.getTime()).toBe(120_000);
    expect(nextAttemptAt(20, start, start, noJitter)!.getTime() - start.getTime()).toBe(6 * 3_600_000);
    expect(nextAttemptAt(20, start, new Date(start.getTime() + RETRY_WINDOW_MS - 1000), noJitter)).toBeNull();
  });
});
