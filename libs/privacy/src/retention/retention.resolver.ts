import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AdminOnly, CurrentRequest, CurrentViewer, type RequestContext, type Viewer } from '../../../core/src/index.js';
import { RetentionService } from './retention.service.js';
import { RetentionSettings, UpdateRetentionSettingsInput } from './retention.types.js';

@Resolver()
export class RetentionResolver {
  constructor(private readonly retention: RetentionService) {}

  @AdminOnly()
  @Query(() => RetentionSettings, { description: 'Admin: how long personal data is kept (applied daily).' })
  retentionSettings(): Promise<RetentionSettings> {
    return this.retention.get();
  }

  @AdminOnly()
  @Mutation(() => RetentionSettings, { description: 'Admin: changes the retention periods (audited).' })
  updateRetentionSettings(@Args('input') input: UpdateRetentionSettingsInput, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<RetentionSettings> {
    return this.retention.update(viewer, input, ctx.requestId);
  }
}
