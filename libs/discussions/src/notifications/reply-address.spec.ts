import { describe, expect, it } from '@jest/globals';
import { notificationOfAddress, replyAddress } from './reply-address.js';

const SECRET = 'a shared secret of some length';
const ID = '3f2b8c1e-9d4a-4b6f-8e21-7c5d9a0b1e2f';

describe('reply addresses', () => {
  it('round-trip, whatever the case, and keep the local part under 64 characters', () => {
    const address = replyAddress(SECRET, 'reply.example.org', ID);
    expect(address.split('@')[0].length).toBeLessThanOrEqual(64);
    expect(notificationOfAddress(SECRET, 'reply.example.org', address)).toBe(ID);
    expect(notificationOfAddress(SECRET, 'reply.example.org', address.toUpperCase())).toBe(ID);
  });

  it('refuse forged, altered, foreign or malformed addresses', () => {
    const address = replyAddress(SECRET, 'reply.example.org', ID);
    expect(notificationOfAddress('another secret entirely', 'reply.example.org', address)).toBeUndefined();
    const local = address.split('@')[0];
    const altered = local.slice(0, 5) + (local[5] === 'a' ? 'b' : 'a') + local.slice(6);
    expect(notificationOfAddress(SECRET, 'reply.example.org', `${altered}@reply.example.org`)).toBeUndefined();
    expect(notificationOfAddress(SECRET, 'reply.example.org', address.replace('reply.example.org', 'other.example.org'))).toBeUndefined();
    expect(notificationOfAddress(SECRET, 'reply.example.org', 'r+short@reply.example.org')).toBeUndefined();
  });
});
