import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCESS_POLICY, type AccessPolicy } from './auth.decorators.js';
import { restViewer } from './rest-viewer.js';
import { Role } from './role.js';
import { viewerHasPermission } from './staff-permission.js';
import { VIEWER_LOOKUP, type ViewerLookup } from './viewer-lookup.js';

/**
 * For staff REST endpoints (CSV import, export, report downloads): a bearer access token whose account
 * passes the handler's or controller's `@RequirePermission(...)` (or `@AdminOnly()`). An endpoint that
 * declares neither is refused: this guard never opens a route by default.
 */
@Injectable()
export class RestStaffGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(VIEWER_LOOKUP) private readonly lookup: ViewerLookup,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    const viewer = await restViewer(this.lookup, req);
    const allowed =
      policy?.kind === 'permission'
        ? viewerHasPermission(viewer, ...policy.permissions)
        : policy?.kind === 'role' && viewer.role === Role.ADMIN && policy.role === Role.ADMIN;
    if (!allowed) {
      throw new ForbiddenException(policy?.kind === 'permission' ? `Only staff with ${policy.permissions.join(' or ')} may do that` : 'Only admins may do that');
    }
    (req as Request & { viewer?: unknown }).viewer = viewer;
    return true;
  }
}
