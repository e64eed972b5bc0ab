import { BadRequestException, Controller, ForbiddenException, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'express';
import { restViewer } from '../auth/rest-viewer.js';
import { viewerHasPermission } from '../auth/staff-permission.js';
import { VIEWER_LOOKUP, type ViewerLookup } from '../auth/viewer-lookup.js';
import { AppError } from '../errors/app-error.js';
import { ReportRegistry } from './report-registry.js';

/** The CSV download of every staff report: the same numbers as its GraphQL query, for the same staff. */
@Controller('admin/reports')
export class ReportsController {
  constructor(
    private readonly registry: ReportRegistry,
    @Inject(VIEWER_LOOKUP) private readonly lookup: ViewerLookup,
  ) {}

  /** `GET /admin/reports/<name>.csv?from=<ISO>&to=<ISO>` with a bearer token: period,series,value rows. */
  @Get(':file')
  async csv(@Param('file') file: string, @Query('from') from: string | undefined, @Query('to') to: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    const viewer = await restViewer(this.lookup, req);
    const name = /^([a-z][a-z0-9-]{0,60})\.csv$/.exec(file)?.[1];
    const report = name ? this.registry.find(name) : undefined;
    if (!report) throw new NotFoundException('No such report');
    if (!viewerHasPermission(viewer, ...report.permissions)) throw new ForbiddenException(`Only staff with ${report.permissions.join(' or ')} may read this report`);
    const range = { from: parseInstant(from, 'from'), to: parseInstant(to, 'to') };
    let result;
    try {
      result = await this.registry.run(report.name, range);
    } catch (error) {
      if (error instanceof AppError) throw new BadRequestException({ message: error.message, fields: error.options.fields });
      throw error;
    }
    const body = stringify(result.points.map((p) => [p.period, p.series, p.value]), { header: true, columns: ['period', 'series', 'value'] });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${report.name}-${range.from.toISOString().slice(0, 10)}-${range.to.toISOString().slice(0, 10)}.csv"`);
    res.setHeader('cache-control', 'no-store');
    res.send(body);
  }
}

function parseInstant(value: string | undefined, name: string): Date {
  const at = value && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) ? new Date(value) : undefined;
  if (!at || Number.isNaN(at.getTime())) throw new BadRequestException({ message: `${name} must be an ISO 8601 date or instant`, fields: [{ path: name, message: 'must be an ISO 8601 date or instant' }] });
  return at;
}
