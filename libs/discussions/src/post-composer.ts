import { Injectable } from '@nestjs/common';
import { UsersLoader } from '../../accounts/src/index.js';
import { type RequestContext } from '../../core/src/index.js';
import { SpaceAccess } from './access/space-access.service.js';
import { MAX_MENTIONS_PER_POST } from './discussions.limits.js';
import { type SpaceEntity } from './entities/space.entity.js';
import { mentionCandidates, renderMarkdown, type RenderedMarkdown } from './markdown/render-markdown.js';

/** Renders a body for a space: mentions link (and count) only for people who may read the space. */
@Injectable()
export class PostComposer {
  constructor(
    private readonly access: SpaceAccess,
    private readonly users: UsersLoader,
  ) {}

  async render(ctx: RequestContext, space: SpaceEntity, body: string): Promise<RenderedMarkdown> {
    const candidates = mentionCandidates(body).slice(0, MAX_MENTIONS_PER_POST);
    const found = candidates.length ? await this.users.byId(ctx).loadMany(candidates) : [];
    const people = found.flatMap((u) => (u && !(u instanceof Error) ? [{ id: u.id, role: u.role, staffPermissions: u.staffPermissions }] : []));
    const readers = await this.access.readers(ctx, space, people);
    const rendered = renderMarkdown(body, readers);
    return { html: rendered.html, mentioned: rendered.mentioned.filter((id) => id !== ctx.viewer?.id) };
  }
}
