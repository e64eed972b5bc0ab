import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { applyOk, approve, closeCohort, createCohort, createProgram, freeTier, PUBLISH, signUpMember } from '../../factories/mentoring.js';
import { createAdminUser, signUpUser, startPortal, type Portal, type TestUser } from '../support/index.js';

/**
 * `npm run screenshots`: the staff console's mentoring pages (programs, applications, matching board
 * with a proposal, cohort report) at laptop size, written to docs/screenshots/staff-mentoring-<page>-desktop.png.
 */
const OUT = resolve('docs/screenshots');
const PASSWORD = 'correct horse battery';
const GRANT = `mutation($id: ID!, $p: [StaffPermission!]!) { setStaffPermissions(userId: $id, permissions: $p) { id } }`;

interface Shot {
  name: string;
  path: () => string;
  /** What to wait for (and do) before the picture. */
  ready: (page: Page) => Promise<unknown>;
}

describe('screenshots: staff console, mentoring', () => {
  let portal: Portal;
  let coordinator: TestUser;
  let matchingCohort: string;
  let activeCohort: string;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    portal = await startPortal();
    const { t } = portal;
    const admin = await createAdminUser(t);
    coordinator = await signUpUser(t, { fullName: 'Cora Coordinator', password: PASSWORD });
    await t.gql(GRANT, { id: coordinator.id, p: ['MENTORING_COORDINATOR'] }, admin.accessToken);
    const tierId = await freeTier(t, admin);
    const programId = await createProgram(t, admin, { name: 'Career Growth', description: 'Pairs members early in their career with seasoned ones.', membersOnly: true, ceCreditsPerHour: 0.5 });
    const settings = { forbidSameEmployer: false, minExperienceGapYears: 2 };
    const people = {
      mentors: [['Ada Lovelace', ['audit', 'leadership']], ['Grace Hopper', ['tax', 'technology']], ['Annie Easley', ['audit', 'public sector']]] as const,
      mentees: [['Alan Turing', ['audit']], ['Katherine Johnson', ['tax']], ['Dorothy Vaughan', ['technology', 'leadership']], ['Mary Jackson', ['public sector']]] as const,
    };
    const seed = async (cohortId: string, suffix: string) => {
      for (const [name, topics] of people.mentors) {
        const user = await signUpMember(t, tierId, `${name}${suffix}`);
        await approve(t, admin, await applyOk(t, user, cohortId, { role: 'MENTOR', topics: [...topics], capacity: 2 }));
      }
      for (const [name, topics] of people.mentees) {
        const user = await signUpMember(t, tierId, `${name}${suffix}`);
        await approve(t, admin, await applyOk(t, user, cohortId, { role: 'MENTEE', topics: [...topics], goals: `Grow in ${topics[0]}` }));
      }
    };
    activeCohort = await createCohort(t, admin, programId, { name: 'Spring 2027', open: true, matchingSettings: settings });
    await seed(activeCohort, '');
    await closeCohort(t, admin, activeCohort);
    await t.gql(PUBLISH, { id: activeCohort }, admin.accessToken);
    matchingCohort = await createCohort(t, admin, programId, { name: 'Autumn 2027', open: true, matchingSettings: settings });
    await seed(matchingCohort, ' II');
    await closeCohort(t, admin, matchingCohort);
  });
  afterAll(async () => {
    await portal?.close();
  });

  const shots: Shot[] = [
    { name: 'staff-mentoring-programs', path: () => '/staff/mentoring', ready: (page) => page.getByRole('link', { name: 'Autumn 2027' }).waitFor() },
    { name: 'staff-mentoring-applications', path: () => `/staff/mentoring/cohorts/${matchingCohort}/applications`, ready: (page) => page.getByText('7 applications').waitFor() },
    {
      name: 'staff-mentoring-board',
      path: () => `/staff/mentoring/cohorts/${matchingCohort}/matching`,
      ready: async (page) => {
        await page.getByRole('button', { name: 'Run matching' }).click();
        await page.getByRole('table', { name: /Each proposed pair/ }).waitFor();
      },
    },
    { name: 'staff-mentoring-report', path: () => `/staff/mentoring/cohorts/${activeCohort}/report`, ready: (page) => page.getByRole('table', { name: /Every pair/ }).waitFor() },
  ];

  it('takes each page at laptop size', async () => {
    const page = await portal.newPortalPage({ viewport: 'desktop' });
    await page.goto('/login');
    await page.getByLabel('Email').fill(coordinator.email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Cora Coordinator' }).waitFor();
    for (const shot of shots) {
      await page.goto(shot.path());
      await shot.ready(page);
      await page.screenshot({ path: `${OUT}/${shot.name}-desktop.png`, fullPage: true });
    }
  });
});
