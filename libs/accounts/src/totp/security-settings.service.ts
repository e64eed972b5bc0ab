import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type Viewer } from '../../../core/src/index.js';
import { TotpRepository } from './totp.repository.js';

/** The association's sign-in rules. */
@Injectable()
export class SecuritySettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly totp: TotpRepository,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<{ totpRequiredFor: string[] }> {
    return { totpRequiredFor: await this.totp.requiredFor() };
  }

  async setTotpRequiredFor(viewer: Viewer, rights: string[], requestId: string): Promise<{ totpRequiredFor: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.totp.lockRequiredFor(manager);
      await this.totp.setRequiredFor(manager, rights);
      await this.audit.record(manager, {
        actorId: viewer.id, action: 'security.setTotpRequiredFor', targetType: 'SecuritySettings', targetId: '1',
        before: { totpRequiredFor: before }, after: { totpRequiredFor: rights }, requestId,
      });
      return { totpRequiredFor: rights };
    });
  }
}
