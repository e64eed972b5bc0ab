import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentRequest, CurrentViewer, RequirePermission, type RequestContext, StaffPermission, type Viewer } from '../../../core/src/index.js';
import { DataExportUserArgs } from './data-export.args.js';
import { DataExport } from './data-export.type.js';
import { DataExportsService } from './data-exports.service.js';

@Resolver(() => DataExport)
export class DataExportsResolver {
  constructor(private readonly exports: DataExportsService) {}

  @Authenticated()
  @Mutation(() => DataExport, { description: 'An archive of everything held about you, built in the background and announced by email.' })
  async requestMyDataExport(@CurrentViewer() viewer: Viewer): Promise<DataExport> {
    return this.shape(await this.exports.requestMine(viewer), viewer);
  }

  @RequirePermission(StaffPermission.MEMBERSHIP_MANAGER)
  @Mutation(() => DataExport, { description: 'Staff: builds a person\'s export for them (audited); the link goes to the person only.' })
  async requestDataExport(@Args() { userId }: DataExportUserArgs, @CurrentViewer() viewer: Viewer, @CurrentRequest() ctx: RequestContext): Promise<DataExport> {
    return this.shape(await this.exports.requestFor(viewer, userId, ctx.requestId), viewer);
  }

  @Authenticated()
  @Query(() => [DataExport], { description: 'Your exports, newest first (at most 50).' })
  async myDataExports(@CurrentViewer() viewer: Viewer): Promise<DataExport[]> {
    return (await this.exports.listMine(viewer)).map((row) => this.shape(row, viewer));
  }

  private shape(row: Parameters<typeof DataExport.from>[0], viewer: Viewer): DataExport {
    return DataExport.from(row, viewer.id, (id, token) => this.exports.downloadUrl(id, token));
  }
}
