import { Args, ArgsType, Field, ID, InputType, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { ArrayMaxSize, IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';
import { User, UsersLoader } from '../../../accounts/src/index.js';
import { Authenticated, ConnectionArgs, mapNodes, CurrentRequest, decodeTimeIdCursor, lazy, pageSize, Public, type RequestContext, toConnection, Trim } from '../../../core/src/index.js';
import { SpaceAccess } from '../access/space-access.service.js';
import { Space } from '../types/space.type.js';
import { Resource, ResourceConnection } from './resource.type.js';
import { ResourcesRepository } from './resources.repository.js';
import { ResourcesService } from './resources.service.js';

@InputType()
export class AddLinkResourceInput {
  @Field({ description: '1 to 200 characters.' }) @Trim() @IsString() @Length(1, 200) title: string;
  @Field({ description: 'An http(s) address.' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) address' })
  @MaxLength(2000)
  url: string;
  @Field(() => [String], { nullable: true, description: 'Up to 10 tags of up to 40 characters.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
}

@ArgsType()
class SpaceArgs {
  @Field(() => ID) @IsUUID() spaceId: string;
}

@Resolver(() => Resource)
export class ResourcesResolver {
  constructor(
    private readonly resources: ResourcesService,
    private readonly users: UsersLoader,
  ) {}

  @Authenticated()
  @Mutation(() => Resource, { description: 'Adds a link to a space\'s shelf (people who may post there). Files: POST /spaces/{id}/resources.' })
  async addLinkResource(@Args() { spaceId }: SpaceArgs, @Args('input') input: AddLinkResourceInput, @CurrentRequest() ctx: RequestContext): Promise<Resource> {
    return Resource.from(await this.resources.addLink(ctx, spaceId, { ...input, tags: input.tags?.map((t) => t.trim().toLowerCase()).filter(Boolean) }));
  }

  /** Resources are only reached through a space's `resources`, which checks the right to read it. */
  @Public()
  @ResolveField(() => User, { nullable: true })
  async addedBy(@Parent() resource: Resource, @CurrentRequest() ctx: RequestContext): Promise<User | null> {
    return resource.addedById ? ((await this.users.byId(ctx).load(resource.addedById)) ?? null) : null;
  }
}

@Resolver(() => Space)
export class SpaceResourcesResolver {
  constructor(
    private readonly rows: ResourcesRepository,
    private readonly access: SpaceAccess,
  ) {}

  @Public()
  @ResolveField(() => ResourceConnection, { description: 'The shelf, newest first. Readers of the space only.' })
  async resources(@Parent() space: Space, @Args() { first, after }: ConnectionArgs, @CurrentRequest() ctx: RequestContext): Promise<ResourceConnection> {
    await this.access.assertRead(ctx, space.entity);
    const limit = pageSize(first);
    const cursor = decodeTimeIdCursor(after);
    const rows = await ctx.loaders.get(`discussions.resources:${limit}:${after ?? ''}`, () => new DataLoader((ids: readonly string[]) => this.rows.pagesForSpaces(ids, cursor, limit + 1))).load(space.id);
    const count = () => ctx.loaders.get('discussions.resourceCount', () => new DataLoader((ids: readonly string[]) => this.rows.countsForSpaces(ids))).load(space.id);
    const page = toConnection(rows, limit, (r) => [r.createdAt.toISOString(), r.id], lazy(count));
    return mapNodes(page, (node) => Resource.from(node));
  }
}
