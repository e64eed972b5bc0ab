import { describe, expect, it } from '@jest/globals';
import { userFieldsAsked, usersJoin } from './user-row-columns.js';

describe('userFieldsAsked: the User row fields a list reads for the User fields its rows ask for', () => {
  const fromId = new Set(['membership', 'headline']);

  it('reads the id and what each asked field needs, in the row’s field order', () => {
    expect(userFieldsAsked(new Set(['fullName']), fromId)).toEqual(['id', 'fullName']);
    expect(userFieldsAsked(new Set(['__typename', 'isStaff', 'email']), fromId)).toEqual(['id', 'email', 'role', 'staffPermissions']);
    expect(userFieldsAsked(new Set(['membership', 'headline', 'emailVerified']), fromId)).toEqual(['id']);
  });

  it('reads every column (undefined) for a field neither accounts nor the caller knows', () => {
    expect(userFieldsAsked(new Set(['fullName', 'somethingNew']), fromId)).toBeUndefined();
    expect(userFieldsAsked(new Set(['bio']), fromId)).toBeUndefined();
  });
});

describe('usersJoin with fields', () => {
  it('selects and reads only those fields', () => {
    const join = usersJoin('u', 'c.user_id', ['id', 'fullName']);
    expect(join.select).toBe('u.id AS "u.id", u.full_name AS "u.fullName"');
    expect(join.read({ 'u.id': 'a', 'u.fullName': 'Ada', 'u.email': 'ignored@example.org' })).toEqual({ id: 'a', fullName: 'Ada' });
    expect(join.read({ 'u.id': null })).toBeUndefined();
    expect(usersJoin('u', 'c.user_id').select).toMatch(/u\.email AS "u\.email".*u\.staff_permissions AS "u\.staffPermissions".*u\.created_at AS "u\.createdAt"/);
  });
});
