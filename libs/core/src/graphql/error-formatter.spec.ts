import { describe, expect, it } from '@jest/globals';
import { ForbiddenException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { formatGraphQLError } from './error-formatter.js';

const asResolverError = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['x'] });

describe('formatGraphQLError', () => {
  it('masks database errors: no SQL text, no stack, a generic code', () => {
    const dbError = new QueryFailedError('INSERT INTO users (email) VALUES ($1)', ['a@b.c'], new Error('duplicate key value violates unique constraint "users_email_uq"'));
    const error = asResolverError(dbError);
    const formatted = formatGraphQLError({ message: error.message, path: ['x'] }, error);
    expect(formatted).toEqual({ message: 'Internal server error', path: ['x'], locations: undefined, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
    expect(JSON.stringify(formatted)).not.toMatch(/INSERT|users_email_uq|stack/);
  });

  it('masks plain errors thrown by code', () => {
    const error = asResolverError(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(formatGraphQLError({ message: error.message }, error).message).toBe('Internal server error');
  });

  it('keeps an AppError with its code and field paths', () => {
    const error = asResolverError(new AppError(ErrorCode.BAD_USER_INPUT, 'Invalid input: input.email', { fields: [{ path: 'input.email', message: 'bad' }] }));
    expect(formatGraphQLError({ message: error.message }, error)).toMatchObject({
      message: 'Invalid input: input.email',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'input.email', message: 'bad' }] },
    });
  });

  it('maps Nest HTTP exceptions to codes', () => {
    const error = asResolverError(new ForbiddenException('no'));
    expect(formatGraphQLError({ message: 'no' }, error).extensions).toEqual({ code: 'FORBIDDEN' });
  });
});
