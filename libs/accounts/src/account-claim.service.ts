import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AssociationSettingsService, AuditService, badInput, type Viewer } from '../../core/src/index.js';
import { AccountMailer } from './account-mailer.js';
import { AccountTokenPurpose } from './account-token.purpose.js';
import { AccountTokensService } from './account-tokens.service.js';
import { AuthService, type IssuedSession } from './auth.service.js';
import { PasswordHasher } from './password-hasher.js';
import type { SessionClient } from './sessions.repository.js';
import { UNCLAIMED_PASSWORD_HASH } from './unclaimed-account.js';
import { UsersRepository } from './users.repository.js';

/** At most this many invitations per call: one transaction of a bounded size (call again for the rest). */
export const INVITATIONS_PER_CALL = 500;

export interface InvitationOutcome {
  invited: number;
  skipped: number;
  remaining: number;
}

/**
 * Imported accounts (made by the members import with no password: unclaimed) are claimed through an
 * invitation link: staff send it, the person sets a password and is signed in.
 */
@Injectable()
export class AccountClaimService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: AccountTokensService,
    private readonly mailer: AccountMailer,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly settings: AssociationSettingsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Invites the given accounts (each again if asked: the new link replaces the old), or else the next
   * unclaimed accounts with no live invitation. Claimed or unknown ids are skipped.
   */
  async invite(actor: Viewer, target: { userIds?: string[]; allUnclaimed?: boolean }, requestId: string): Promise<InvitationOutcome> {
    const ids = target.userIds ? [...new Set(target.userIds)] : undefined;
    if (ids && target.allUnclaimed) throw badInput('allUnclaimed', 'give either userIds or allUnclaimed, not both');
    if (!ids && !target.allUnclaimed) throw badInput('userIds', 'give the accounts to invite, or allUnclaimed: true');
    return this.dataSource.transaction(async (manager) => {
      const { name } = await this.settings.get(manager);
      const people = ids
        ? await this.users.lockUnclaimed(manager, ids, UNCLAIMED_PASSWORD_HASH)
        : await this.users.lockUninvited(manager, INVITATIONS_PER_CALL, UNCLAIMED_PASSWORD_HASH);
      for (const person of people) {
        const token = await this.tokens.issue(manager, person.id, AccountTokenPurpose.ACCOUNT_CLAIM, person.email);
        await this.mailer.invitation(manager, person, name, token);
        await this.audit.record(manager, { actorId: actor.id, action: 'account.invitationSent', targetType: 'User', targetId: person.id, requestId });
      }
      return {
        invited: people.length,
        skipped: ids ? ids.length - people.length : 0,
        remaining: await this.users.countUninvited(manager, UNCLAIMED_PASSWORD_HASH),
      };
    });
  }

  /** Sets the password of an unclaimed account, marks its email verified (the link proved it) and signs it in. */
  async claim(token: string, password: string, client: SessionClient, requestId: string): Promise<IssuedSession> {
    const passwordHash = await this.hasher.hash(password);
    return this.dataSource.transaction(async (manager) => {
      const spent = await this.tokens.spend(manager, token, AccountTokenPurpose.ACCOUNT_CLAIM);
      const user = await this.users.lockById(manager, spent.userId);
      // Claimed meanwhile another way (a password reset): the invitation has nothing left to do.
      if (!user || user.passwordHash !== UNCLAIMED_PASSWORD_HASH) {
        throw badInput('token', 'is for an account that already has a password; log in or reset it', 'ALREADY_CLAIMED');
      }
      await this.users.setPasswordFromLink(manager, user.id, passwordHash);
      await this.audit.record(manager, { actorId: user.id, action: 'account.claimed', targetType: 'User', targetId: user.id, requestId });
      return this.auth.issue(manager, user, client);
    });
  }
}
