import { afterAll, describe, expect, it } from '@jest/globals';
import { AppError, ErrorCode, workerScript } from '../../../core/src/index.js';
import { randomCohort } from '../../../../test/factories/random-cohort.js';
import { createRandom } from '../../../../test/utils/random.js';
import { MatchingError, MatchingErrorCode, proposeMatching, type MatchingInput } from '../matching/index.js';
import { MentoringErrorReason } from '../mentoring.errors.js';
import { MatchingRunner } from './matching-runner.js';

/** These run the real worker thread: the sources through swc module hooks, as the build would run dist/. */
describe('MatchingRunner', () => {
  const runner = new MatchingRunner();
  const faulty = new MatchingRunner({ script: workerScript(import.meta.url, '../../../../test/fixtures/faulty-matching.worker'), maxHeapMb: 32 });
  afterAll(async () => {
    await runner.onModuleDestroy();
    await faulty.onModuleDestroy();
  });

  const cohort = (seed: number): MatchingInput =>
    randomCohort(createRandom(seed), { mentors: 40, mentees: 90, maxCapacity: 3, employers: 5, locks: 4, previousPairRate: 0.05, exclusionRate: 0.05 });

  it('returns exactly what the matcher returns in-process (pairs, scores, reasons, notes)', async () => {
    for (const seed of [1, 2, 3]) {
      const input = cohort(seed);
      const inWorker = await runner.run(input);
      expect(inWorker.pairs.length).toBeGreaterThan(0);
      expect(inWorker).toEqual(proposeMatching(input));
    }
  });

  it('solves concurrent proposals, each its own', async () => {
    const inputs = [4, 5, 6, 7].map(cohort);
    const results = await Promise.all(inputs.map((input) => runner.run(input)));
    results.forEach((result, i) => expect(result).toEqual(proposeMatching(inputs[i]!)));
  });

  it('turns locks that cannot all hold into CONFLICT, as before, and keeps malformed input a MatchingError', async () => {
    const input = cohort(8);
    const [mentor] = input.applications.filter((a) => a.role === 'MENTOR');
    const mentees = input.applications.filter((a) => a.role === 'MENTEE');
    const lock = (mentee: string) => ({ mentorApplicationId: mentor!.applicationId, menteeApplicationId: mentee });
    const conflicting = { ...input, lockedPairs: mentees.slice(0, 6).map((m) => lock(m.applicationId)) };
    const refused = runner.run(conflicting);
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: expect.stringMatching(/^Locked pairs cannot all hold: mentor \S+ has 6 locked mentees but a capacity of \d$/),
      options: { reason: MentoringErrorReason.CONFLICTING_LOCKS },
    });

    const malformed = runner.run({ ...input, weights: { ...input.weights, goals: 11 } });
    await expect(malformed).rejects.toBeInstanceOf(MatchingError);
    await expect(malformed).rejects.toMatchObject({
      code: MatchingErrorCode.INVALID_MATCHING_INPUT,
      issues: ['weight "goals" must be a number from 0 to 10 (got 11)'],
    });
  });

  it('a worker that dies or runs out of memory fails that proposal only: the next one is answered', async () => {
    const input = cohort(9);
    const withFault = (fault: string): MatchingInput => ({ ...input, applications: [{ ...input.applications[0]!, applicationId: fault }, ...input.applications.slice(1)] });
    await expect(faulty.run(withFault('fault:exit'))).rejects.toThrow(/exit/i);
    await expect(faulty.run(withFault('fault:oom'))).rejects.toMatchObject({ code: 'ERR_WORKER_OUT_OF_MEMORY' });
    expect(await faulty.run(input)).toEqual(proposeMatching(input));
  });
});
