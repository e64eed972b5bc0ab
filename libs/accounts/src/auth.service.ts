import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, AppError, ErrorCode, isUniqueViolation, type BearerUse, type CachedViewer, Role, unauthenticated, Viewer, ViewerCache, ViewerLookup } from '../../core/src/index.js';
import { UserEntity } from './entities/user.entity.js';
import { LogInInput, SignUpInput } from './inputs/auth.inputs.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { EmailVerificationService } from './email-verification.service.js';
import { type SessionClient, SessionsRepository } from './sessions.repository.js';
import { TokenService } from './token.service.js';
import { TotpService } from './totp/totp.service.js';
import { UsersRepository } from './users.repository.js';
import { UsersLoader } from './users.loader.js';
import { type User } from './user.type.js';

export interface IssuedSession {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  user: UserEntity;
  /** The viewer the new tokens stand for. */
  viewer: Viewer;
}

const BAD_CREDENTIALS = 'The email or password is not right';

@Injectable()
export class AuthService implements ViewerLookup {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly totp: TotpService,
    private readonly verification: EmailVerificationService,
    private readonly usersLoader: UsersLoader,
    private readonly viewerCache: ViewerCache,
  ) {}

  /** The new account is sent a link to verify its email. */
  async signUp(input: SignUpInput, client?: SessionClient): Promise<IssuedSession> {
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await this.users.insert(manager, {
          email: input.email,
          passwordHash,
          fullName: input.fullName,
          role: Role.USER,
        });
        await this.verification.sendOnSignUp(manager, user);
        return this.issue(manager, user, client);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_uq')) {
        throw new AppError(ErrorCode.CONFLICT, 'An account with this email already exists', {
          fields: [{ path: 'input.email', message: 'is already registered' }],
          reason: 'EMAIL_TAKEN',
        });
      }
      throw error;
    }
  }

  /**
   * Unknown email and wrong password take the same path and about the same time. The attempt is
   * admitted and recorded as a failure before the password is checked; only a right password clears it.
   */
  async logIn(input: LogInInput, client: SessionClient): Promise<IssuedSession> {
    const email = input.email.toLowerCase();
    await this.throttle.admit(email, client.address);
    const user = await this.users.findByEmail(email);
    const ok = await this.hasher.verify(user?.passwordHash, input.password);
    if (!user || !ok) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, BAD_CREDENTIALS, { reason: 'BAD_CREDENTIALS' });
    }
    const secondFactor = await this.totp.verifyAtLogIn(user.id, input);
    await this.throttle.clear(email);
    return this.dataSource.transaction(async (manager) => {
      const session = await this.issue(manager, user, client);
      if (secondFactor) await this.sessions.markSecondFactor(manager, session.viewer.sessionId);
      return session;
    });
  }

  /**
   * Rotates a refresh token. A token that was already used (or whose session ended) is a sign it
   * was stolen: the whole session is revoked, which also ends the thief's fresh tokens.
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const hash = this.tokens.hashRefreshToken(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await this.sessions.lockRefreshToken(manager, hash);
      if (!token) return { error: 'The refresh token is not valid' } as const;
      if (token.sessionRevokedAt) return { error: 'This session has ended; sign in again' } as const;
      if (token.usedAt) {
        await this.sessions.revokeSession(manager, token.sessionId, 'refresh token reused');
        return { error: 'This refresh token was already used; the session has been ended for safety' } as const;
      }
      if (token.expiresAt.getTime() <= Date.now()) return { error: 'The refresh token has expired; sign in again' } as const;
      const user = await this.users.findById(token.userId, manager);
      if (!user) return { error: 'The account no longer exists' } as const;
      await this.sessions.markUsed(manager, token.id);
      return { session: await this.issueInSession(manager, user, token.sessionId) } as const;
    });
    if ('error' in outcome) throw new AppError(ErrorCode.UNAUTHENTICATED, outcome.error ?? '', { reason: 'REFRESH_REJECTED' });
    return outcome.session;
  }

  async logOut(refreshToken: string): Promise<boolean> {
    const hash = this.tokens.hashRefreshToken(refreshToken);
    return this.dataSource.transaction(async (manager) => {
      const token = await this.sessions.lockRefreshToken(manager, hash);
      if (!token) throw new AppError(ErrorCode.UNAUTHENTICATED, 'The refresh token is not valid', { reason: 'REFRESH_REJECTED' });
      await this.sessions.revokeSession(manager, token.sessionId, 'logged out');
      return true;
    });
  }

  /** Changing the password ends every other session of the account. */
  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string): Promise<boolean> {
    const user = await this.users.findById(viewer.id);
    if (!user) throw unauthenticated();
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'currentPassword is not right', {
        fields: [{ path: 'currentPassword', message: 'is not right' }],
      });
    }
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.updatePasswordHash(manager, user.id, passwordHash);
      await this.sessions.revokeOtherSessions(manager, user.id, viewer.sessionId, 'password changed');
    });
    return true;
  }

  /**
   * The account row read with the session primes the request's users loader (`use.loaders`) for a query: `me` reads
   * it from there. Not for a mutation: a later field of the same request must see the row as the mutation left it.
   * A query may take both from the process's ViewerCache (see there for when it is emptied); anything else reads
   * the session afresh.
   */
  async viewerFromAccessToken(token: string, use?: BearerUse): Promise<Viewer> {
    const claims = await this.tokens.verifyAccessToken(token);
    const query = use?.operation === 'query';
    let found = query ? (this.viewerCache.get(claims.sessionId) as CachedViewer<User> | undefined) : undefined;
    if (found?.viewer.id !== claims.userId) {
      const generation = this.viewerCache.generation;
      const read = await this.sessions.viewerForSession(claims.userId, claims.sessionId);
      if (!read) throw new AppError(ErrorCode.UNAUTHENTICATED, 'This session has ended; sign in again', { reason: 'SESSION_ENDED' });
      found = { viewer: read.viewer, account: read.user };
      if (query) this.viewerCache.remember(claims.sessionId, found, generation);
    }
    // The cached row is frozen and shared: the request's loader gets its own copy.
    if (use?.loaders && query) this.usersLoader.byId({ loaders: use.loaders }).prime(found.account.id, { ...found.account });
    return found.viewer;
  }

  /**
   * A new session for `user` in the caller's transaction (sign-up, log-in, an account claim): the session and its
   * first refresh token in one statement.
   */
  async issue(manager: EntityManager, user: UserEntity, client?: SessionClient): Promise<IssuedSession> {
    const refresh = this.newRefreshToken();
    const sessionId = await this.sessions.openSession(manager, user.id, client, refresh.hash, refresh.expiresAt);
    return this.issued(user, sessionId, refresh.token);
  }

  /** A refresh: a new refresh token in the session, which is marked as used now. */
  private async issueInSession(manager: EntityManager, user: UserEntity, sessionId: string): Promise<IssuedSession> {
    const refresh = this.newRefreshToken();
    await this.sessions.addRefreshToken(manager, sessionId, refresh.hash, refresh.expiresAt);
    return this.issued(user, sessionId, refresh.token);
  }

  private newRefreshToken(): { token: string; hash: string; expiresAt: Date } {
    return { ...this.tokens.newRefreshToken(), expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000) };
  }

  private async issued(user: UserEntity, sessionId: string, refreshToken: string): Promise<IssuedSession> {
    const access = await this.tokens.signAccessToken({ userId: user.id, sessionId, role: user.role });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      user,
      viewer: { id: user.id, role: user.role, sessionId },
    };
  }
}
