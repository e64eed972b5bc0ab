import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, badInput, restViewer, VIEWER_LOOKUP, type ViewerLookup } from '../../core/src/index.js';
import { UsersService } from '../../accounts/src/index.js';
import { renderTranscriptPdf } from './transcript-pdf.js';
import { TranscriptService } from './transcript.service.js';

/** An optional ISO 8601 instant from the query string; a bad one is a 400 naming the parameter. */
function instant(name: string, value: unknown): Date | null {
  if (value === undefined || value === '') return null;
  const at = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw badInput(name, 'must be an ISO 8601 date-time');
  return at;
}

/** GET /transcript.pdf?from=&to= — the signed-in person's own transcript (bearer token), as a PDF. */
@Controller()
export class TranscriptController {
  constructor(
    private readonly transcripts: TranscriptService,
    private readonly users: UsersService,
    @Inject(VIEWER_LOOKUP) private readonly lookup: ViewerLookup,
  ) {}

  @Get('transcript.pdf')
  async pdf(@Query('from') from: unknown, @Query('to') to: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const viewer = await restViewer(this.lookup, req);
    let pdf: Buffer;
    try {
      const period = { from: instant('from', from), to: instant('to', to) };
      const [user, transcript] = await Promise.all([this.users.findById(viewer.id), this.transcripts.forUser(viewer.id, period.from, period.to)]);
      pdf = await renderTranscriptPdf(user?.fullName ?? '', transcript);
    } catch (error) {
      if (error instanceof AppError) {
        res.status(400).json({ statusCode: 400, message: error.message, code: error.code, fields: error.options.fields ?? [] });
        return;
      }
      throw error;
    }
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', 'attachment; filename="transcript.pdf"');
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(pdf);
  }
}
