/** A key that seals secrets at rest (AES-256-GCM): its id is written beside every value it seals. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

const ENTRY = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/_-]+={0,2})$/;

/**
 * GUILDHALL_ENCRYPTION_KEYS: `id:key[,id:key…]`, each key 32 bytes in base64 (or base64url). The first seals
 * new values; the others still open what they sealed until a restart has resealed it with the first.
 * Answers the reason when the text is not that (for ConfigError), else the keys.
 */
export function parseEncryptionKeys(raw: string): EncryptionKey[] | string {
  const keys: EncryptionKey[] = [];
  for (const [index, entry] of raw.split(',').map((part) => part.trim()).entries()) {
    const match = ENTRY.exec(entry);
    if (!match) return `entry ${index + 1} must be <id>:<base64 key> (id: up to 32 letters, digits, _ or -)`;
    const [, id, encoded] = match;
    const key = Buffer.from(encoded, encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64');
    if (key.length !== 32) return `key "${id}" must be 32 bytes in base64, got ${key.length}`;
    if (keys.some((k) => k.id === id)) return `key id "${id}" appears twice`;
    keys.push({ id, key });
  }
  return keys;
}
