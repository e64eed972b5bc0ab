import { Global, Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard, JobRegistry, RestAdminGuard, VIEWER_LOOKUP } from '../../core/src/index.js';
import { ApiTokensRepository } from './api-tokens/api-tokens.repository.js';
import { ApiTokensResolver } from './api-tokens/api-tokens.resolver.js';
import { ApiTokensService } from './api-tokens/api-tokens.service.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { BearerViewerLookup } from './bearer-viewer-lookup.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsRepository } from './sessions.repository.js';
import { TokenService } from './token.service.js';
import { SecuritySettingsService } from './totp/security-settings.service.js';
import { TotpRepository } from './totp/totp.repository.js';
import { TotpResolver } from './totp/totp.resolver.js';
import { TotpService } from './totp/totp.service.js';
import { UsersLoader } from './users.loader.js';
import { UsersRepository } from './users.repository.js';
import { UsersResolver } from './users.resolver.js';
import { UsersService } from './users.service.js';
import { AccountsPersonalDataRepository } from './privacy/accounts-personal-data.repository.js';

/** Accounts, sessions and the guard: global, since every feature needs to know who is asking. */
@Global()
@Module({
  providers: [
    AccountsPersonalDataRepository,
    AuthService,
    AuthResolver,
    UsersService,
    UsersResolver,
    UsersRepository,
    UsersLoader,
    SessionsRepository,
    TokenService,
    PasswordHasher,
    LoginThrottle,
    ApiTokensService,
    ApiTokensResolver,
    ApiTokensRepository,
    BearerViewerLookup,
    TotpService,
    TotpRepository,
    TotpResolver,
    SecuritySettingsService,
    { provide: VIEWER_LOOKUP, useExisting: BearerViewerLookup },
    RestAdminGuard,
    // Secure by default: every GraphQL operation and field passes this guard.
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersService, UsersRepository, UsersLoader, VIEWER_LOOKUP, RestAdminGuard, PasswordHasher],
})
export class AccountsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly throttle: LoginThrottle,
  ) {}

  onModuleInit(): void {
    this.jobs.register('prune-login-failures', () => this.throttle.prune());
    this.jobs.schedule('prune-login-failures', '17 * * * *');
  }
}
