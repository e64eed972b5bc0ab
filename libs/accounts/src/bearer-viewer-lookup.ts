import { Injectable } from '@nestjs/common';
import type { BearerUse, Viewer, ViewerLookup } from '../../core/src/index.js';
import { ApiTokensService, isApiTokenSecret } from './api-tokens/api-tokens.service.js';
import { AuthService } from './auth.service.js';

/** `Authorization: Bearer` takes a session's access token or an API token; each kind has its own checks. */
@Injectable()
export class BearerViewerLookup implements ViewerLookup {
  constructor(
    private readonly auth: AuthService,
    private readonly apiTokens: ApiTokensService,
  ) {}

  viewerFromAccessToken(token: string, use?: BearerUse): Promise<Viewer> {
    return isApiTokenSecret(token) ? this.apiTokens.viewerFromSecret(token, use) : this.auth.viewerFromAccessToken(token, use);
  }
}
