import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, Inject, NotFoundException, Res, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { type AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MetricsService } from './metrics.service.js';

/** GET /metrics for Prometheus: 404 unless enabled; 401 without the right bearer token when one is set. */
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('metrics')
  @Header('cache-control', 'no-store')
  async scrape(@Res() res: Response, @Headers('authorization') authorization?: string): Promise<void> {
    const { enabled, token } = this.config.metrics;
    if (!enabled) throw new NotFoundException();
    if (token && !sameSecret(authorization ?? '', `Bearer ${token}`)) throw new UnauthorizedException({ message: 'A valid metrics token is required' });
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
