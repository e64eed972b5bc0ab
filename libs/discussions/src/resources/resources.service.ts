import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode, notFound, type RequestContext } from '../../../core/src/index.js';
import { SpaceAccess } from '../access/space-access.service.js';
import { DiscussionsLoader } from '../discussions.loader.js';
import { type ResourceEntity } from '../entities/resource.entity.js';
import { FileStorage } from './file-storage.js';
import { ResourcesRepository } from './resources.repository.js';

/** Largest upload, in bytes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** What may be uploaded, as recognised from the bytes: PDF, images, office documents. */
export const ALLOWED_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/** A space's shelf: who may add and who may see follow the space (posting and reading rights). */
@Injectable()
export class ResourcesService {
  constructor(
    private readonly resources: ResourcesRepository,
    private readonly storage: FileStorage,
    private readonly loaders: DiscussionsLoader,
    private readonly access: SpaceAccess,
  ) {}

  private async space(ctx: RequestContext, spaceId: string) {
    const space = await this.loaders.spaceById(ctx).load(spaceId);
    if (!space) throw notFound('Space');
    return space;
  }

  async addLink(ctx: RequestContext, spaceId: string, input: { title: string; url: string; tags?: string[] }): Promise<ResourceEntity> {
    await this.access.assertPost(ctx, await this.space(ctx, spaceId));
    return this.resources.insert({ spaceId, kind: 'LINK', title: input.title, url: input.url, tags: input.tags ?? [], addedById: ctx.viewer!.id });
  }

  /** The file's type is sniffed from its bytes; a type outside ALLOWED_TYPES is refused whatever its name says. */
  async upload(ctx: RequestContext, spaceId: string, file: { buffer: Buffer; originalname: string; size: number }, meta: { title?: string; tags?: string[] }): Promise<ResourceEntity> {
    await this.access.assertPost(ctx, await this.space(ctx, spaceId));
    // Loaded on first upload: file-type's detectors are most of a second of every process start otherwise.
    const { fileTypeFromBuffer } = await import('file-type');
    const sniffed = await fileTypeFromBuffer(file.buffer);
    if (!sniffed || !ALLOWED_TYPES.has(sniffed.mime)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'file: only PDF, images and office documents may be uploaded (recognised by their content)', { fields: [{ path: 'file', message: 'is not a PDF, image or office document' }] });
    }
    const key = `resources/${randomUUID()}`;
    await this.storage.put(key, file.buffer, sniffed.mime);
    const fileName = file.originalname.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || `file.${sniffed.ext}`;
    return this.resources.insert({
      spaceId, kind: 'FILE', title: (meta.title?.trim() || fileName).slice(0, 200), storageKey: key, fileName,
      contentType: sniffed.mime, sizeBytes: file.size, tags: meta.tags ?? [], addedById: ctx.viewer!.id,
    });
  }

  /** Checked against the viewer's rights on every download. */
  async download(ctx: RequestContext, resourceId: string): Promise<{ resource: ResourceEntity; bytes: Buffer }> {
    const resource = await this.resources.findById(resourceId);
    if (!resource || resource.kind !== 'FILE') throw notFound('Resource');
    await this.access.assertRead(ctx, await this.space(ctx, resource.spaceId));
    const bytes = await this.storage.get(resource.storageKey!);
    if (!bytes) throw notFound('Resource file');
    return { resource, bytes };
  }
}
