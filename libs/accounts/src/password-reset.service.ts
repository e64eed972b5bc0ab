import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, enqueue, JobRegistry } from '../../core/src/index.js';
import { AccountEmailThrottle } from './account-email-throttle.js';
import { AccountMailer } from './account-mailer.js';
import { AccountTokenPurpose } from './account-token.purpose.js';
import { AccountTokensService } from './account-tokens.service.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsRepository } from './sessions.repository.js';
import { UsersRepository } from './users.repository.js';

export const SEND_PASSWORD_RESET_TASK = 'send-password-reset';

type SendPasswordResetPayload = { email: string; clientAddress: string };

/**
 * Password reset by emailed link. The request does the same work whatever the email: it is throttled,
 * recorded and handed to a job, and only the job looks the account up; so the answer and its timing
 * say nothing about whether an account exists.
 */
@Injectable()
export class PasswordResetService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobRegistry,
    private readonly throttle: AccountEmailThrottle,
    private readonly tokens: AccountTokensService,
    private readonly mailer: AccountMailer,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly loginThrottle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(SEND_PASSWORD_RESET_TASK, (payload) => this.send(payload as SendPasswordResetPayload));
  }

  async request(email: string, clientAddress: string): Promise<true> {
    const address = email.toLowerCase();
    await this.dataSource.transaction(async (manager) => {
      await this.throttle.admit(manager, address, clientAddress);
      await enqueue(manager, SEND_PASSWORD_RESET_TASK, { email: address, clientAddress } satisfies SendPasswordResetPayload, { maxAttempts: 5 });
    });
    return true;
  }

  /** The job: a link for the account with this email, if there is one (the older links stop working). */
  async send({ email, clientAddress }: SendPasswordResetPayload): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByEmail(email, manager);
      if (!user) return;
      const token = await this.tokens.issue(manager, user.id, AccountTokenPurpose.PASSWORD_RESET, user.email);
      await this.mailer.passwordReset(manager, user, token);
      await this.audit.record(manager, {
        actorId: null,
        action: 'account.passwordResetRequested',
        targetType: 'User',
        targetId: user.id,
        after: { clientAddress },
      });
    });
  }

  /**
   * Sets the password, spends the link, ends every session of the account; all or nothing. Then the
   * email's failed log-ins stop counting: whoever was locked out by guesses can sign in with the new password.
   */
  async reset(token: string, newPassword: string, requestId: string): Promise<true> {
    const passwordHash = await this.hasher.hash(newPassword);
    const email = await this.dataSource.transaction(async (manager) => {
      const spent = await this.tokens.spend(manager, token, AccountTokenPurpose.PASSWORD_RESET);
      await this.users.setPasswordFromLink(manager, spent.userId, passwordHash);
      const ended = await this.sessions.revokeAllSessions(manager, spent.userId, 'password reset');
      await this.audit.record(manager, {
        actorId: spent.userId,
        action: 'account.passwordReset',
        targetType: 'User',
        targetId: spent.userId,
        after: { sessionsEnded: ended },
        requestId,
      });
      return spent.email;
    });
    await this.loginThrottle.clear(email);
    return true;
  }
}
