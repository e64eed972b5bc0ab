import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError, ErrorCode, forbidden, unauthenticated } from '../errors/app-error.js';
import { type RequestWideGuard } from '../graphql/lean-field-resolvers.js';
import { RequestContext } from '../graphql/request-context.js';
import { ACCESS_POLICY, AccessPolicy } from './auth.decorators.js';
import { Role, Viewer } from './role.js';
import { refuseStaffWithoutSecondFactor, refuseTokenOutsideStaffOperations } from './credential-policy.js';
import { viewerHasPermission } from './staff-permission.js';
import { VIEWER_LOOKUP, type ViewerLookup } from './viewer-lookup.js';

/** Secure by default: an operation or field resolver that declares no policy needs a signed-in viewer. */
const DEFAULT_POLICY: AccessPolicy = { kind: 'authenticated' };

/**
 * The one guard, registered globally and for field resolvers too. Secure by default: an operation
 * that declares no policy needs a signed-in viewer. The viewer is resolved once per request
 * (token verified, account re-read so a demoted admin loses rights at once) and cached on the context.
 */
@Injectable()
export class AuthGuard implements RequestWideGuard {
  constructor(
    private readonly reflector: Reflector,
    @Inject(VIEWER_LOOKUP) private readonly lookup: ViewerLookup,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true; // REST controllers use their own guards
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    const handler = context.getHandler();
    // A field resolver runs once per row: a decision that does not depend on the row is made once per
    // request, and then answered without a promise (Nest takes a plain boolean as it is). Once the viewer is
    // known, a decision that does depend on the row (the owner's fields) is made without a promise too.
    if (ctx.grantedHandlers?.has(handler)) return true;
    if (ctx.viewer !== undefined) return this.decide(context, gql, ctx, handler, ctx.viewer);
    return this.resolveViewer(ctx, gql).then((viewer) => this.decide(context, gql, ctx, handler, viewer));
  }

  /** Whether this request has already been granted `handler` with a decision that does not depend on the row. */
  grantedForRequest(graphqlContext: unknown, handler: object): boolean {
    return (graphqlContext as RequestContext | undefined)?.grantedHandlers?.has(handler as ReturnType<ExecutionContext['getHandler']>) === true;
  }

  private decide(context: ExecutionContext, gql: GqlExecutionContext, ctx: RequestContext, handler: ReturnType<ExecutionContext['getHandler']>, viewer: Viewer | null): boolean {
    const policy =
      this.reflector.getAllAndOverride<AccessPolicy>(ACCESS_POLICY, [handler, context.getClass()]) ??
      DEFAULT_POLICY;

    if (viewer?.apiTokenId) refuseTokenOutsideStaffOperations(policy, gql.getInfo().parentType.name);
    const grant = () => {
      (ctx.grantedHandlers ??= new Set()).add(handler);
      return true;
    };
    switch (policy.kind) {
      case 'public':
        return grant();
      case 'authenticated':
        if (!viewer) throw unauthenticated();
        return grant();
      case 'role':
        if (!viewer) throw unauthenticated();
        refuseStaffWithoutSecondFactor(viewer);
        if (viewer.role !== policy.role) throw forbidden(`Only ${policy.role.toLowerCase()}s may do that`);
        return grant();
      case 'permission':
        if (!viewer) throw unauthenticated();
        refuseStaffWithoutSecondFactor(viewer);
        if (!viewerHasPermission(viewer, ...policy.permissions)) {
          throw forbidden(`Only staff with ${policy.permissions.join(' or ')} may do that`);
        }
        return grant();
      case 'ownerOrAdmin': {
        if (!viewer) throw unauthenticated();
        if (viewer.role === Role.ADMIN) return grant();
        if (policy.ownerOf(gql.getRoot()) === viewer.id) return true;
        throw forbidden(`Only the owner or an admin may read ${gql.getInfo().parentType.name}.${gql.getInfo().fieldName}`);
      }
      case 'ownerOrPermission': {
        if (!viewer) throw unauthenticated();
        // Holding the permission does not depend on the row: decided once for the request.
        if (viewerHasPermission(viewer, ...policy.permissions)) return grant();
        if (policy.ownerOf(gql.getRoot()) === viewer.id) return true;
        throw forbidden(
          `Only the owner or staff with ${policy.permissions.join(' or ')} may read ${gql.getInfo().parentType.name}.${gql.getInfo().fieldName}`,
        );
      }
    }
  }

  /** Once per request. A bad token on a public operation is still an error: the client should know its session ended. */
  private async resolveViewer(ctx: RequestContext, gql: GqlExecutionContext): Promise<Viewer | null> {
    if (ctx.viewer !== undefined) return ctx.viewer;
    ctx.viewerPromise ??= this.lookupViewer(ctx, gql);
    ctx.viewer = await ctx.viewerPromise;
    return ctx.viewer;
  }

  private async lookupViewer(ctx: RequestContext, gql: GqlExecutionContext): Promise<Viewer | null> {
    const header = ctx.req.headers.authorization;
    if (!header) return null;
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/.exec(header);
    if (!match) throw new AppError(ErrorCode.UNAUTHENTICATED, 'The Authorization header must be "Bearer <access token>"');
    const operation = gql.getInfo().operation;
    return this.lookup.viewerFromAccessToken(match[1], {
      operation: operation.operation,
      operationName: operation.name?.value,
      requestId: ctx.requestId,
      loaders: ctx.loaders,
    });
  }
}
