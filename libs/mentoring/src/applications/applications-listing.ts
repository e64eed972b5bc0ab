import { Injectable } from '@nestjs/common';
import { type ConnectionShape, decodeTimeIdCursor, lazy, pageSize, type RequestContext, StaffPermission, toConnection, type Viewer, viewerHasPermission } from '../../../core/src/index.js';
import type { MyApplicationsArgs } from '../args/application.args.js';
import type { CohortApplicationsArgs } from '../args/cohort.args.js';
import type { MentoringApplicationEntity } from '../entities/mentoring-application.entity.js';
import { MentoringLoader } from '../mentoring.loader.js';
import { ApplicationsRepository } from './applications.repository.js';

/**
 * `Cohort.applications`: admins see every application, anyone else only their own. Pages are
 * keyset-paged on (created_at, id) and loaded for all cohorts of a request in one statement.
 */
@Injectable()
export class ApplicationsListing {
  constructor(
    private readonly loader: MentoringLoader,
    private readonly applications: ApplicationsRepository,
  ) {}

  async page(ctx: RequestContext, viewer: Viewer, cohortId: string, args: CohortApplicationsArgs): Promise<ConnectionShape<MentoringApplicationEntity>> {
    const first = pageSize(args.first);
    const after = decodeTimeIdCursor(args.after);
    const filter = { role: args.role ?? null, status: args.status ?? null, userId: viewerHasPermission(viewer, StaffPermission.MENTORING_COORDINATOR) ? null : viewer.id };
    const rows = await this.loader.applicationsPage(ctx, filter, after, first + 1).load(cohortId);
    return toConnection(rows, first, (r) => [r.createdAt.toISOString(), r.id], lazy(() => this.loader.applicationsCount(ctx, filter).load(cohortId)));
  }

  /** `myMentoringApplications`: the viewer's own applications in every cohort, newest first. */
  async mine(viewer: Viewer, args: MyApplicationsArgs): Promise<ConnectionShape<MentoringApplicationEntity>> {
    const first = pageSize(args.first);
    const status = args.status ?? null;
    const rows = await this.applications.pageOfUser(viewer.id, status, decodeTimeIdCursor(args.after), first + 1);
    return toConnection(rows, first, (r) => [r.createdAt.toISOString(), r.id], lazy(() => this.applications.countOfUser(viewer.id, status)));
  }
}
