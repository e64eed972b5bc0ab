import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isUuid, restViewer, VIEWER_LOOKUP, type ViewerLookup } from '../../../core/src/index.js';
import { DataExportsService } from './data-exports.service.js';

/** GET /exports/:id/:token with the person's own bearer access token: the ZIP, once. */
@Controller('exports')
export class DataExportsController {
  constructor(
    private readonly exports: DataExportsService,
    @Inject(VIEWER_LOOKUP) private readonly lookup: ViewerLookup,
  ) {}

  @Get(':id/:token')
  async download(@Param('id') id: string, @Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const viewer = await restViewer(this.lookup, req);
    const archive = isUuid(id) && /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.exports.download(viewer, id, token) : undefined;
    if (!archive) throw new NotFoundException('No such export for this account, or its link was used or has expired');
    res
      .status(200)
      .set({ 'content-type': 'application/zip', 'content-disposition': `attachment; filename="guildhall-data-${id}.zip"`, 'cache-control': 'no-store' })
      .send(archive);
  }
}
