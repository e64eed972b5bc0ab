import { UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../errors/app-error.js';
import { type Viewer } from './role.js';
import { type ViewerLookup } from './viewer-lookup.js';

/** The viewer of a REST request from its bearer access token; 401 without one, or with a bad one. */
export async function restViewer(lookup: ViewerLookup, req: Request): Promise<Viewer> {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/.exec(req.headers.authorization ?? '');
  if (!match) throw new UnauthorizedException('A bearer access token is required');
  try {
    return await lookup.viewerFromAccessToken(match[1]);
  } catch (error) {
    if (error instanceof AppError) throw new UnauthorizedException(error.message);
    throw error;
  }
}
