import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  AppError,
  AuditService,
  ErrorCode,
  forbidden,
  notFound,
  OutboxService,
  PersonalDataRegistry,
  StaffPermission,
  type Viewer,
  viewerHasPermission,
} from '../../../core/src/index.js';
import { UsersService } from '../../../accounts/src/index.js';
import { ErasureRequestsRepository } from './erasure-requests.repository.js';

const CONFIRM_HOURS = 24;
/** Where erased accounts' addresses point (accounts' eraser writes `erased-<id>@erased.invalid`). */
const ERASED_DOMAIN = '@erased.invalid';
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Erasure ("forget me"): the person asks and confirms from their email, or staff with
 * MEMBERSHIP_MANAGER (or an admin) erase at once. One transaction runs every library's eraser
 * (PersonalDataRegistry): personal data is anonymised, sessions end, Stripe's customer is deleted by a
 * job after the commit; financial records stay, linked to the anonymous account. The audit log says
 * that an erasure happened and by whom, nothing of what was erased.
 */
@Injectable()
export class AccountErasureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly requests: ErasureRequestsRepository,
    private readonly registry: PersonalDataRegistry,
    private readonly users: UsersService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** Own account (no id, or one's own): a confirmation email. Another's: staff only, erased now. */
  async request(viewer: Viewer, userId: string | undefined, requestId: string): Promise<boolean> {
    if (!userId || userId === viewer.id) {
      await this.sendConfirmation(viewer.id);
      return true;
    }
    if (!viewerHasPermission(viewer, StaffPermission.MEMBERSHIP_MANAGER)) throw forbidden('Only staff with MEMBERSHIP_MANAGER may erase another account');
    await this.erase(viewer.id, userId, requestId);
    return true;
  }

  async confirm(token: string, requestId: string): Promise<boolean> {
    const userId = await this.dataSource.transaction((manager) => this.requests.use(manager, hash(token)));
    if (!userId) throw new AppError(ErrorCode.BAD_USER_INPUT, 'token: is not a live erasure link', { fields: [{ path: 'token', message: 'is not a live erasure link' }], reason: 'ERASURE_TOKEN_INVALID' });
    await this.erase(userId, userId, requestId);
    return true;
  }

  private async sendConfirmation(userId: string): Promise<void> {
    const [person] = await this.users.contacts([userId]);
    if (!person) throw notFound('User');
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      await this.requests.insert(manager, userId, hash(token), new Date(Date.now() + CONFIRM_HOURS * 3_600_000));
      await this.outbox.enqueue(manager, {
        to: person.email,
        recipientUserId: userId,
        template: 'account-erasure-confirm',
        subject: 'Confirm that your account should be erased',
        text: `Dear ${person.fullName},\n\nSomeone (we hope you) asked to erase your account and personal data. This cannot be undone. To go ahead, open this link within ${CONFIRM_HOURS} hours (it works once):\n\n${this.config.publicUrl}/confirm-erasure?token=${token}\n\nIf it was not you, ignore this email.`,
      });
    });
  }

  /**
   * The daily retention job: erases a person whose membership ended long ago; false when already
   * erased, or refused (e.g. they joined again meanwhile, or are the last admin).
   */
  async eraseForRetention(userId: string): Promise<boolean> {
    const [person] = await this.users.contacts([userId]);
    if (!person || person.email.endsWith(ERASED_DOMAIN)) return false;
    try {
      await this.erase(null, userId, null);
      return true;
    } catch (error) {
      if (error instanceof AppError) return false;
      throw error;
    }
  }

  private async erase(actorId: string | null, userId: string, requestId: string | null): Promise<void> {
    const [person] = await this.users.contacts([userId]);
    if (!person) throw notFound('User');
    await this.dataSource.transaction(async (manager) => {
      await this.registry.eraseAll(manager, { userId, email: person.email, fullName: person.fullName });
      await this.requests.forget(manager, userId);
      await this.audit.record(manager, {
        actorId: actorId === userId ? null : actorId,
        action: 'account.erase',
        targetType: 'User',
        targetId: userId,
        after: { by: actorId === null ? 'retention' : actorId === userId ? 'the person' : 'staff', financialRecordsKept: true },
        requestId,
      });
    });
  }
}
