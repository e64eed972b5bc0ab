import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, badInput, unauthenticated, type Viewer } from '../../core/src/index.js';
import { AccountEmailThrottle } from './account-email-throttle.js';
import { type AccountRecipient, AccountMailer } from './account-mailer.js';
import { AccountTokenPurpose } from './account-token.purpose.js';
import { AccountTokensService } from './account-tokens.service.js';
import { UsersRepository } from './users.repository.js';

/** Email verification: a link at sign-up, another on request (throttled), and the link's redemption. */
@Injectable()
export class EmailVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttle: AccountEmailThrottle,
    private readonly tokens: AccountTokensService,
    private readonly mailer: AccountMailer,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  /** In the sign-up's transaction. */
  async sendOnSignUp(manager: EntityManager, user: AccountRecipient): Promise<void> {
    const token = await this.tokens.issue(manager, user.id, AccountTokenPurpose.EMAIL_VERIFICATION, user.email);
    await this.mailer.verification(manager, user, token);
  }

  /** A new link (the older ones stop working); false when the email is verified already. */
  async resend(viewer: Viewer, clientAddress: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockById(manager, viewer.id);
      if (!user) throw unauthenticated();
      if (user.emailVerifiedAt) return false;
      await this.throttle.admit(manager, user.email, clientAddress);
      await this.sendOnSignUp(manager, user);
      return true;
    });
  }

  async verify(token: string, requestId: string): Promise<true> {
    await this.dataSource.transaction(async (manager) => {
      const spent = await this.tokens.spend(manager, token, AccountTokenPurpose.EMAIL_VERIFICATION);
      if (!(await this.users.markEmailVerified(manager, spent.userId, spent.email))) {
        throw badInput('token', 'is for an address this account no longer has', 'TOKEN_INVALID');
      }
      await this.audit.record(manager, {
        actorId: spent.userId,
        action: 'account.emailVerified',
        targetType: 'User',
        targetId: spent.userId,
        after: { email: spent.email },
        requestId,
      });
    });
    return true;
  }

  /** Whether the account has verified its current email. */
  async isVerified(userId: string): Promise<boolean> {
    const user = await this.users.findById(userId);
    return Boolean(user?.emailVerifiedAt);
  }
}
