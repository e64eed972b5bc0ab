import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { restViewer } from './rest-viewer.js';
import { Role } from './role.js';
import { VIEWER_LOOKUP, type ViewerLookup } from './viewer-lookup.js';

/** For REST endpoints (CSV import and export): an admin's bearer access token. */
@Injectable()
export class RestAdminGuard implements CanActivate {
  constructor(@Inject(VIEWER_LOOKUP) private readonly lookup: ViewerLookup) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const viewer = await restViewer(this.lookup, req);
    if (viewer.role !== Role.ADMIN) throw new ForbiddenException('Only admins may do that');
    (req as Request & { viewer?: unknown }).viewer = viewer;
    return true;
  }
}
