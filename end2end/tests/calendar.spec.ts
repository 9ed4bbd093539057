import { test, expect } from '@playwright/test';
import { expectAccessible, signInStaff, stockholmWeek, STAFF } from './helpers';

test("a coordinator enters a district's autumn holiday and the participant's week shows as excused", async ({ page }) => {
  const week = stockholmWeek(1);
  await signInStaff(page, STAFF.coordinator);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Calendar: closed days');
  // The demo city's school holidays are there for the whole programme.
  await expect(page.getByTestId('calendar')).toContainText('Jullov');
  await expectAccessible(page);
  await page.getByText('Enter closed days').click();
  const form = page.getByTestId('calendar-form');
  await form.getByLabel('Applies to', { exact: true }).selectOption('district');
  await form.getByLabel('District or school', { exact: true }).selectOption('Skärholmen');
  await form.getByLabel(/^From/).fill(week.monday);
  await form.getByLabel(/^To/).fill(week.friday);
  await form.getByLabel('Reason', { exact: true }).selectOption('holiday');
  await form.getByLabel('Note', { exact: true }).fill('Höstlov');
  await page.getByTestId('calendar-save').click();
  const row = page.getByTestId('calendar-entry').filter({ hasText: 'Skärholmen' });
  await expect(row).toContainText('Höstlov');
  await expect(row).toContainText(week.monday);
  await expectAccessible(page);
  // Yonas Tesfay goes to school in Skärholmen: last week is excused, and the strip says why.
  await page.goto('/participants?q=P-0002');
  await page.getByRole('link', { name: 'Yonas Tesfay' }).click();
  const tile = page.getByRole('list', { name: 'Weeks of the introduction' }).getByTestId(`week-${week.code}`);
  await expect(tile).toContainText('Excused');
  await expect(tile.getByTestId('week-closed')).toContainText('Höstlov');
  await expectAccessible(page);
});
