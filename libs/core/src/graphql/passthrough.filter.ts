import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';

/**
 * GraphQL errors go back to Apollo untouched (the error formatter and the request-errors plugin
 * decide what a client sees and what is logged); Nest's default handler would log each as a crash.
 * REST errors that are not HttpExceptions answer a plain 500 without details.
 */
@Catch()
export class PassthroughExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      res.status(exception.getStatus()).json(typeof body === 'string' ? { message: body } : body);
      return undefined;
    }
    res.status(500).json({ statusCode: 500, message: 'Internal server error' });
    return undefined;
  }
}
