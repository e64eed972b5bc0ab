import { Args, Query, Resolver } from '@nestjs/graphql';
import { AdminOnly } from '../auth/auth.decorators.js';
import { AuditEntryConnection, AuditLogArgs } from './audit-entry.type.js';
import { AuditService } from './audit.service.js';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @AdminOnly()
  @Query(() => AuditEntryConnection, { description: 'Admin: the append-only log of administrative actions, newest first.' })
  auditLog(@Args() args: AuditLogArgs): Promise<AuditEntryConnection> {
    return this.audit.list(args);
  }
}
