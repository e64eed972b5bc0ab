import { createHash, createSecretKey, type KeyObject, randomBytes, webcrypto } from 'node:crypto';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, AppError, ErrorCode, MapUpTo, Role, type SealedColumn, SecretBox, SecretsAtRest } from '../../core/src/index.js';
import { verifyHs256 } from './hs256-verifier.js';

const ALGORITHM = 'HS256';
const ISSUER = 'guildhall';
const AUDIENCE = 'guildhall-api';

export interface AccessClaims {
  userId: string;
  sessionId: string;
  role: Role;
}

/** Generated secrets (the JWT key when JWT_SECRET is unset), sealed with GUILDHALL_ENCRYPTION_KEYS when set. */
const APP_SECRET_VALUE: SealedColumn = { table: 'app_secrets', key: 'name', column: 'value' };

const EXPECTED = { issuer: ISSUER, audience: AUDIENCE, requiredClaims: ['sub', 'exp', 'iat'] } as const;

/** An access token this process has verified: its claims (frozen, shared) and the times that bound its use. */
interface VerifiedToken {
  claims: Readonly<AccessClaims>;
  exp: number;
  nbf?: number;
}

/** Verified tokens remembered at most (a few hundred bytes each); the memory is emptied when it is full. */
export const VERIFIED_TOKENS_MAX = 10_000;

interface SigningKeys {
  /** jose signs with it (imported once: handed raw bytes, jose would import them again on every sign). */
  sign: webcrypto.CryptoKey;
  /** `verifyHs256` checks with it, synchronously (every request verifies; only sign-ins sign). */
  verify: KeyObject;
}

/**
 * Access tokens are short-lived HS256 JWTs (the algorithm is pinned on verify, so `alg: none` and
 * key-confusion tokens are refused). Refresh tokens are 256-bit random strings stored as SHA-256.
 */
@Injectable()
export class TokenService implements OnModuleInit, OnApplicationBootstrap {
  private keys?: Promise<SigningKeys>;
  /**
   * Tokens already verified here, by their whole text: a session sends the same token with every request for its
   * life, and a token seen again skips the HMAC and the two JSON decodes (~3–5% of the API's CPU on `me`). Only
   * a byte-identical token finds its entry, so nothing forged can; its expiry (and not-before) is checked again on
   * every use, and an entry past it is dropped and the token verified afresh (which refuses it as expired).
   * The signing key is read once per process, so a remembered verification stays true for the token's life.
   */
  private readonly verified = new MapUpTo<string, VerifiedToken>(VERIFIED_TOKENS_MAX);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject('DATABASE_MIGRATED') private readonly _migrated: boolean,
    private readonly box: SecretBox,
    private readonly secretsAtRest: SecretsAtRest,
  ) {}

  onModuleInit(): void {
    this.secretsAtRest.register(APP_SECRET_VALUE);
  }

  /**
   * Loads the key before the first request: tokens are signed inside transactions, and a lazy load
   * there would ask the pool for a second connection while the transaction holds one.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.signingKeys();
  }

  /** The token and the moment it expires (clients schedule their refresh from it). */
  async signAccessToken(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + this.config.accessTokenTtlSeconds;
    const token = await new SignJWT({ role: claims.role, sid: claims.sessionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign((await this.signingKeys()).sign);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** The token's claims (frozen: one object serves every request carrying the token). */
  async verifyAccessToken(token: string): Promise<Readonly<AccessClaims>> {
    const keys = await this.signingKeys();
    const now = Math.floor(Date.now() / 1000);
    const known = this.verified.get(token);
    if (known) {
      if (known.exp > now && (known.nbf === undefined || known.nbf <= now)) return known.claims;
      this.verified.delete(token);
    }
    const outcome = verifyHs256(token, keys.verify, EXPECTED, now);
    const payload = outcome.ok ? outcome.payload : undefined;
    if (!payload || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
      const expired = !outcome.ok && outcome.reason === 'TOKEN_EXPIRED';
      throw new AppError(ErrorCode.UNAUTHENTICATED, expired ? 'The access token has expired' : 'The access token is not valid', {
        reason: expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID',
      });
    }
    const claims = Object.freeze({ userId: payload.sub, sessionId: payload.sid, role: payload.role as Role });
    this.verified.set(token, { claims, exp: payload.exp as number, nbf: payload.nbf as number | undefined });
    return claims;
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hashRefreshToken(token) };
  }

  hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  /** JWT_SECRET when set; otherwise a key generated once and kept in the database for every process. Imported once. */
  private signingKeys(): Promise<SigningKeys> {
    this.keys ??= this.secretBytes().then(async (secret) => ({ sign: await importHmacKey(secret), verify: createSecretKey(secret) }));
    return this.keys;
  }

  private async secretBytes(): Promise<Uint8Array> {
    if (this.config.jwtSecret) return new TextEncoder().encode(this.config.jwtSecret);
    // Read first: a read-only database (a replica, a full disk) that already holds the key still starts.
    const read = () => this.dataSource.query(`SELECT value FROM app_secrets WHERE name = 'jwt_signing_key'`) as Promise<Array<{ value: string }>>;
    let rows = await read();
    if (!rows.length) {
      await this.dataSource.query(
        `INSERT INTO app_secrets (name, value) VALUES ('jwt_signing_key', $1) ON CONFLICT (name) DO NOTHING`,
        [this.box.seal(APP_SECRET_VALUE, randomBytes(48).toString('base64url'))],
      );
      rows = await read();
    }
    return new TextEncoder().encode(this.box.open(APP_SECRET_VALUE, rows[0].value));
  }
}

function importHmacKey(secret: Uint8Array): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}
