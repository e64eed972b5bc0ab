import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AdminOnly, CurrentRequest, CurrentViewer, Public } from '../auth/auth.decorators.js';
import type { Viewer } from '../auth/role.js';
import type { RequestContext } from '../graphql/request-context.js';
import { AssociationSettingsService } from './association-settings.service.js';
import { Association, AssociationSettings, UpdateAssociationSettingsInput } from './association-settings.type.js';

@Resolver()
export class AssociationSettingsResolver {
  constructor(private readonly settings: AssociationSettingsService) {}

  @Public()
  @Query(() => Association, { description: 'The association as anyone sees it: its name and the rules that shape the public pages.' })
  association(): Promise<Association> {
    return this.settings.get();
  }

  @AdminOnly()
  @Query(() => AssociationSettings, { description: 'Admin: every association-level setting.' })
  associationSettings(): Promise<AssociationSettings> {
    return this.settings.get();
  }

  @AdminOnly()
  @Mutation(() => AssociationSettings, { description: 'Admin: changes the settings given (others stay); audited.' })
  updateAssociationSettings(
    @Args('input') input: UpdateAssociationSettingsInput,
    @CurrentViewer() viewer: Viewer,
    @CurrentRequest() ctx: RequestContext,
  ): Promise<AssociationSettings> {
    return this.settings.update(viewer.id, input, ctx.requestId);
  }
}
