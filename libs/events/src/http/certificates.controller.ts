import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, ErrorCode, restViewer, VIEWER_LOOKUP, type ViewerLookup } from '../../../core/src/index.js';
import { CertificatesService } from '../certificates/certificates.service.js';
import { idFromFile } from './id-from-file.js';

/** GET /certificates/:registrationId.pdf — the registrant or an admin (bearer token). */
@Controller('certificates')
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    @Inject(VIEWER_LOOKUP) private readonly lookup: ViewerLookup,
  ) {}

  @Get(':file')
  async pdf(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const viewer = await restViewer(this.lookup, req);
    const id = idFromFile(file, 'pdf');
    if (!id) throw new NotFoundException('No such certificate');
    let pdf: Buffer;
    try {
      pdf = await this.certificates.pdfFor(viewer, id);
    } catch (error) {
      if (error instanceof AppError) {
        const status = error.code === ErrorCode.NOT_FOUND ? 404 : 409;
        res.status(status).json({ statusCode: status, message: error.message, code: error.code, reason: error.options.reason });
        return;
      }
      throw error;
    }
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="certificate-${id}.pdf"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(pdf);
  }
}
