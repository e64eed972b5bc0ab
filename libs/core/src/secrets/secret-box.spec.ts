import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../config/app-config.js';
import { loadConfig } from '../config/load-config.js';
import { parseEncryptionKeys, type EncryptionKey } from './encryption-keys.js';
import { SecretBox, sealedWith } from './secret-box.js';

const key = (id: string): EncryptionKey => ({ id, key: randomBytes(32) });
const TOTP = { table: 'account_totp', key: 'user_id', column: 'secret' };
const WEBHOOK = { table: 'webhook_endpoints', key: 'id', column: 'secret' };
const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
}

describe('SecretBox', () => {
  it('without keys stores and reads values as given', () => {
    const box = new SecretBox([]);
    expect(box.seal(TOTP, SEED)).toBe(SEED);
    expect(box.open(TOTP, SEED)).toBe(SEED);
    expect(box.currentKeyId).toBeUndefined();
  });

  it('seals with the first key, a fresh IV each time, and opens what it sealed', () => {
    const box = new SecretBox([key('k2'), key('k1')]);
    const [a, b] = [box.seal(TOTP, SEED), box.seal(TOTP, SEED)];
    expect(a).toMatch(/^enc:v1:k2:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(SEED);
    expect(sealedWith(a)).toBe('k2');
    expect(box.open(TOTP, a)).toBe(SEED);
    expect(box.open(TOTP, b)).toBe(SEED);
    expect(box.currentKeyId).toBe('k2');
  });

  it('opens values sealed with an older key, and plain ones stored before keys were set', () => {
    const [k1, k2] = [key('k1'), key('k2')];
    const old = new SecretBox([k1]).seal(TOTP, SEED);
    const rotated = new SecretBox([k2, k1]);
    expect(rotated.open(TOTP, old)).toBe(SEED);
    expect(rotated.open(TOTP, SEED)).toBe(SEED);
    expect(sealedWith(rotated.seal(TOTP, SEED))).toBe('k2');
    expect(sealedWith(SEED)).toBeUndefined();
  });

  it('refuses a value whose key is missing, naming the setting and the key', () => {
    const sealed = new SecretBox([key('gone')]).seal(TOTP, SEED);
    for (const box of [new SecretBox([key('k1')]), new SecretBox([])]) {
      const error = thrown(() => box.open(TOTP, sealed));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toBe('Invalid configuration: GUILDHALL_ENCRYPTION_KEYS has no key "gone", which sealed values in account_totp.secret: add it back after the current key');
    }
  });

  it('does not open a value moved to another column, altered, or under another key with the same id', () => {
    const k1 = key('k1');
    const box = new SecretBox([k1]);
    const sealed = box.seal(TOTP, SEED);
    expect(thrown(() => box.open(WEBHOOK, sealed)).message).toContain('key "k1" does not open a value in webhook_endpoints.secret');
    const body = Buffer.from(sealed.slice('enc:v1:k1:'.length), 'base64url');
    body[14] ^= 1;
    expect(thrown(() => box.open(TOTP, `enc:v1:k1:${body.toString('base64url')}`))).toBeInstanceOf(ConfigError);
    expect(thrown(() => new SecretBox([key('k1')]).open(TOTP, sealed))).toBeInstanceOf(ConfigError);
  });
});

describe('GUILDHALL_ENCRYPTION_KEYS', () => {
  const b64 = randomBytes(32).toString('base64');
  const b64url = randomBytes(32).toString('base64url');

  it('reads id:key pairs in order, base64 or base64url', () => {
    const keys = parseEncryptionKeys(`2026-12:${b64}, k1:${b64url}`);
    expect(Array.isArray(keys) && keys.map((k) => [k.id, k.key.length])).toEqual([['2026-12', 32], ['k1', 32]]);
    expect(loadConfig({ GUILDHALL_ENCRYPTION_KEYS: `k1:${b64}` }).encryptionKeys.map((k) => k.key.toString('base64'))).toEqual([b64]);
    expect(loadConfig({}).encryptionKeys).toEqual([]);
  });

  it.each([
    ['no key', 'k1', 'entry 1 must be <id>:<base64 key> (id: up to 32 letters, digits, _ or -)'],
    ['a bad id', `k1:${b64},bad id:${b64}`, 'entry 2 must be <id>:<base64 key> (id: up to 32 letters, digits, _ or -)'],
    ['a short key', `k1:${randomBytes(16).toString('base64')}`, 'key "k1" must be 32 bytes in base64, got 16'],
    ['an id twice', `k1:${b64},k1:${b64url}`, 'key id "k1" appears twice'],
  ])('refuses %s', (_label, raw, reason) => {
    expect(() => loadConfig({ GUILDHALL_ENCRYPTION_KEYS: raw })).toThrow(`Invalid configuration: GUILDHALL_ENCRYPTION_KEYS ${reason}`);
  });
});
