import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigError } from '../config/app-config.js';
import { type EncryptionKey } from './encryption-keys.js';

/** A column that holds a secret the app must read back (an HMAC key, a TOTP seed): sealed when keys are set. */
export interface SealedColumn {
  table: string;
  /** The row's key column, for resealing one row at a time. */
  key: string;
  column: string;
}

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The stored form starts so: `enc:v1:<key id>:…`; a value without the prefix was stored before keys were set. */
export const SEALED_PREFIX = PREFIX;

/**
 * Seals and opens secrets kept in the database, so that a dump, a backup or a read-only leak of the tables does
 * not hand out webhook signing keys, TOTP seeds or the generated JWT key. AES-256-GCM with a random IV per value;
 * the column's name is the associated data, so a value copied into another column does not open there.
 * Without keys (GUILDHALL_ENCRYPTION_KEYS unset) values are stored as given and read as stored.
 */
export class SecretBox {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: readonly EncryptionKey[]) {
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  /** The id of the key new values are sealed with; undefined when none is configured. */
  get currentKeyId(): string | undefined {
    return this.keys[0]?.id;
  }

  seal(column: SealedColumn, plain: string): string {
    const current = this.keys[0];
    if (!current) return plain;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', current.key, iv).setAAD(associatedData(column));
    const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${PREFIX}${current.id}:${body.toString('base64url')}`;
  }

  /** The plain value. Throws a ConfigError when its key is not configured, or when it does not open (wrong key, altered). */
  open(column: SealedColumn, stored: string): string {
    const keyId = sealedWith(stored);
    if (keyId === undefined) return stored;
    const key = this.byId.get(keyId);
    if (!key) throw missingKey(keyId, column);
    const body = Buffer.from(stored.slice(PREFIX.length + keyId.length + 1), 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES)).setAAD(associatedData(column));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new ConfigError('GUILDHALL_ENCRYPTION_KEYS', `key "${keyId}" does not open a value in ${name(column)} (another key under that id, or the value was altered)`);
    }
  }

}

/** The key id a stored value was sealed with; undefined for a plain value. */
export function sealedWith(stored: string): string | undefined {
  if (!stored.startsWith(PREFIX)) return undefined;
  const end = stored.indexOf(':', PREFIX.length);
  return end < 0 ? undefined : stored.slice(PREFIX.length, end);
}

function missingKey(keyId: string, column: SealedColumn): ConfigError {
  return new ConfigError('GUILDHALL_ENCRYPTION_KEYS', `has no key "${keyId}", which sealed values in ${name(column)}: add it back after the current key`);
}

const name = (column: SealedColumn) => `${column.table}.${column.column}`;
const associatedData = (column: SealedColumn) => Buffer.from(`guildhall:${name(column)}`);
