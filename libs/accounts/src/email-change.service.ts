import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, AuditService, badInput, ErrorCode, isUniqueViolation, unauthenticated, type Viewer } from '../../core/src/index.js';
import { AccountEmailThrottle } from './account-email-throttle.js';
import { AccountMailer } from './account-mailer.js';
import { AccountTokenPurpose } from './account-token.purpose.js';
import { AccountTokensService } from './account-tokens.service.js';
import { PasswordHasher } from './password-hasher.js';
import { UsersRepository } from './users.repository.js';

const emailTaken = (path: string) =>
  new AppError(ErrorCode.CONFLICT, 'An account with this email already exists', {
    fields: [{ path, message: 'is already registered' }],
    reason: 'EMAIL_TAKEN',
  });

/** Changing the account's email: the new address confirms by link; the old one is told. */
@Injectable()
export class EmailChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttle: AccountEmailThrottle,
    private readonly tokens: AccountTokensService,
    private readonly mailer: AccountMailer,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  /**
   * Throttled (per account email and client) before the password is checked, so it cannot be used to
   * guess the password. The new address must not belong to an account now; the database decides at confirmation.
   */
  async request(viewer: Viewer, newEmail: string, currentPassword: string, clientAddress: string, requestId: string): Promise<true> {
    const user = await this.users.findById(viewer.id);
    if (!user) throw unauthenticated();
    const address = newEmail.toLowerCase();
    if (address === user.email) throw badInput('newEmail', 'is already the email of this account');
    await this.dataSource.transaction((manager) => this.throttle.admit(manager, user.email, clientAddress));
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) throw badInput('currentPassword', 'is not right');
    if (await this.users.emailTaken(address)) throw emailTaken('newEmail');
    await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.issue(manager, user.id, AccountTokenPurpose.EMAIL_CHANGE, address);
      await this.mailer.emailChangeConfirmation(manager, user, address, token);
      await this.mailer.emailChangeNotice(manager, user, address);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'account.emailChangeRequested',
        targetType: 'User',
        targetId: user.id,
        after: { newEmail: address },
        requestId,
      });
    });
    return true;
  }

  /** Switches the email (verified by this very link). Another account that took the address first: CONFLICT, nothing spent. */
  async confirm(token: string, requestId: string): Promise<true> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const spent = await this.tokens.spend(manager, token, AccountTokenPurpose.EMAIL_CHANGE);
        const user = await this.users.lockById(manager, spent.userId);
        if (!user) throw badInput('token', 'is for an account that no longer exists', 'TOKEN_INVALID');
        await this.users.changeEmail(manager, user.id, spent.email);
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'account.emailChanged',
          targetType: 'User',
          targetId: user.id,
          before: { email: user.email },
          after: { email: spent.email },
          requestId,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_uq')) throw emailTaken('token');
      throw error;
    }
    return true;
  }
}
