import { EntityManager } from 'typeorm';
import { AuditService, Role, type Viewer } from '../../core/src/index.js';

/** Who is acting, and the request it came with (for the audit trail). */
export interface ActingContext {
  actor: Viewer;
  requestId: string;
}

/** Admins act on groups they need not belong to: each such change is written to the audit log with it. */
export async function auditAdminAction(
  audit: AuditService,
  manager: EntityManager,
  ctx: ActingContext,
  entry: { action: string; targetType: string; targetId: string; before?: object | null; after?: object | null },
): Promise<void> {
  if (ctx.actor.role !== Role.ADMIN) return;
  await audit.record(manager, { actorId: ctx.actor.id, requestId: ctx.requestId, ...entry });
}
