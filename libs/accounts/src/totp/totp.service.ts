import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import { AppError, AuditService, badInput, conflict, ErrorCode, unauthenticated, type Viewer } from '../../../core/src/index.js';
import { LoginThrottle } from '../login-throttle.js';
import { SessionsRepository } from '../sessions.repository.js';
import { UsersRepository } from '../users.repository.js';
import { hashRecoveryCode, matchingStep, newRecoveryCodes, newTotpSecret, totpFor } from './totp-codes.js';
import { TotpRepository } from './totp.repository.js';

export interface TotpEnrollmentStart {
  secret: string;
  otpauthUrl: string;
  qrCodeSvg: string;
}

/** What a log-in offers as its second factor. */
export interface SecondFactorInput {
  totpCode?: string | null;
  recoveryCode?: string | null;
}

/**
 * Two-factor sign-in with TOTP (otpauth): enrol, confirm with a code (ten recovery codes, shown once,
 * stored as SHA-256), disable with a fresh code or a recovery code. Wrong codes count as failed
 * log-ins in the login throttle (per account and per client address), so guessing is bounded alike.
 */
@Injectable()
export class TotpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly totp: TotpRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async startEnrollment(viewer: Viewer): Promise<TotpEnrollmentStart> {
    const user = await this.users.findById(viewer.id);
    if (!user) throw unauthenticated();
    const secret = newTotpSecret();
    const stored = await this.dataSource.transaction((manager) => this.totp.putPending(manager, viewer.id, secret));
    if (!stored) throw conflict('Two-factor sign-in is already on; disable it first to enrol a new app', 'TOTP_ALREADY_ENABLED');
    const otpauthUrl = totpFor(secret, user.email).toString();
    return { secret, otpauthUrl, qrCodeSvg: await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 }) };
  }

  /** Proves the app works; answers the ten recovery codes. The session that enrolled counts as two-factor. */
  async confirmEnrollment(viewer: Viewer, code: string, requestId: string, clientAddress: string): Promise<string[]> {
    const key = throttleKey(viewer.id);
    await this.throttle.admit(key, clientAddress);
    const codes = await this.dataSource.transaction(async (manager) => {
      const factor = await this.totp.lock(manager, viewer.id);
      if (!factor) throw conflict('Start enrolment first (startTotpEnrollment)', 'TOTP_NOT_STARTED');
      if (factor.confirmedAt) throw conflict('Two-factor sign-in is already on', 'TOTP_ALREADY_ENABLED');
      const step = matchingStep(factor.secret, code);
      if (step === null) throw badInput('code', 'is not the current code of your authenticator app', 'BAD_SECOND_FACTOR');
      await this.totp.confirm(manager, viewer.id, step);
      const recovery = newRecoveryCodes();
      await this.totp.replaceRecoveryCodes(manager, viewer.id, recovery.map(hashRecoveryCode));
      if (!viewer.apiTokenId) await this.sessions.markSecondFactor(manager, viewer.sessionId);
      await this.audit.record(manager, { actorId: viewer.id, action: 'totp.enable', targetType: 'User', targetId: viewer.id, requestId });
      return recovery;
    });
    await this.throttle.clear(key);
    return codes;
  }

  async disable(viewer: Viewer, code: string, requestId: string, clientAddress: string): Promise<boolean> {
    const key = throttleKey(viewer.id);
    await this.throttle.admit(key, clientAddress);
    await this.dataSource.transaction(async (manager) => {
      const factor = await this.totp.lock(manager, viewer.id);
      if (!factor?.confirmedAt) throw conflict('Two-factor sign-in is not on', 'TOTP_NOT_ENABLED');
      const step = matchingStep(factor.secret, code);
      const ok = step !== null ? await this.totp.useStep(manager, viewer.id, step) : await this.totp.useRecoveryCode(manager, viewer.id, hashRecoveryCode(code));
      if (!ok) throw badInput('code', 'is neither the current code nor an unused recovery code', 'BAD_SECOND_FACTOR');
      await this.totp.remove(manager, viewer.id);
      await this.audit.record(manager, { actorId: viewer.id, action: 'totp.disable', targetType: 'User', targetId: viewer.id, requestId });
    });
    await this.throttle.clear(key);
    return true;
  }

  async status(viewer: Viewer): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
    const factor = await this.totp.find(viewer.id);
    if (!factor?.confirmedAt) return { enabled: false, recoveryCodesLeft: 0 };
    return { enabled: true, recoveryCodesLeft: await this.totp.unusedRecoveryCodes(viewer.id) };
  }

  /**
   * At log-in, after the password proved right: false when the account has no second factor; true when
   * the code (or a recovery code, spent) is right. Otherwise UNAUTHENTICATED: `TOTP_REQUIRED` without a
   * code, `BAD_SECOND_FACTOR` with a wrong one (the attempt stays counted by the login throttle).
   */
  async verifyAtLogIn(userId: string, offered: SecondFactorInput): Promise<boolean> {
    const factor = await this.totp.find(userId);
    if (!factor?.confirmedAt) return false;
    if (!offered.totpCode && !offered.recoveryCode) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'This account signs in with a second factor: send totpCode (or recoveryCode)', { reason: 'TOTP_REQUIRED' });
    }
    const ok = await this.dataSource.transaction(async (manager) => {
      if (offered.totpCode) {
        const step = matchingStep(factor.secret, offered.totpCode);
        return step !== null && this.totp.useStep(manager, userId, step);
      }
      return this.totp.useRecoveryCode(manager, userId, hashRecoveryCode(offered.recoveryCode!));
    });
    if (!ok) throw new AppError(ErrorCode.UNAUTHENTICATED, 'The second-factor code is not right', { reason: 'BAD_SECOND_FACTOR' });
    return true;
  }
}

const throttleKey = (userId: string) => `totp:${userId}`;
