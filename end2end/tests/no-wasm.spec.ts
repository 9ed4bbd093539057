import { test, expect } from '@playwright/test';
import { signInStaff, STAFF } from './helpers';

// Progressive enhancement: with JavaScript off (as before the wasm has loaded) the forms
// still post to the server and the pages still render on the server.
test.use({ javaScriptEnabled: false });

test('without the wasm a coordinator signs in and creates a participant', async ({ page }, info) => {
  const ref = `NOJS-${info.project.name}-${Date.now() % 100000}`;
  await signInStaff(page, STAFF.coordinator);
  await expect(page.getByTestId('start-coordinator')).toBeVisible();
  await page.goto('/participants/new');
  await page.getByLabel('Reference').fill(ref);
  await page.getByLabel('Given name').fill('Utan');
  await page.getByLabel('Family name').fill('Skript');
  await page.getByRole('combobox', { name: 'School', exact: true }).fill('Farstaskolan');
  await page.getByRole('combobox', { name: 'District', exact: true }).fill('Farsta');
  await page.getByLabel('Start date').fill('2026-09-01');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('participant-name')).toHaveText('Utan Skript');
  // axe-core needs JavaScript in the page; the same pages are audited by the other suites.
});

test('without the wasm an invalid form comes back with its message and the values typed, and stores nothing', async ({ page }) => {
  await signInStaff(page, STAFF.coordinator);
  await page.goto('/participants/new');
  await page.getByLabel('Reference').fill('NOJS-BAD');
  await page.getByLabel('Given name').fill('Fel');
  await page.getByLabel('Family name').fill('Datum');
  await page.getByRole('combobox', { name: 'School', exact: true }).fill('Farstaskolan');
  await page.getByRole('combobox', { name: 'District', exact: true }).fill('Farsta');
  await page.getByLabel('Start date').fill('2026-09-01');
  await page.getByLabel('Year of birth').fill('1850');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('error')).toBeVisible();
  await expect(page.getByLabel('Year of birth')).toHaveAttribute('aria-invalid', 'true');
  // Everything typed is still there, so only the wrong field needs fixing.
  await expect(page.getByLabel('Year of birth')).toHaveValue('1850');
  await expect(page.getByLabel('Given name')).toHaveValue('Fel');
  await expect(page.getByLabel('Reference')).toHaveValue('NOJS-BAD');
  await expect(page.getByLabel('Start date')).toHaveValue('2026-09-01');
  await page.goto('/participants?q=NOJS-BAD');
  await expect(page.getByTestId('result-count')).toHaveText('0 participants');
});
