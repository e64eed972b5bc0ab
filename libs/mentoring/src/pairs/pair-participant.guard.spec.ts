import { describe, expect, it } from '@jest/globals';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { Role, type Viewer } from '../../../core/src/index.js';
import { PairParticipantGuard } from './pair-participant.guard.js';

const pair = { id: 'pair-1', mentorUserId: 'mentor', menteeUserId: 'mentee' };

/** What Nest hands a field-resolver guard: (root, args, context, info). */
function fieldContext(viewer: Viewer | null) {
  const host = new ExecutionContextHost([pair, {}, { viewer }, { fieldName: 'checkIns', parentType: { name: 'MentoringPair' } }]);
  host.setType('graphql');
  return host;
}

const viewer = (id: string, role = Role.USER): Viewer => ({ id, role, sessionId: 's' });

describe('PairParticipantGuard', () => {
  const guard = new PairParticipantGuard();

  it("lets the pair's mentor, its mentee and admins read the pair's fields", () => {
    expect(guard.canActivate(fieldContext(viewer('mentor')))).toBe(true);
    expect(guard.canActivate(fieldContext(viewer('mentee')))).toBe(true);
    expect(guard.canActivate(fieldContext(viewer('someone', Role.ADMIN)))).toBe(true);
  });

  it('refuses anyone else with FORBIDDEN, and the signed-out with UNAUTHENTICATED', () => {
    expect(() => guard.canActivate(fieldContext(viewer('another mentee')))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => guard.canActivate(fieldContext(null))).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
