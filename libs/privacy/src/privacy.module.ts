import { Module } from '@nestjs/common';
import { AccountErasureResolver } from './erasure/account-erasure.resolver.js';
import { AccountErasureService } from './erasure/account-erasure.service.js';
import { ErasureRequestsRepository } from './erasure/erasure-requests.repository.js';
import { RetentionSettingsRepository } from './retention/retention-settings.repository.js';
import { RetentionResolver } from './retention/retention.resolver.js';
import { RetentionService } from './retention/retention.service.js';
import { DataExportsController } from './exports/data-exports.controller.js';
import { DataExportsRepository } from './exports/data-exports.repository.js';
import { DataExportsResolver } from './exports/data-exports.resolver.js';
import { DataExportsService } from './exports/data-exports.service.js';

/** Personal data: exports, erasure and retention, through every library's PersonalDataRegistry contribution. */
@Module({
  controllers: [DataExportsController],
  providers: [DataExportsRepository, DataExportsService, DataExportsResolver, ErasureRequestsRepository, AccountErasureService, AccountErasureResolver, RetentionSettingsRepository, RetentionService, RetentionResolver],
})
export class PrivacyModule {}
