import {
  BadRequestException, Body, Controller, ForbiddenException, Get, HttpException, Inject, NotFoundException, Param, ParseUUIDPipe, PayloadTooLargeException, Post, Req, Res,
  UnauthorizedException, UploadedFile, UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { AppError, ErrorCode, restViewer, VIEWER_LOOKUP, type ViewerLookup } from '../../../core/src/index.js';
import { jobContext } from '../notifications/digest.service.js';
import { MAX_UPLOAD_BYTES, ResourcesService } from './resources.service.js';

/** The REST face of an AppError (the GraphQL error formatter does this for GraphQL). */
function toHttp(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const body = { message: error.message, code: error.code, ...(error.options.fields ? { fields: error.options.fields } : {}), ...(error.options.reason ? { reason: error.options.reason } : {}) };
  switch (error.code) {
    case ErrorCode.BAD_USER_INPUT: return new BadRequestException(body);
    case ErrorCode.UNAUTHENTICATED: return new UnauthorizedException(body);
    case ErrorCode.FORBIDDEN: return new ForbiddenException(body);
    case ErrorCode.NOT_FOUND: return new NotFoundException(body);
    default: return new HttpException(body, error.code === ErrorCode.TOO_MANY_REQUESTS ? 429 : 409);
  }
}

const tagsOf = (raw: unknown): string[] => (typeof raw === 'string' ? raw.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t && t.length <= 40).slice(0, 10) : []);

/**
 * Files on a space's shelf. Upload: `POST /spaces/:id/resources`, multipart with the file in field
 * `file` (at most 10 MB; PDF, images, office documents, recognised by their bytes), optional fields
 * `title` and `tags` (comma-separated), with `Authorization: Bearer <access token>`; the viewer must
 * be allowed to post in the space. Download: `GET /resources/:id/download`, checked against the
 * viewer's right to read the space on every request (a public forum's files need no token).
 */
@Controller()
export class ResourcesController {
  constructor(
    private readonly resources: ResourcesService,
    @Inject(VIEWER_LOOKUP) private readonly lookup: ViewerLookup,
  ) {}

  @Post('spaces/:id/resources')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } }))
  async upload(
    @Param('id', new ParseUUIDPipe()) spaceId: string,
    @UploadedFile() file: { buffer: Buffer; originalname: string; size: number } | undefined,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
  ): Promise<{ id: string; title: string; contentType: string | null; sizeBytes: number | null }> {
    const ctx = jobContext(String((req as Request & { id?: string }).id ?? 'upload'));
    ctx.viewer = await restViewer(this.lookup, req);
    if (!file) throw new BadRequestException({ message: 'file: a multipart field "file" is required', code: ErrorCode.BAD_USER_INPUT, fields: [{ path: 'file', message: 'is required' }] });
    if (file.size > MAX_UPLOAD_BYTES) throw new PayloadTooLargeException({ message: 'The file is too large' });
    try {
      const title = typeof body?.title === 'string' ? body.title : undefined;
      const resource = await this.resources.upload(ctx, spaceId, file, { title, tags: tagsOf(body?.tags) });
      return { id: resource.id, title: resource.title, contentType: resource.contentType, sizeBytes: resource.sizeBytes };
    } catch (error) {
      throw toHttp(error);
    }
  }

  @Get('resources/:id/download')
  async download(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = jobContext(String((req as Request & { id?: string }).id ?? 'download'));
    ctx.viewer = req.headers.authorization ? await restViewer(this.lookup, req) : null;
    try {
      const { resource, bytes } = await this.resources.download(ctx, id);
      res.setHeader('content-type', resource.contentType ?? 'application/octet-stream');
      res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(resource.fileName ?? 'file')}`);
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('cache-control', 'private, no-store');
      res.send(bytes);
    } catch (error) {
      throw toHttp(error);
    }
  }
}
