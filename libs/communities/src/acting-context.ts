import { EntityManager } from 'typeorm';
import { AuditService, StaffPermission, type Viewer, viewerHasPermission } from '../../core/src/index.js';

/** Who is acting, and the request it came with (for the audit trail). */
export interface ActingContext {
  actor: Viewer;
  requestId: string;
}

/** Admins and community managers act on groups they need not belong to: each such change is written to the audit log with it. */
export async function auditAdminAction(
  audit: AuditService,
  manager: EntityManager,
  ctx: ActingContext,
  entry: { action: string; targetType: string; targetId: string; before?: object | null; after?: object | null },
): Promise<void> {
  if (!viewerHasPermission(ctx.actor, StaffPermission.COMMUNITY_MANAGER)) return;
  await audit.record(manager, { actorId: ctx.actor.id, requestId: ctx.requestId, ...entry });
}
