import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Logger,
  Post,
  Query,
  type RawBodyRequest,
  Req,
  Res,
  UnsupportedMediaTypeException,
  UseGuards,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AuditService, RequirePermission, RestStaffGuard, StaffPermission, type Viewer } from '../../../core/src/index.js';
import { emptyReport, type ImportReport } from './member-csv.columns.js';
import { MemberExportService } from './member-export.service.js';
import { MemberImportService } from './member-import.service.js';

type AdminRequest = RawBodyRequest<Request> & { viewer: Viewer; id?: string };

/**
 * CSV import and export of members, for admins and MEMBERSHIP_MANAGER staff (a bearer access token). The import reads the raw
 * request bytes, so a file that is not UTF-8 is refused rather than decoded with replacement characters.
 */
@Controller('admin/members')
@UseGuards(RestStaffGuard)
@RequirePermission(StaffPermission.MEMBERSHIP_MANAGER)
export class MemberImportExportController {
  private readonly logger = new Logger(MemberImportExportController.name);

  constructor(
    private readonly imports: MemberImportService,
    private readonly exports: MemberExportService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Body: the CSV (content-type text/csv). `?dryRun=true` checks and counts without writing. 400 with every problem. */
  @Post('import')
  @HttpCode(200)
  async importCsv(@Req() req: AdminRequest, @Query('dryRun') dryRunParam?: string): Promise<ImportReport> {
    const dryRun = parseDryRun(dryRunParam);
    if (!req.is(['text/csv', 'text/plain'])) {
      throw new UnsupportedMediaTypeException(
        problem(dryRun, `send the file as the request body with content-type text/csv (got ${req.headers['content-type'] ?? 'none'})`),
      );
    }
    const charset = /;\s*charset="?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      throw new BadRequestException(problem(dryRun, `the file must be UTF-8; the request says charset=${charset}`));
    }
    const report = await this.imports.importCsv(req.rawBody ?? Buffer.alloc(0), {
      dryRun,
      actorId: req.viewer.id,
      requestId: req.id ?? null,
      via: 'api',
    });
    if (report.errors.length) throw new BadRequestException(report);
    return report;
  }

  /** Every member with their current (or latest) membership, streamed in the import's format. */
  @Get('export.csv')
  async exportCsv(@Req() req: AdminRequest, @Res() res: Response): Promise<void> {
    const day = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="members-${day}.csv"`);
    res.setHeader('cache-control', 'no-store');
    try {
      const rows = await this.exports.writeCsv(res);
      // Recorded before the response ends, so whoever reads the file can already see the entry.
      await this.audit.record(this.dataSource.manager, {
        actorId: req.viewer.id,
        action: 'members.export',
        targetType: 'Membership',
        after: { rows, complete: !res.destroyed },
        requestId: req.id ?? null,
      });
      res.end();
    } catch (error) {
      // Headers are gone already: cut the connection so the client sees a failed download, not a short file.
      this.logger.error(`member export failed: ${error instanceof Error ? error.message : String(error)}`);
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}

function parseDryRun(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new BadRequestException(problem(false, `dryRun must be true or false, got "${String(value).slice(0, 20)}"`));
}

function problem(dryRun: boolean, message: string): ImportReport {
  return { ...emptyReport(dryRun), errors: [{ line: null, column: null, message }] };
}
