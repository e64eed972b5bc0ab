export * from './accounts.module.js';
export * from './users.service.js';
export * from './users.loader.js';
export * from './user.type.js';
export * from './user-row-columns.js';
export * from './password-hasher.js';
export * from './unclaimed-account.js';
export * from './people-sql.js';
export { RequiresVerifiedEmail, VerifiedEmailGuard } from './verified-email.guard.js';

import { ApiTokenEntity } from './api-tokens/api-token.entity.js';
import { AccountEmailRequestEntity } from './entities/account-email-request.entity.js';
import { AccountTokenEntity } from './entities/account-token.entity.js';
import { AppSecretEntity } from './entities/app-secret.entity.js';
import { LoginFailureEntity } from './entities/login-failure.entity.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import { SessionEntity } from './entities/session.entity.js';
import { UserEntity } from './entities/user.entity.js';
import { AccountTotpEntity } from './totp/account-totp.entity.js';
import { RecoveryCodeEntity } from './totp/recovery-code.entity.js';
import { SecuritySettingsEntity } from './totp/security-settings.entity.js';
export const ACCOUNTS_ENTITIES = [
  UserEntity,
  SessionEntity,
  RefreshTokenEntity,
  LoginFailureEntity,
  AppSecretEntity,
  ApiTokenEntity,
  AccountTotpEntity,
  RecoveryCodeEntity,
  SecuritySettingsEntity,
  AccountTokenEntity,
  AccountEmailRequestEntity,
];
