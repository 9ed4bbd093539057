import { test, expect } from '@playwright/test';
import { expectAccessible, hydrated, signInStaff, STAFF } from './helpers';

test('a mentor opens the dashboard, a participant with the ladder and weekly chart, and prints the passport', async ({ page }) => {
  await signInStaff(page, STAFF.mentor);
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard.getByRole('heading', { name: 'My participants' })).toBeVisible();
  const row = dashboard.getByTestId('dash-row-P-0001');
  await expect(row.getByRole('img', { name: 'Language ladder: Amina Hassan' })).toBeVisible();
  await expectAccessible(page);
  // Sortable by plain links.
  await dashboard.getByRole('link', { name: 'Short weeks (last 4)' }).click();
  await expect(page).toHaveURL(/sort=short_weeks/);
  await expect(page.getByRole('columnheader', { name: 'Short weeks (last 4)' })).toHaveAttribute('aria-sort', 'ascending');
  // One tap to the participant page: the ladder, its data table and the weekly chart.
  await page.getByTestId('dash-row-P-0001').getByRole('link', { name: 'Amina Hassan' }).click();
  await expect(page.getByTestId('participant-name')).toBeVisible();
  await hydrated(page);
  const ladder = page.getByTestId('ladder-chart');
  await expect(ladder.getByRole('img', { name: 'Language ladder: Amina Hassan' })).toBeVisible();
  await expect(page.getByTestId('weekly-chart').getByRole('img', { name: 'Weekly hours' })).toBeVisible();
  await page.getByText('Data of the ladder (table)').click();
  await expect(page.getByRole('table', { name: 'Self-assessed levels' })).toBeVisible();
  await expectAccessible(page);
  // The passport, as printed.
  await page.getByTestId('passport-link').click();
  await expect(page.getByTestId('passport-name')).toHaveText('Amina Hassan');
  await expect(page.getByTestId('passport-grid')).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('passport-grid')).toBeVisible();
  await expect(page.getByTestId('print')).toBeHidden();
  await expect(page.getByTestId('signed-in-as')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});

test('a participant sees their own passport on the tablet', async ({ page }) => {
  await page.goto('/tablet');
  await page.getByLabel('Personlig kod').fill('spr-ak2');
  await page.getByLabel('PIN-kod').fill('1234');
  await page.getByRole('button', { name: 'Börja' }).click();
  await expect(page.getByTestId('start-participant')).toBeVisible();
  // /me is a few large tiles; the ladder has its own page.
  await expect(page.getByTestId('ladder-chart')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByTestId('tile-ladder').click();
  await expect(page.getByTestId('ladder-chart').getByRole('img')).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId('passport-link').click();
  await expect(page.getByTestId('passport-name')).toHaveText('Amina Hassan');
  await expectAccessible(page);
});
