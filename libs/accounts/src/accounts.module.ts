import { Global, Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard, JobRegistry, RestStaffGuard, VIEWER_LOOKUP } from '../../core/src/index.js';
import { AccountClaimResolver } from './account-claim.resolver.js';
import { AccountClaimService } from './account-claim.service.js';
import { AccountEmailThrottle } from './account-email-throttle.js';
import { AccountLinkResolver } from './account-link.resolver.js';
import { AccountMailer } from './account-mailer.js';
import { AccountStatusLoader } from './account-status.loader.js';
import { AccountStatusResolver } from './account-status.resolver.js';
import { AccountTokensRepository } from './account-tokens.repository.js';
import { AccountTokensService } from './account-tokens.service.js';
import { ApiTokensRepository } from './api-tokens/api-tokens.repository.js';
import { ApiTokensResolver } from './api-tokens/api-tokens.resolver.js';
import { ApiTokensService } from './api-tokens/api-tokens.service.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { BearerViewerLookup } from './bearer-viewer-lookup.js';
import { BrowserSessions } from './browser-sessions.js';
import { EmailChangeResolver } from './email-change.resolver.js';
import { EmailChangeService } from './email-change.service.js';
import { EmailVerificationResolver } from './email-verification.resolver.js';
import { EmailVerificationService } from './email-verification.service.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordResetResolver } from './password-reset.resolver.js';
import { PasswordResetService } from './password-reset.service.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsResolver } from './sessions.resolver.js';
import { SessionsService } from './sessions.service.js';
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
import { VerifiedEmailGuard } from './verified-email.guard.js';
import { UnclaimedAccountsRepository } from './unclaimed-accounts.repository.js';
import { UnclaimedAccountsResolver } from './unclaimed-accounts.resolver.js';

/** Accounts, sessions and the guard: global, since every feature needs to know who is asking. */
@Global()
@Module({
  providers: [
    AccountsPersonalDataRepository,
    AuthService,
    AuthResolver,
    BrowserSessions,
    UsersService,
    UsersResolver,
    UsersRepository,
    UsersLoader,
    SessionsRepository,
    TokenService,
    PasswordHasher,
    LoginThrottle,
    // Account flows: emailed links (reset, claim, verification, email change) and the sessions list.
    AccountTokensRepository,
    AccountTokensService,
    AccountLinkResolver,
    AccountEmailThrottle,
    AccountMailer,
    PasswordResetService,
    PasswordResetResolver,
    AccountClaimService,
    AccountClaimResolver,
    EmailVerificationService,
    EmailVerificationResolver,
    EmailChangeService,
    EmailChangeResolver,
    SessionsService,
    SessionsResolver,
    AccountStatusLoader,
    AccountStatusResolver,
    UnclaimedAccountsRepository,
    UnclaimedAccountsResolver,
    VerifiedEmailGuard,
    // API tokens and two-factor sign-in; the bearer lookup takes a session's access token or an API token.
    ApiTokensService,
    ApiTokensResolver,
    ApiTokensRepository,
    TotpService,
    TotpRepository,
    TotpResolver,
    SecuritySettingsService,
    BearerViewerLookup,
    { provide: VIEWER_LOOKUP, useExisting: BearerViewerLookup },
    RestStaffGuard,
    // Secure by default: every GraphQL operation and field passes this guard.
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersService, UsersRepository, UsersLoader, VIEWER_LOOKUP, RestStaffGuard, PasswordHasher, VerifiedEmailGuard, EmailVerificationService],
})
export class AccountsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly throttle: LoginThrottle,
    private readonly emailThrottle: AccountEmailThrottle,
  ) {}

  onModuleInit(): void {
    this.jobs.register('prune-login-failures', () => this.throttle.prune());
    this.jobs.schedule('prune-login-failures', '17 * * * *');
    this.jobs.register('prune-account-email-requests', () => this.emailThrottle.prune());
    this.jobs.schedule('prune-account-email-requests', '19 * * * *');
  }
}
