import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobRegistry } from '../../libs/core/src/index.js';
import type { FakeStripe } from '../fake-stripe/index.js';
import { activeMember, applicant, createTier as createDuesTier, type DuesStack, payCheckout, WEBHOOK_SECRET } from '../factories/dues.js';
import { createEvent, DAY, HOUR, register } from '../factories/events.js';
import { applyOk, approve, closeCohort, createCohort, createProgram, PROPOSE, PUBLISH, publishedCohort } from '../factories/mentoring.js';
import { createGroup, insertMembersInGoodStanding, memberInGoodStanding } from '../factories/communities.js';
import { createTier } from '../factories/tiers.js';
import { signUpUser, TestUser } from '../factories/users.js';
import { duringReads, startSmallPoolStack, TEST_TIMEOUT_MS } from '../utils/small-pool.js';

/** The scheduled-jobs test runs every registered task in turn: 5.4 s seen on a loaded 2-core machine. */
const SCHEDULED_JOBS_LIMIT_MS = 60_000;
import type { TestApp } from '../utils/test-app.js';

/**
 * Every long admin operation on a pool of TWO connections, with ordinary requests arriving meanwhile.
 * An operation that holds one pooled connection (a lock, an open transaction) while its work asks the
 * pool for another stalls the whole server once the pool is that small: these tests fail on a timer
 * (and the transaction guard fails a statement sent on another connection inside a transaction).
 */
describe('long admin operations on a pool of 2 connections', () => {
  let fake: FakeStripe;
  let t: TestApp;
  let admin: TestUser;
  let reader: TestUser;

  beforeAll(async () => {
    ({ fake, t, admin, reader } = await startSmallPoolStack());
    fake.configureWebhooks({ url: `${t.url}/webhooks/stripe`, secret: WEBHOOK_SECRET });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  const withConcurrentReads = <T>(what: string, operation: () => Promise<T>, limitMs?: number) => duringReads(t, reader, what, operation, limitMs);

  /** Jobs that failed (graphile-worker keeps them with their last error for a retry). */
  const failedJobs = () => t.sql(`SELECT task_identifier AS task, last_error AS error FROM graphile_worker.jobs WHERE last_error IS NOT NULL`);

  describe('member CSV import', () => {
    const HEADER = 'email,full_name,tier,status,current_period_end,joined_at';
    const ROWS = 300;
    let file: string;

    beforeAll(async () => {
      const tier = 'Small Pool Professional';
      await createTier(t, admin, { name: tier, billingInterval: 'YEAR', gracePeriodDays: 30, price: { amount: 15000, currency: 'USD' } });
      const end = new Date(Date.now() + 200 * DAY).toISOString();
      const lines = Array.from({ length: ROWS }, (_, i) => `pool.import.${i}@example.org,Imported Person ${i},${tier},ACTIVE,${end},2024-01-15`);
      file = [HEADER, ...lines].join('\n');
    });

    const postCsv = async (dryRun: boolean) => {
      const response = await fetch(`${t.url}/admin/members/import${dryRun ? '?dryRun=true' : ''}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${admin.accessToken}` },
        body: file,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    it(
      `a dry run of ${ROWS} rows answers while other requests run`,
      async () => {
        const result = await withConcurrentReads('member import (dry run)', () => postCsv(true));
        expect(result).toMatchObject({ status: 200, body: { dryRun: true, created: ROWS, errors: [] } });
      },
      TEST_TIMEOUT_MS,
    );

    it(
      `the real import of ${ROWS} rows answers while other requests run, and writes every row`,
      async () => {
        const result = await withConcurrentReads('member import', () => postCsv(false));
        expect(result).toMatchObject({ status: 200, body: { dryRun: false, created: ROWS, accountsCreated: ROWS, errors: [] } });
        const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM users WHERE email LIKE 'pool.import.%'`);
        expect(n).toBe(ROWS);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'the export streams every member while other requests run',
      async () => {
        const text = await withConcurrentReads('member export', async () => {
          const response = await fetch(`${t.url}/admin/members/export.csv`, { headers: { authorization: `Bearer ${admin.accessToken}` } });
          expect(response.status).toBe(200);
          return response.text();
        });
        expect(text.split('\n').filter((line) => line.includes('pool.import.'))).toHaveLength(ROWS);
      },
      TEST_TIMEOUT_MS,
    );
  });

  describe('mentoring matching', () => {
    const MENTORS = 10;
    const MENTEES = 30;
    let cohortId: string;

    beforeAll(async () => {
      const programId = await createProgram(t, admin);
      cohortId = await createCohort(t, admin, programId, { open: true, matchingSettings: { forbidSameEmployer: false, minExperienceGapYears: 0 } });
      const topics = ['leadership', 'data', 'career', 'design'];
      const apply = async (role: 'MENTOR' | 'MENTEE', i: number) => {
        const user = await signUpUser(t, { fullName: `${role === 'MENTOR' ? 'Mentor' : 'Mentee'} ${i}` });
        const id = await applyOk(t, user, cohortId, { role, capacity: role === 'MENTOR' ? 3 : undefined, topics: [topics[i % topics.length]] });
        await approve(t, admin, id);
      };
      for (let i = 0; i < MENTORS; i++) await apply('MENTOR', i);
      for (let i = 0; i < MENTEES; i++) await apply('MENTEE', i);
      await closeCohort(t, admin, cohortId);
      await t.runJobs(); // the emails setting up enqueued, so the timed part is the matching alone
    }, 60_000);

    it(
      `proposes matches for ${MENTORS + MENTEES} applicants, then publishes them, while other requests run`,
      async () => {
        const proposed = await withConcurrentReads('proposeMatches', () => t.gql(PROPOSE, { id: cohortId }, admin.accessToken));
        expect(proposed.errors).toBeUndefined();
        expect(proposed.data!.proposeMatches.pairs).toHaveLength(MENTEES);
        const published = await withConcurrentReads('publishMatches', () => t.gql(PUBLISH, { id: cohortId }, admin.accessToken));
        expect(published.errors).toBeUndefined();
        expect(published.data!.publishMatches).toHaveLength(MENTEES);
      },
      TEST_TIMEOUT_MS,
    );
  });

  describe('every scheduled job, with work due', () => {
    let lapsingIds: string[];
    let heldId: string;
    let endedEventId: string;
    let closingCohortId: string;
    let groupId: string;

    beforeAll(async () => {
      // Memberships: some past their period end (lapse), some near it (renewal reminders).
      const tierId = await createTier(t, admin, { price: { amount: 0, currency: 'USD' }, requiresApproval: false, gracePeriodDays: 0 });
      const lapsing = await insertMembersInGoodStanding(t, tierId, 12, 'pool-lapse');
      lapsingIds = lapsing.map((p) => p.id);
      await t.sql(`UPDATE memberships SET current_period_end = now() - interval '1 day' WHERE user_id = ANY($1)`, [lapsingIds]);
      const renewing = await insertMembersInGoodStanding(t, tierId, 8, 'pool-renew');
      await t.sql(`UPDATE memberships SET current_period_end = now() + interval '5 days' WHERE user_id = ANY($1)`, [renewing.map((p) => p.id)]);
      // Events: a paid hold that ran out (the seat is offered on), an event tomorrow (reminders), one that ended.
      const [holder, waiting, next] = [await signUpUser(t), await signUpUser(t), await signUpUser(t)];
      const full = await createEvent(t, admin, { capacity: 1, memberPrice: 2000, nonMemberPrice: 3000 });
      heldId = (await register(t, holder, full)).data!.registerForEvent.id;
      await register(t, waiting, full);
      await t.sql(`UPDATE event_registrations SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [heldId]);
      const tomorrow = await createEvent(t, admin, { startsAt: new Date(Date.now() + 12 * HOUR), capacity: 20 });
      for (const person of [holder, waiting, next]) await register(t, person, tomorrow);
      endedEventId = await createEvent(t, admin, { startsAt: new Date(Date.now() + 2 * DAY) });
      await t.sql(`UPDATE events SET starts_at = now() - interval '5 hours', ends_at = now() - interval '2 hours' WHERE id = $1`, [endedEventId]);
      // Study groups: a group whose meetings the job writes again (creating it wrote the first ones).
      const organiser = await memberInGoodStanding(t, tierId, 'Pool Organiser');
      groupId = await createGroup(t, organiser);
      await t.sql(`DELETE FROM group_meetings WHERE group_id = $1`, [groupId]);
      // Mentoring: a cohort whose applications closed, and quiet pairs due a nudge.
      const programId = await createProgram(t, admin);
      closingCohortId = await createCohort(t, admin, programId, { open: true });
      await t.sql(`UPDATE mentoring_cohorts SET applications_close_at = least(starts_at, now() - interval '1 hour') WHERE id = $1`, [closingCohortId]);
      const { cohortId: quiet } = await publishedCohort(t, admin, { programId, mentors: [{ user: await signUpUser(t), capacity: 2 }], mentees: [await signUpUser(t), await signUpUser(t)] });
      await t.sql(`UPDATE mentoring_pairs SET started_at = now() - interval '43 days' WHERE cohort_id = $1`, [quiet]);
      // Accounts: login failures to prune.
      for (let i = 0; i < 3; i++) await t.gql(`mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { email: reader.email, password: 'wrong password' } });
      await t.sql(`UPDATE login_failures SET created_at = now() - interval '30 days'`);
      await t.runJobs(); // what setting up enqueued (emails) runs now, so the timed run is the scheduled work
    }, 60_000);

    it(
      'runs every scheduled task the app registers, each to completion, while other requests run',
      async () => {
        const registry = t.app.get(JobRegistry);
        const tasks = [...new Set(registry.schedules.map((s) => s.task))];
        expect(tasks).toEqual(expect.arrayContaining(['membership-lifecycle', 'events-lapse-holds', 'events-reminders', 'mentoring-daily', 'study-groups-materialise']));
        for (const task of tasks) await t.sql(`SELECT graphile_worker.add_job($1, '{}'::json)`, [task]);
        // Every registered task in turn (a dozen and growing): more time than one operation gets,
        // still far from the forever a connection held while waiting for another would take.
        await withConcurrentReads('the scheduled jobs', () => t.runJobs(), SCHEDULED_JOBS_LIMIT_MS);
        expect(await failedJobs()).toEqual([]);
        const [{ pending }] = await t.sql(`SELECT count(*)::int AS pending FROM graphile_worker.jobs`);
        expect(pending).toBe(0);
        // They did their work (not a no-op that would pass whatever the pool).
        const statuses = await t.sql(`SELECT DISTINCT status FROM memberships WHERE user_id = ANY($1)`, [lapsingIds]);
        expect(statuses).toEqual([{ status: 'LAPSED' }]);
        expect((await t.sql(`SELECT status, end_reason FROM event_registrations WHERE id = $1`, [heldId]))[0]).toEqual({ status: 'CANCELLED', end_reason: 'HOLD_EXPIRED' });
        const [done] = await t.sql(
          `SELECT (SELECT count(*)::int FROM outbox_messages WHERE template = 'membership-renewal-reminder-7') AS "renewalReminders",
                  (SELECT count(*)::int FROM outbox_messages WHERE template = 'event-reminder') AS "eventReminders",
                  (SELECT status FROM events WHERE id = $1) AS "endedEvent",
                  (SELECT status FROM mentoring_cohorts WHERE id = $2) AS "closedCohort",
                  (SELECT count(*)::int FROM outbox_messages WHERE template = 'mentoring-at-risk') AS nudges,
                  (SELECT count(*)::int FROM group_meetings WHERE group_id = $3) > 0 AS "meetingsMaterialised",
                  (SELECT count(*)::int FROM login_failures) AS "loginFailures",
                  (SELECT count(*)::int FROM outbox_messages WHERE status = 'PENDING') AS "undelivered"`,
          [endedEventId, closingCohortId, groupId],
        );
        expect(done).toEqual({
          renewalReminders: 8,
          eventReminders: 3,
          endedEvent: 'COMPLETED',
          closedCohort: 'MATCHING',
          nudges: 4, // two quiet pairs, both sides
          meetingsMaterialised: true,
          loginFailures: 0,
          undelivered: 0,
        });
      },
      SCHEDULED_JOBS_LIMIT_MS + TEST_TIMEOUT_MS,
    );
  });

  describe('events', () => {
    const paidEvent = (capacity: number) => createEvent(t, admin, { capacity, memberPrice: 2000, nonMemberPrice: 3000 });
    const registerAll = async (eventId: string, count: number) => {
      const people = await Promise.all(Array.from({ length: count }, () => signUpUser(t)));
      const ids: string[] = [];
      for (const person of people) ids.push((await register(t, person, eventId)).data!.registerForEvent.id);
      return ids;
    };
    const endReasons = async (eventId: string) =>
      t.sql(`SELECT status, end_reason AS "endReason", count(*)::int AS n FROM event_registrations WHERE event_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`, [eventId]);

    it(
      'the hold- and offer-expiry job passes 10 seats on, then the 10 lapsed offers, while other requests run',
      async () => {
        const eventId = await paidEvent(10);
        await registerAll(eventId, 20); // ten unpaid holds, ten on the waitlist
        await t.runJobs();
        await t.sql(`UPDATE event_registrations SET hold_expires_at = now() - interval '1 second' WHERE event_id = $1 AND status = 'PENDING_PAYMENT'`, [eventId]);
        await t.sql(`SELECT graphile_worker.add_job('events-lapse-holds', '{}'::json)`);
        await withConcurrentReads('the hold-expiry job', () => t.runJobs());
        expect(await failedJobs()).toEqual([]);
        expect(await endReasons(eventId)).toEqual([
          { status: 'CANCELLED', endReason: 'HOLD_EXPIRED', n: 10 },
          { status: 'OFFERED', endReason: null, n: 10 },
        ]);
        await t.sql(`UPDATE event_registrations SET offer_expires_at = now() - interval '1 second' WHERE event_id = $1 AND status = 'OFFERED'`, [eventId]);
        await t.sql(`SELECT graphile_worker.add_job('events-lapse-holds', '{}'::json)`);
        await withConcurrentReads('the offer-expiry job', () => t.runJobs());
        expect(await failedJobs()).toEqual([]);
        // Each lapsed offer sends its person back to the queue, and the seat is offered (to them) again.
        expect(await endReasons(eventId)).toEqual([
          { status: 'CANCELLED', endReason: 'HOLD_EXPIRED', n: 10 },
          { status: 'OFFERED', endReason: null, n: 10 },
        ]);
        const [{ lapsed, offers }] = await t.sql(
          `SELECT (SELECT count(*)::int FROM outbox_messages WHERE template = 'event-offer-lapsed') AS lapsed,
                  (SELECT count(*)::int FROM event_registrations WHERE event_id = $1 AND offers_made = 2 AND offer_expires_at > now()) AS offers`,
          [eventId],
        );
        expect({ lapsed, offers }).toEqual({ lapsed: 10, offers: 10 });
      },
      TEST_TIMEOUT_MS * 2,
    );

    it(
      'cancelling an event with 25 registrations (paid, held, waitlisted) answers, and its refunds and emails run, while other requests run',
      async () => {
        const eventId = await paidEvent(20);
        const ids = await registerAll(eventId, 25);
        for (const paid of ids.slice(0, 5)) {
          const [row] = await t.sql(`SELECT checkout_session_id FROM event_registrations WHERE id = $1`, [paid]);
          fake.completeCheckoutSession(row.checkout_session_id);
        }
        await fake.waitForWebhooks();
        await t.runJobs();
        const cancel = `mutation($id: ID!) { cancelEvent(id: $id, reason: "Small pool") { status } }`;
        const cancelled = await withConcurrentReads('cancelEvent', () => t.gql(cancel, { id: eventId }, admin.accessToken));
        expect(cancelled.errors).toBeUndefined();
        expect(cancelled.data!.cancelEvent.status).toBe('CANCELLED');
        await withConcurrentReads('the refund, checkout-expiry and email jobs', () => t.runJobs());
        expect(await failedJobs()).toEqual([]);
        expect(await t.sql(`SELECT status, count(*)::int AS n FROM event_payments WHERE event_id = $1 GROUP BY 1`, [eventId])).toEqual([{ status: 'REFUNDED', n: 5 }]);
        expect(await endReasons(eventId)).toEqual([{ status: 'CANCELLED', endReason: 'EVENT_CANCELLED', n: 25 }]);
        const [{ told }] = await t.sql(`SELECT count(*)::int AS told FROM outbox_messages WHERE template = 'event-cancelled' AND status <> 'PENDING'`);
        expect(told).toBe(25);
      },
      TEST_TIMEOUT_MS * 2,
    );
  });

  describe('Stripe reconciliation', () => {
    const RECONCILE = `mutation { reconcileStripe { eventsApplied paymentsRecorded failures } }`;
    let s: DuesStack;

    beforeAll(async () => {
      // Webhooks are delivered by hand here: the ones never delivered are the drift reconciliation repairs.
      fake.configureWebhooks({ url: `${t.url}/webhooks/stripe`, secret: WEBHOOK_SECRET, autoDeliver: false });
      s = { t, fake, admin, webhookUrl: `${t.url}/webhooks/stripe`, close: async () => undefined };
    });

    it(
      'repairs renewals and checkouts whose webhooks never arrived, as an admin mutation and as the job, while other requests run',
      async () => {
        const tier = await createDuesTier(s, { amount: 15_000, currency: 'GBP' });
        for (let i = 0; i < 4; i++) s.fake.renewSubscription((await activeMember(s, tier.id)).subscriptionId!); // renewal events never delivered
        for (let i = 0; i < 4; i++) await payCheckout(s, await applicant(s, tier.id)); // paid, no webhook, no success page
        await t.runJobs();
        const first = await withConcurrentReads('reconcileStripe', () => t.gql(RECONCILE, {}, admin.accessToken));
        expect(first.errors).toBeUndefined();
        expect(first.data!.reconcileStripe).toMatchObject({ paymentsRecorded: 8, failures: 0 });
        for (let i = 0; i < 2; i++) await payCheckout(s, await applicant(s, tier.id));
        await t.sql(`SELECT graphile_worker.add_job('dues-reconcile-stripe', '{}'::json)`);
        await withConcurrentReads('the reconciliation job', () => t.runJobs());
        expect(await failedJobs()).toEqual([]);
        const [{ pending }] = await t.sql(`SELECT count(*)::int AS pending FROM memberships m JOIN membership_tiers t ON t.id = m.tier_id WHERE t.id = $1 AND m.status <> 'ACTIVE'`, [tier.id]);
        expect(pending).toBe(0);
      },
      TEST_TIMEOUT_MS * 3,
    );
  });
});
