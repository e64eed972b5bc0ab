import { describe, expect, it } from '@jest/globals';
import { Role, StaffPermission } from '../../../core/src/index.js';
import { heldPermissions, READ_MEMBERS, tokenPermissions } from './api-token-scope.js';

describe('tokenPermissions', () => {
  const { FINANCE, EVENT_MANAGER, MEMBERSHIP_MANAGER } = StaffPermission;

  it('keeps only the scopes the owner still holds', () => {
    expect(tokenPermissions([FINANCE, EVENT_MANAGER], [EVENT_MANAGER], false)).toEqual([EVENT_MANAGER]);
    expect(tokenPermissions([FINANCE], [], false)).toEqual([]);
  });

  it('lends MEMBERSHIP_MANAGER to queries only for READ_MEMBERS, and only when the owner holds it', () => {
    expect(tokenPermissions([READ_MEMBERS], [MEMBERSHIP_MANAGER], true)).toEqual([MEMBERSHIP_MANAGER]);
    expect(tokenPermissions([READ_MEMBERS], [MEMBERSHIP_MANAGER], false)).toEqual([]);
    expect(tokenPermissions([READ_MEMBERS], [FINANCE], true)).toEqual([]);
  });

  it('gives an admin owner every permission to draw from, but only the scoped ones', () => {
    const held = heldPermissions(Role.ADMIN, []);
    expect(held).toContain(FINANCE);
    expect(tokenPermissions([FINANCE], held, false)).toEqual([FINANCE]);
  });
});
