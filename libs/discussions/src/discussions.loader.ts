import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { type RequestContext } from '../../core/src/index.js';
import { MembershipStandingPort } from '../../members/src/index.js';
import { SpaceKind } from './discussions.enums.js';
import { type PostRevisionEntity } from './entities/post-revision.entity.js';
import { type PostEntity } from './entities/post.entity.js';
import { type SpaceEntity } from './entities/space.entity.js';
import { type ThreadEntity } from './entities/thread.entity.js';
import { type Place, PlaceDirectory, type PlaceKind, type PlaceStanding } from './places/place-directory.js';
import { type PostPage, PostsRepository } from './posts.repository.js';
import { ReactionsRepository, type ReactionTally } from './reactions.repository.js';
import { SpacesRepository } from './spaces.repository.js';
import { type ThreadPage, ThreadsRepository } from './threads.repository.js';

/** Keys `kind:id`, answered with one call per kind. */
function byKind<V>(ctx: RequestContext, name: string, load: (kind: PlaceKind, ids: string[]) => Promise<V[]>): DataLoader<string, V> {
  return ctx.loaders.get(name, () =>
    new DataLoader(async (keys: readonly string[]) => {
      const groups = new Map<PlaceKind, number[]>();
      keys.forEach((key, i) => {
        const kind = key.slice(0, key.indexOf(':')) as PlaceKind;
        groups.set(kind, [...(groups.get(kind) ?? []), i]);
      });
      const out: V[] = new Array(keys.length);
      await Promise.all([...groups].map(async ([kind, indexes]) => {
        const values = await load(kind, indexes.map((i) => keys[i].slice(keys[i].indexOf(':') + 1)));
        indexes.forEach((index, j) => (out[index] = values[j]));
      }));
      return out;
    }),
  );
}

/** Per-request batch loaders: one statement per field per list level, whatever the page size. */
@Injectable()
export class DiscussionsLoader {
  constructor(
    private readonly spaces: SpacesRepository,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly reactionRows: ReactionsRepository,
    private readonly places: PlaceDirectory,
    private readonly standing: MembershipStandingPort,
  ) {}

  spaceById(ctx: RequestContext): DataLoader<string, SpaceEntity | undefined> {
    return ctx.loaders.get('discussions.spaceById', () => new DataLoader((ids: readonly string[]) => this.spaces.findByIds(ids)));
  }

  threadById(ctx: RequestContext): DataLoader<string, ThreadEntity | undefined> {
    return ctx.loaders.get('discussions.threadById', () => new DataLoader((ids: readonly string[]) => this.threads.findByIds(ids)));
  }

  postById(ctx: RequestContext): DataLoader<string, PostEntity | undefined> {
    return ctx.loaders.get('discussions.postById', () => new DataLoader((ids: readonly string[]) => this.posts.findByIds(ids)));
  }

  /** A place's space, made on first use. Keys `kind:placeId`; the place must exist (see `place`). */
  placeSpace(ctx: RequestContext): DataLoader<string, SpaceEntity> {
    return byKind(ctx, 'discussions.placeSpace', async (kind, ids) => {
      const places = await this.place(ctx).loadMany(ids.map((id) => `${kind}:${id}`));
      return this.spaces.ensureForPlaces(kind as SpaceKind, ids, places.map((p) => (p && !(p instanceof Error) ? p.title : '')));
    });
  }

  /** Keys `kind:placeId`. */
  place(ctx: RequestContext): DataLoader<string, Place | undefined> {
    return byKind(ctx, 'discussions.place', (kind, ids) => this.places.places(kind, ids));
  }

  /** The viewer's standing in each place. Keys `kind:placeId`. */
  viewerInPlace(ctx: RequestContext): DataLoader<string, PlaceStanding> {
    return byKind(ctx, 'discussions.viewerInPlace', (kind, ids) =>
      ctx.viewer ? this.places.standings(kind, ids, ids.map(() => ctx.viewer!.id)) : Promise.resolve(ids.map(() => ({ inPlace: false, leads: false }))),
    );
  }

  inGoodStanding(ctx: RequestContext): DataLoader<string, boolean> {
    return ctx.loaders.get('discussions.inGoodStanding', () =>
      new DataLoader(async (ids: readonly string[]) => (await this.standing.of(ids)).map((s) => s.inGoodStanding)),
    );
  }

  threadPage(ctx: RequestContext, page: ThreadPage): DataLoader<string, ThreadEntity[]> {
    return ctx.loaders.get(`discussions.threadPage:${JSON.stringify(page)}`, () => new DataLoader((ids: readonly string[]) => this.threads.pagesForSpaces(ids, page)));
  }

  threadCount(ctx: RequestContext, search: string | undefined): DataLoader<string, number> {
    return ctx.loaders.get(`discussions.threadCount:${search ?? ''}`, () => new DataLoader((ids: readonly string[]) => this.threads.countsForSpaces(ids, search)));
  }

  postPage(ctx: RequestContext, page: PostPage): DataLoader<string, PostEntity[]> {
    return ctx.loaders.get(`discussions.postPage:${JSON.stringify(page)}`, () => new DataLoader((ids: readonly string[]) => this.posts.pagesForThreads(ids, page)));
  }

  postCount(ctx: RequestContext): DataLoader<string, number> {
    return ctx.loaders.get('discussions.postCount', () => new DataLoader((ids: readonly string[]) => this.posts.countsForThreads(ids)));
  }

  reactions(ctx: RequestContext): DataLoader<string, ReactionTally[]> {
    return ctx.loaders.get('discussions.reactions', () => new DataLoader((ids: readonly string[]) => this.reactionRows.talliesForPosts(ids, ctx.viewer?.id ?? null)));
  }

  revisions(ctx: RequestContext): DataLoader<string, PostRevisionEntity[]> {
    return ctx.loaders.get('discussions.revisions', () => new DataLoader((ids: readonly string[]) => this.posts.revisionsForPosts(ids)));
  }
}
