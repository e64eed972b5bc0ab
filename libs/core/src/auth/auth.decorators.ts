import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from '../graphql/request-context.js';
import { readsGraphQLContext } from '../graphql/lean-field-resolvers.js';
import { Role, Viewer } from './role.js';
import type { StaffPermission } from './staff-permission.js';

export const ACCESS_POLICY = 'guildhall:access-policy';

export type AccessPolicy =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'role'; role: Role }
  /** An ADMIN, or an account holding at least one of `permissions`. */
  | { kind: 'permission'; permissions: StaffPermission[] }
  /** Field resolvers: the viewer must be the parent object's owner, or an admin. */
  | { kind: 'ownerOrAdmin'; ownerOf: (parent: unknown) => string | null | undefined }
  /** Field resolvers: the parent object's owner, an admin, or staff holding one of `permissions`. */
  | { kind: 'ownerOrPermission'; ownerOf: (parent: unknown) => string | null | undefined; permissions: StaffPermission[] };

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);
/** Any signed-in account (also the default when an operation says nothing). */
export const Authenticated = () => SetMetadata(ACCESS_POLICY, { kind: 'authenticated' } satisfies AccessPolicy);
/** Administrators only. */
export const AdminOnly = () => SetMetadata(ACCESS_POLICY, { kind: 'role', role: Role.ADMIN } satisfies AccessPolicy);
/** An ADMIN, or staff holding any one of the given permissions. */
export const RequirePermission = (...permissions: [StaffPermission, ...StaffPermission[]]) =>
  SetMetadata(ACCESS_POLICY, { kind: 'permission', permissions } satisfies AccessPolicy);
/** For field resolvers: the parent's owner (as `ownerOf` names it) or an admin. */
export const OwnerOrAdmin = <P>(ownerOf: (parent: P) => string | null | undefined) =>
  SetMetadata(ACCESS_POLICY, { kind: 'ownerOrAdmin', ownerOf } as AccessPolicy);

/**
 * For field resolvers: the parent's owner (as `ownerOf` names it), an admin, or staff holding any one
 * of `permissions` (FINANCE reads who made a payment; MEMBERSHIP_MANAGER a member's periods).
 */
export const OwnerOrPermission = <P>(ownerOf: (parent: P) => string | null | undefined, ...permissions: [StaffPermission, ...StaffPermission[]]) =>
  SetMetadata(ACCESS_POLICY, { kind: 'ownerOrPermission', ownerOf, permissions } as AccessPolicy);

/** The signed-in viewer (the guard has already required one, unless the operation is public). */
export const CurrentViewer = createParamDecorator(
  readsGraphQLContext(
    (_data: unknown, context: ExecutionContext): Viewer | undefined => GqlExecutionContext.create(context).getContext<RequestContext>().viewer ?? undefined,
    (ctx: RequestContext) => ctx.viewer ?? undefined,
  ),
);

export const CurrentRequest = createParamDecorator(
  readsGraphQLContext(
    (_data: unknown, context: ExecutionContext): RequestContext => GqlExecutionContext.create(context).getContext<RequestContext>(),
    (ctx: RequestContext) => ctx,
  ),
);
