import { Module } from '@nestjs/common';
import { DataExportsController } from './exports/data-exports.controller.js';
import { DataExportsRepository } from './exports/data-exports.repository.js';
import { DataExportsResolver } from './exports/data-exports.resolver.js';
import { DataExportsService } from './exports/data-exports.service.js';

/** Personal data: exports built from every library's PersonalDataRegistry contribution. */
@Module({
  controllers: [DataExportsController],
  providers: [DataExportsRepository, DataExportsService, DataExportsResolver],
})
export class PrivacyModule {}
