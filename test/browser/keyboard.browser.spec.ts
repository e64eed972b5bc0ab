/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { collectProblems, expectAccessible, signUpUser, startPortal, type Portal, type TestUser } from './support/index.js';

/** More Tab presses than any page here has stops; reaching it proves nothing is a keyboard trap. */
const MAX_TABS = 60;

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

/**
 * The focused element shows where it is: `:focus-visible` matches, and it draws an outline or looks different
 * from the same element unfocused (Mantine's inputs colour their border; a password field, its wrapper's).
 */
async function expectFocusVisible(target: Locator): Promise<void> {
  const shown = await target.evaluate((el) => {
    const focusVisible = el.matches(':focus-visible');
    const style = getComputedStyle(el);
    if (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') return { focusVisible, marked: true };
    const element = el as HTMLElement;
    const boxes = [element, element.parentElement, element.parentElement?.parentElement].filter((box): box is HTMLElement => !!box);
    const look = () =>
      boxes
        .map((box) => {
          const css = getComputedStyle(box);
          return [css.outlineStyle, css.outlineWidth, css.outlineColor, css.borderColor, css.boxShadow].join(' ');
        })
        .join(' | ');
    const transitions = boxes.map((box) => box.style.transition);
    boxes.forEach((box) => (box.style.transition = 'none')); // compare end states, not the first frame of a change
    const focused = look();
    element.blur();
    const unfocused = look();
    element.focus();
    boxes.forEach((box, i) => (box.style.transition = transitions[i]));
    return { focusVisible, marked: focused !== unfocused };
  });
  expect(shown).toEqual({ focusVisible: true, marked: true });
}

/** Presses Tab until `target` has the focus; returns how many presses it took. */
async function tabTo(page: Page, target: Locator): Promise<number> {
  for (let presses = 1; presses <= MAX_TABS; presses++) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) {
      await expectFocusVisible(target);
      return presses;
    }
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

describe('portal: keyboard only (Tab and Enter)', () => {
  let portal: Portal;
  let member: TestUser;
  beforeAll(async () => {
    portal = await startPortal();
    member = await signUpUser(portal.t, { fullName: 'Keyboard Member' });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('signs in past the skip link, then reaches the dashboard and the events page', async () => {
    const page = await portal.newPortalPage();
    const problems = collectProblems(page);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();

    // The first stop is the skip link, visibly focused; Enter moves the focus to the page's content.
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await tabTo(page, skip)).toBe(1);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    // From the content, the form's first field is the next stop: the header is behind.
    const main = page.getByRole('main');
    const email = main.getByLabel('Email');
    expect(await tabTo(page, email)).toBe(1);
    await page.keyboard.type(member.email);
    await tabTo(page, main.getByLabel(/^Password/));
    await page.keyboard.type(member.password);
    await tabTo(page, main.getByRole('button', { name: 'Log in' }));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Keyboard Member' }).waitFor();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await tabTo(page, nav.getByRole('link', { name: 'Dashboard', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByText('You are not a member yet.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await expectAccessible(page, 'dashboard reached by keyboard');

    await tabTo(page, nav.getByRole('link', { name: 'Events', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/events');
    await expectAccessible(page, 'events reached by keyboard');
    expect(problems).toEqual([]);
  });
});
