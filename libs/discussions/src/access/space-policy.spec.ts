import { describe, expect, it } from '@jest/globals';
import { SpaceKind } from '../discussions.enums.js';
import { type AccessFacts, spaceRights } from './space-policy.js';

const base = (over: Partial<AccessFacts>): AccessFacts => ({
  kind: SpaceKind.FORUM, membersOnly: true, viewer: { admin: false, communityManager: false }, inGoodStanding: false, inPlace: false, leadsPlace: false, ...over,
});
const r = (f: AccessFacts) => { const x = spaceRights(f); return `${x.read ? 'R' : '-'}${x.post ? 'P' : '-'}${x.moderate ? 'M' : '-'}`; };

describe('spaceRights', () => {
  it('forums: public ones are read by anyone, members-only by members in good standing; members post', () => {
    expect(r(base({ viewer: null, membersOnly: false }))).toBe('R--');
    expect(r(base({ viewer: null }))).toBe('---');
    expect(r(base({}))).toBe('---');
    expect(r(base({ inGoodStanding: true }))).toBe('RP-');
    expect(r(base({ viewer: { admin: false, communityManager: true } }))).toBe('RPM');
  });

  it.each([SpaceKind.STUDY_GROUP, SpaceKind.COHORT])('%s: its people read; those in good standing post; staff moderate', (kind) => {
    expect(r(base({ kind, inGoodStanding: true }))).toBe('---');
    expect(r(base({ kind, inPlace: true }))).toBe('R--');
    expect(r(base({ kind, inPlace: true, inGoodStanding: true }))).toBe('RP-');
    expect(r(base({ kind, viewer: { admin: true, communityManager: false } }))).toBe('RPM');
  });

  it('study groups: organisers moderate their own group', () => {
    expect(r(base({ kind: SpaceKind.STUDY_GROUP, inPlace: true, inGoodStanding: true, leadsPlace: true }))).toBe('RPM');
    expect(r(base({ kind: SpaceKind.COHORT, inPlace: true, inGoodStanding: true, leadsPlace: true }))).toBe('RP-');
  });

  it('pairs: the two only; a community manager sees nothing; an admin reads and moderates but does not post', () => {
    expect(r(base({ kind: SpaceKind.PAIR, inPlace: true, inGoodStanding: true }))).toBe('RP-');
    expect(r(base({ kind: SpaceKind.PAIR, inPlace: true }))).toBe('R--');
    expect(r(base({ kind: SpaceKind.PAIR, viewer: { admin: false, communityManager: true }, inGoodStanding: true }))).toBe('---');
    expect(r(base({ kind: SpaceKind.PAIR, viewer: { admin: true, communityManager: false } }))).toBe('R-M');
  });

  it('events: confirmed registrants read and post whatever their membership', () => {
    expect(r(base({ kind: SpaceKind.EVENT, inPlace: true }))).toBe('RP-');
    expect(r(base({ kind: SpaceKind.EVENT, inGoodStanding: true }))).toBe('---');
    expect(r(base({ kind: SpaceKind.EVENT, viewer: null, inPlace: true }))).toBe('---');
  });
});
