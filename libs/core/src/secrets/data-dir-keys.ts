import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ConfigError } from '../config/app-config.js';
import { type EncryptionKey, parseEncryptionKeys } from './encryption-keys.js';
import { generatedOnce } from '../database/embedded/generated-once.js';

/** The file, in GUILDHALL_DATA_DIR, that holds the embedded setup's key when GUILDHALL_ENCRYPTION_KEYS is unset. */
export const DATA_DIR_KEYS_FILE = 'encryption-keys';

/**
 * The embedded server's default: secrets are sealed with a key generated on first start and kept beside the
 * cluster (not in it), so a dump or a copy of the database alone does not carry them. Same format as
 * GUILDHALL_ENCRYPTION_KEYS; a file made unreadable by hand is refused with the variable's rules.
 */
export async function dataDirKeys(dataDir: string): Promise<EncryptionKey[]> {
  const file = join(dataDir, DATA_DIR_KEYS_FILE);
  const text = await generatedOnce(file, () => `embedded:${randomBytes(32).toString('base64')}`);
  const keys = parseEncryptionKeys(text);
  if (typeof keys === 'string') throw new ConfigError('GUILDHALL_ENCRYPTION_KEYS', `(read from ${file}) ${keys}`);
  return keys;
}
