export * from './privacy.module.js';
export * from './exports/data-export.type.js';
export * from './retention/retention.service.js';

import { ErasureRequestEntity } from './erasure/erasure-request.entity.js';
import { DataExportEntity } from './exports/data-export.entity.js';
import { RetentionSettingsEntity } from './retention/retention-settings.entity.js';
export const PRIVACY_ENTITIES = [DataExportEntity, ErasureRequestEntity, RetentionSettingsEntity];
