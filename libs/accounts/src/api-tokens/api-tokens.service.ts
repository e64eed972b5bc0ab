import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AppError,
  AuditService,
  badInput,
  type BearerUse,
  type CachedViewer,
  type ConnectionShape,
  ErrorCode,
  forbidden,
  MapUpTo,
  notFound,
  refuseStaffWithoutSecondFactor,
  Role,
  unauthenticated,
  type Viewer,
  ViewerCache,
} from '../../../core/src/index.js';
import { UsersLoader } from '../users.loader.js';
import { UsersRepository } from '../users.repository.js';
import { ApiTokenEntity } from './api-token.entity.js';
import { type ApiTokenScope, ApiTokenKind, heldPermissions, ownerGrants, tokenPermissions } from './api-token-scope.js';
import { CreateApiTokenInput } from './api-token.inputs.js';
import { ApiTokensRepository, type TokenWithOwner } from './api-tokens.repository.js';

const SECRET_PREFIX: Record<ApiTokenKind, string> = { [ApiTokenKind.PERSONAL]: 'ghp_', [ApiTokenKind.SERVICE]: 'ghs_' };
const SECRET_SHAPE = /^gh[ps]_[A-Za-z0-9_-]{43}$/;
const DEFAULT_LIFETIME_DAYS = 90;
const MAX_LIFETIME_DAYS = 366;
/** Live tokens per account: bounded under the account's row lock. */
export const MAX_LIVE_TOKENS_PER_ACCOUNT = 50;

/** True for a string shaped like an API token secret (session access tokens are JWTs and never are). */
export function isApiTokenSecret(token: string): boolean {
  return token.startsWith('ghp_') || token.startsWith('ghs_');
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A token's last_used_at is written at most this often (and a read's `apiToken.use` recorded with it). */
const TOUCH_EVERY_MS = 60_000;

@Injectable()
export class ApiTokensService {
  /** When this process last wrote a token's last_used_at (and its use): a query within the minute of it skips that transaction. */
  private readonly touchedAt = new MapUpTo<string, number>(10_000);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: ApiTokensRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly viewerCache: ViewerCache,
    private readonly usersLoader: UsersLoader,
  ) {}

  async create(viewer: Viewer, input: CreateApiTokenInput, requestId: string): Promise<{ token: ApiTokenEntity; secret: string }> {
    refuseStaffWithoutSecondFactor(viewer);
    const kind = input.kind ?? ApiTokenKind.PERSONAL;
    const expiresAt = input.expiresAt ?? new Date(Date.now() + DEFAULT_LIFETIME_DAYS * 86_400_000);
    if (expiresAt.getTime() <= Date.now() + 60_000) throw badInput('input.expiresAt', 'must be at least a minute from now');
    if (expiresAt.getTime() > Date.now() + MAX_LIFETIME_DAYS * 86_400_000) throw badInput('input.expiresAt', `must be within ${MAX_LIFETIME_DAYS} days`);
    const secret = SECRET_PREFIX[kind] + randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      // The owner's row lock orders concurrent creations, so the cap below holds.
      const owner = await this.users.lockById(manager, viewer.id);
      if (!owner) throw unauthenticated();
      if (kind === ApiTokenKind.SERVICE && owner.role !== Role.ADMIN) throw forbidden('Only admins may make service tokens');
      const held = heldPermissions(owner.role, owner.staffPermissions);
      const scopes = input.scopes as ApiTokenScope[];
      const lacking = scopes.findIndex((scope) => !ownerGrants(scope, held));
      if (lacking >= 0) throw badInput(`input.scopes.${lacking}`, `${scopes[lacking]} is not a right you hold`, 'SCOPE_NOT_HELD');
      if ((await this.tokens.countLive(manager, owner.id)) >= MAX_LIVE_TOKENS_PER_ACCOUNT) {
        throw new AppError(ErrorCode.CONFLICT, `An account may hold at most ${MAX_LIVE_TOKENS_PER_ACCOUNT} live API tokens; revoke one first`, {
          reason: 'TOO_MANY_TOKENS',
        });
      }
      const token = await this.tokens.insert(manager, {
        kind,
        name: input.name,
        ownerId: owner.id,
        scopes,
        secretHash: hashSecret(secret),
        secretPrefix: secret.slice(0, 8),
        expiresAt,
      });
      await this.audit.record(manager, {
        actorId: viewer.id,
        action: 'apiToken.create',
        targetType: 'ApiToken',
        targetId: token.id,
        after: { kind, name: token.name, scopes, expiresAt: expiresAt.toISOString() },
        requestId,
      });
      return { token, secret };
    });
  }

  /** The owner may revoke their tokens; an admin may revoke any. Revoking twice changes nothing. */
  async revoke(viewer: Viewer, id: string, requestId: string): Promise<ApiTokenEntity> {
    return this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.lockById(manager, id);
      if (!token || (token.ownerId !== viewer.id && viewer.role !== Role.ADMIN)) throw notFound('API token');
      if (token.revokedAt) return token;
      const revoked = await this.tokens.markRevoked(manager, id);
      await this.audit.record(manager, { actorId: viewer.id, action: 'apiToken.revoke', targetType: 'ApiToken', targetId: id, requestId });
      return revoked;
    });
  }

  listMine(viewer: Viewer): Promise<ApiTokenEntity[]> {
    return this.tokens.listOwnedBy(viewer.id);
  }

  listAll(args: { first?: number; after?: string }): Promise<ConnectionShape<ApiTokenEntity>> {
    return this.tokens.listAll(args);
  }

  /**
   * The viewer a token stands for on this request: its scopes that the owner still holds, never ADMIN.
   * Each mutation, and reads at most once a minute, leave `apiToken.use` in the audit log with the
   * request id, so every change the request makes is attributable to the token.
   * A query takes the token and its owner's row from the process's ViewerCache when it holds them (emptied by the
   * api_tokens and users notices, and by this process's mutations, as for sessions), and primes the request's users
   * loader with that row; anything else reads them.
   */
  async viewerFromSecret(secret: string, use: BearerUse | undefined): Promise<Viewer> {
    if (!SECRET_SHAPE.test(secret)) throw invalidToken();
    const hash = hashSecret(secret);
    const readOnly = use?.operation === 'query';
    const cacheKey = `api-token:${hash}`;
    const cached = readOnly ? (this.viewerCache.get(cacheKey) as CachedViewer<TokenWithOwner> | undefined) : undefined;
    const generation = this.viewerCache.generation;
    const token = cached?.account ?? (await this.tokens.findBySecretHash(hash));
    if (!token) throw invalidToken();
    if (token.revokedAt) throw new AppError(ErrorCode.UNAUTHENTICATED, 'The API token was revoked', { reason: 'TOKEN_REVOKED' });
    if (new Date(token.expiresAt).getTime() <= Date.now()) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'The API token has expired', { reason: 'TOKEN_EXPIRED' });
    }
    const viewer: Viewer = cached?.viewer ?? {
      id: token.owner.id,
      role: Role.USER,
      sessionId: token.id,
      apiTokenId: token.id,
      permissions: tokenPermissions(token.scopes, heldPermissions(token.owner.role, token.owner.staffPermissions), readOnly),
    };
    if (readOnly && !cached) this.viewerCache.remember(cacheKey, { viewer, account: token }, generation);
    // As for sessions: a query's users loader starts with the owner's row read with the token (`me` reads it there).
    if (readOnly && use?.loaders) this.usersLoader.byId({ loaders: use.loaders }).prime(token.owner.id, { ...token.owner });
    if (!readOnly || !this.touchedWithinTheMinute(token)) await this.recordUse(token, use, readOnly);
    return viewer;
  }

  /**
   * True when a write of last_used_at is known to be less than a minute old: this process's own, or the one the token's
   * read showed (any process's). The UPDATE's own condition would then match nothing, so a query skips it. (The row's
   * time is the database's clock; a skew with this host's only moves when within the minute a read is audited.)
   */
  private touchedWithinTheMinute(token: TokenWithOwner): boolean {
    const last = Math.max(this.touchedAt.get(token.id) ?? 0, token.lastUsedAt ? new Date(token.lastUsedAt).getTime() : 0);
    return Date.now() - last < TOUCH_EVERY_MS;
  }

  /** last_used_at once a minute; the audit's `apiToken.use` then, and for every mutation. */
  private async recordUse(token: TokenWithOwner, use: BearerUse | undefined, readOnly: boolean): Promise<void> {
    const touched = await this.dataSource.transaction(async (manager) => {
      const touched = await this.tokens.touchLastUsed(manager, token.id);
      if (!touched && readOnly) return false;
      await this.audit.record(manager, {
        actorId: token.owner.id,
        action: 'apiToken.use',
        targetType: 'ApiToken',
        targetId: token.id,
        after: { operation: use?.operation ?? 'rest', operationName: use?.operationName ?? null },
        requestId: use?.requestId ?? null,
      });
      return touched;
    });
    if (touched) this.touchedAt.set(token.id, Date.now());
  }
}

const invalidToken = () => new AppError(ErrorCode.UNAUTHENTICATED, 'The API token is not valid', { reason: 'TOKEN_INVALID' });
