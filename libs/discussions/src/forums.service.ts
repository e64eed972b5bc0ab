import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type ConnectionShape, decodeCursor, badInput, isUuid, lazy, pageSize, type RequestContext, Role, StaffPermission, toConnection, viewerHasPermission } from '../../core/src/index.js';
import { DiscussionsLoader } from './discussions.loader.js';
import { type SpaceEntity } from './entities/space.entity.js';
import { type CreateForumInput } from './inputs/forum.input.js';
import { SpacesRepository } from './spaces.repository.js';

/** Topic forums: staff create them; the list shows the ones the viewer may read. */
@Injectable()
export class ForumsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly spaces: SpacesRepository,
    private readonly loaders: DiscussionsLoader,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, input: CreateForumInput): Promise<SpaceEntity> {
    const actor = ctx.viewer!;
    return this.dataSource.transaction(async (manager) => {
      const forum = await this.spaces.insertForum(manager, {
        title: input.title, description: input.description ?? null, membersOnly: input.membersOnly ?? true,
        questionsAndAnswers: input.questionsAndAnswers ?? false, createdById: actor.id,
      });
      await this.audit.record(manager, { actorId: actor.id, requestId: ctx.requestId, action: 'discussions.create-forum', targetType: 'Space', targetId: forum.id, after: { title: forum.title, membersOnly: forum.membersOnly } });
      return forum;
    });
  }

  /** Public forums for anyone; members-only ones too for members in good standing and community staff. */
  async list(ctx: RequestContext, first: number | undefined, after: string | undefined): Promise<ConnectionShape<SpaceEntity>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2);
    if (cursor && (typeof cursor[0] !== 'string' || !isUuid(cursor[1]))) throw badInput('after', 'is not a cursor this list gave out');
    const viewer = ctx.viewer;
    const includeMembersOnly = !!viewer && (viewer.role === Role.ADMIN || viewerHasPermission(viewer, StaffPermission.COMMUNITY_MANAGER) || (await this.loaders.inGoodStanding(ctx).load(viewer.id)));
    const rows = await this.spaces.forums({ includeMembersOnly, after: cursor as [string, string] | undefined, limit: limit + 1 });
    return toConnection(rows, limit, (s) => [s.title, s.id], lazy(() => this.spaces.countForums(includeMembersOnly)));
  }
}
