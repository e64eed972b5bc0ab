import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { UsersLoader, UsersService } from '../../../accounts/src/index.js';
import { APP_CONFIG, type AppConfig, JobRegistry, OutboxService, type RequestContext, RequestLoaders, Role } from '../../../core/src/index.js';
import { SpaceAccess } from '../access/space-access.service.js';
import { PostsRepository } from '../posts.repository.js';
import { SpacesRepository } from '../spaces.repository.js';
import { ThreadsRepository } from '../threads.repository.js';
import { NotificationsRepository } from './notifications.repository.js';

export const DIGEST_TASK = 'discussions-daily-digest';
const PEOPLE_PER_BATCH = 200;
const ITEMS_PER_DIGEST = 50;

const LABEL: Record<string, string> = { MENTION: 'You were mentioned', REPLY: 'A reply to your thread', NEW_THREAD: 'A new thread', MODERATION: 'A moderation decision' };

/** A context for work done outside a request (the job runner): fresh loaders, no viewer. */
export function jobContext(requestId: string): RequestContext {
  return { req: { headers: {} } as Request, res: undefined as unknown as Response, requestId, clientAddress: 'job', loaders: new RequestLoaders(), viewer: null };
}

/**
 * The daily digest (06:00 UTC): one email per person per day with their DIGEST notifications not
 * yet sent, only those about posts they may still read. Never twice: the outbox's unique dedupe key
 * `discussions-digest:<person>:<day>` refuses a second email for the same day, and the items are
 * marked in the same transaction that writes the email (locked, so two runs never take the same one).
 */
@Injectable()
export class DigestService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobRegistry,
    private readonly notifications: NotificationsRepository,
    private readonly posts: PostsRepository,
    private readonly threads: ThreadsRepository,
    private readonly spaces: SpacesRepository,
    private readonly access: SpaceAccess,
    private readonly users: UsersLoader,
    private readonly contacts: UsersService,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(DIGEST_TASK, async () => {
      await this.run();
    });
    this.jobs.schedule(DIGEST_TASK, '0 6 * * *');
  }

  /** Returns how many digest emails were written. */
  async run(now = new Date()): Promise<number> {
    const day = now.toISOString().slice(0, 10);
    let sent = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const people = await this.notifications.digestRecipients(now, after, PEOPLE_PER_BATCH);
      if (!people.length) return sent;
      for (const userId of people) if (await this.digestFor(userId, day, now)) sent++;
      after = people[people.length - 1];
    }
  }

  /**
   * Reads first (own connections), then one transaction that locks the items still undigested,
   * writes the email for those and marks them: the transaction itself only touches its own rows.
   */
  private async digestFor(userId: string, day: string, now: Date): Promise<boolean> {
    const ctx = jobContext(`digest:${day}`);
    const person = await this.users.byId(ctx).load(userId);
    const [contact] = await this.contacts.contacts([userId]);
    if (!person || !contact) return false;
    const items = await this.notifications.digestItems(userId, now, ITEMS_PER_DIGEST);
    if (!items.length) return false;
    const posts = await this.posts.findByIds(items.map((i) => i.postId));
    const threads = await this.threads.findByIds([...new Set(posts.flatMap((p) => (p ? [p.threadId] : [])))]);
    const spaces = await this.spaces.findByIds([...new Set(posts.flatMap((p) => (p ? [p.spaceId] : [])))]);
    const readable = new Set<string>();
    for (const space of spaces) {
      if (space && (await this.access.readers(ctx, space, [{ id: person.id, role: person.role ?? Role.USER, staffPermissions: person.staffPermissions }])).has(person.id)) readable.add(space.id);
    }
    const lineOf = new Map(
      items.flatMap((item, i) => {
        const post = posts[i];
        const thread = post && threads.find((t) => t?.id === post.threadId);
        if (!post || !thread || !readable.has(post.spaceId) || post.deletedAt || post.hiddenAt) return [];
        return [[item.id, `- ${LABEL[item.kind] ?? item.kind}: "${thread.title}" — ${this.config.publicUrl}/threads/${thread.id}`] as const];
      }),
    );
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.notifications.lockUndigested(manager, items.map((i) => i.id));
      if (!locked.length) return false; // another run took them
      const lines = locked.flatMap((id) => lineOf.get(id) ?? []);
      if (lines.length) {
        const written = await this.outbox.enqueue(manager, {
          to: contact.email,
          recipientUserId: userId,
          template: 'discussions-digest',
          subject: `Your discussions digest for ${day}`,
          text: [`Dear ${contact.fullName},`, '', 'Here is what happened in your discussions:', '', ...lines, '', 'Change how you hear of these in your notification settings.'].join('\n'),
          dedupeKey: `discussions-digest:${userId}:${day}`,
        });
        if (!written) return false; // today's digest went out already: these wait for tomorrow's
      }
      await this.notifications.markDigested(manager, locked);
      return lines.length > 0;
    });
  }
}
