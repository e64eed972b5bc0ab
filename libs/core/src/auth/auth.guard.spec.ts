import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { AppError } from '../errors/app-error.js';
import { RequestContext } from '../graphql/request-context.js';
import { AuthGuard } from './auth.guard.js';
import { OwnerOrPermission } from './auth.decorators.js';
import { Role, Viewer } from './role.js';
import { StaffPermission } from './staff-permission.js';
import type { ViewerLookup } from './viewer-lookup.js';

class Rows {
  @OwnerOrPermission<{ ownerId: string }>((row) => row.ownerId, StaffPermission.EVENT_MANAGER)
  ownersField(): string {
    return 'x';
  }
}

const member = { id: 'm1', role: Role.USER, permissions: [] } as unknown as Viewer;
const manager = { id: 's1', role: Role.USER, permissions: [StaffPermission.EVENT_MANAGER] } as unknown as Viewer;

function setUp(viewer: Viewer) {
  let lookups = 0;
  const lookup = { viewerFromAccessToken: async () => (lookups++, viewer) } as unknown as ViewerLookup;
  const guard = new AuthGuard(new Reflector(), lookup);
  const ctx = { req: { headers: { authorization: 'Bearer token' } }, requestId: 'r1' } as unknown as RequestContext;
  const info = { parentType: { name: 'Row' }, fieldName: 'ownersField', operation: { operation: 'query' } };
  const on = (row: { ownerId: string }) => {
    const host = new ExecutionContextHost([row, {}, ctx, info], Rows, Rows.prototype.ownersField);
    host.setType('graphql');
    return guard.canActivate(host);
  };
  return { on, lookups: () => lookups };
}

describe('AuthGuard on a field resolver, row by row', () => {
  it('looks the viewer up once, then decides each owner row without a promise, refusing the rows of others', async () => {
    const { on, lookups } = setUp(member);
    await expect(on({ ownerId: 'm1' })).resolves.toBe(true);
    expect(on({ ownerId: 'm1' })).toBe(true);
    expect(() => on({ ownerId: 'someone else' })).toThrow(AppError);
    expect(lookups()).toBe(1);
  });

  it('grants staff holding the permission once for the request: every row, without a promise', async () => {
    const { on } = setUp(manager);
    await expect(on({ ownerId: 'a' })).resolves.toBe(true);
    expect(on({ ownerId: 'b' })).toBe(true);
    expect(on({ ownerId: 'c' })).toBe(true);
  });
});
