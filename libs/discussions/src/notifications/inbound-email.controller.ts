import { BadRequestException, Body, Controller, HttpCode, Inject, Post, Req, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../core/src/index.js';
import { InboundProblem, parseInbound, verifyInbound } from './inbound-email.js';
import { InboundEmailService, type InboundOutcome } from './inbound-email.service.js';

/**
 * POST /webhooks/inbound-email: a reply to a notification email becomes a post by its verified
 * author (see inbound-email.ts for the signed JSON shape). 401 for a bad or stale signature, 400 for
 * a malformed body, 503 when reply by email is not configured; otherwise 200 with what happened
 * (`posted`, or `ignored` with a reason: unknown address or sender, nothing new, not allowed), so the
 * mail service does not retry a message that will never become a post. Only `posted` writes anything.
 */
@Controller('webhooks')
export class InboundEmailController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly inbound: InboundEmailService,
  ) {}

  @Post('inbound-email')
  @HttpCode(200)
  async receive(@Req() req: Request & { rawBody?: Buffer }, @Body() body: unknown): Promise<InboundOutcome> {
    const { inboundEmailSecret, replyDomain } = this.config.discussions;
    if (!inboundEmailSecret || !replyDomain) throw new ServiceUnavailableException({ message: 'Reply by email is not configured on this server' });
    try {
      verifyInbound(inboundEmailSecret, req.rawBody, req.headers['x-guildhall-timestamp'], req.headers['x-guildhall-signature']);
    } catch (error) {
      if (error instanceof InboundProblem) throw new UnauthorizedException({ message: error.message });
      throw error;
    }
    let email;
    try {
      email = parseInbound(body);
    } catch (error) {
      if (error instanceof InboundProblem) throw new BadRequestException({ message: error.message });
      throw error;
    }
    return this.inbound.accept(email, inboundEmailSecret, replyDomain);
  }
}
