import { expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The day `days` before today in Stockholm, as YYYY-MM-DD: the programme's dates are
 * Europe/Stockholm whatever the machine's zone. */
export function stockholmDay(daysBefore = 0): string {
  const d = new Date(Date.now() - daysBefore * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(d);
}

export const PASSWORD = 'sprakdemo2026';
export const STAFF = {
  coordinator: 'samordnare@example.se',
  teacher: 'larare@example.se',
  mentor: 'mentor@example.se',
};

/** Fails the test if axe-core finds WCAG 2.1 A/AA violations on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Waits until the page's islands are hydrated (set at once on a page without islands). */
export async function hydrated(page: Page) {
  await page.locator('body[data-hydrated="true"]').waitFor({ timeout: 30_000 });
}

/** Signs a staff member in through the sign-in form, in English. */
export async function signInStaff(page: Page, email: string) {
  await page.goto('/sign-in');
  await useEnglish(page);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

/** Signs a participant in on the tablet with code and PIN, in English (the demo's Amina by
 * default), and waits for their own page. */
export async function signInOnTablet(page: Page, code = 'spr-ak2', pin = '1234') {
  await page.goto('/tablet');
  await useEnglish(page);
  await page.getByLabel('Personal code').fill(code);
  await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('start-participant')).toBeVisible();
}

/** Switches the interface to English (remembered in a cookie). */
export async function useEnglish(page: Page) {
  const english = page.getByRole('button', { name: 'English' });
  if ((await english.getAttribute('aria-pressed')) !== 'true') {
    await english.click();
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  }
}

/** The ISO week `weeksBefore` weeks before the running one in Stockholm: its code
 * (`2026-W48`, as the week strip's `data-test` names it), Monday and Friday as YYYY-MM-DD. */
export function stockholmWeek(weeksBefore = 0): { code: string; monday: string; friday: string } {
  const day = 86_400_000;
  const today = new Date(`${stockholmDay()}T12:00:00Z`);
  const fromMonday = (today.getUTCDay() + 6) % 7;
  const monday = new Date(today.getTime() - (fromMonday + 7 * weeksBefore) * day);
  const friday = new Date(monday.getTime() + 4 * day);
  // The ISO year is the Thursday's; week 1 holds 4 January.
  const year = new Date(monday.getTime() + 3 * day).getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4, 12));
  const week1 = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * day);
  const week = Math.round((monday.getTime() - week1.getTime()) / (7 * day)) + 1;
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { code: `${year}-W${String(week).padStart(2, '0')}`, monday: iso(monday), friday: iso(friday) };
}
