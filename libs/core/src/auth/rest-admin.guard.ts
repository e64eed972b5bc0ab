import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../errors/app-error.js';
import { Role } from './role.js';
import { VIEWER_LOOKUP, type ViewerLookup } from './viewer-lookup.js';

/** For REST endpoints (CSV import and export): an admin's bearer access token. */
@Injectable()
export class RestAdminGuard implements CanActivate {
  constructor(@Inject(VIEWER_LOOKUP) private readonly lookup: ViewerLookup) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const match = /^Bearer (\S{1,4096})$/.exec(req.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('An admin bearer access token is required');
    try {
      const viewer = await this.lookup.viewerFromAccessToken(match[1]);
      if (viewer.role !== Role.ADMIN) throw new ForbiddenException('Only admins may do that');
      (req as Request & { viewer?: unknown }).viewer = viewer;
      return true;
    } catch (error) {
      if (error instanceof AppError) throw new UnauthorizedException(error.message);
      throw error;
    }
  }
}
