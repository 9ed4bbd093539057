import { test, expect, Page } from '@playwright/test';
import { expectAccessible, hydrated, signInStaff, stockholmDay, STAFF } from './helpers';

async function openGrid(page: Page) {
  await signInStaff(page, STAFF.teacher);
  await page.getByRole('link', { name: 'Enter test results' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('SFI C tisdag');
  await hydrated(page);
}

/** The participant references of the grid's rows, in order. */
async function rowRefs(page: Page): Promise<string[]> {
  const rows = page.locator('[data-test^="grid-row-"]');
  const ids = await rows.evaluateAll(els => els.map(e => e.getAttribute('data-test') ?? ''));
  return ids.map(id => id.replace('grid-row-', ''));
}

test('a teacher fills five rows of the grid by keyboard only and sees a result on the participant page', async ({ page }, info) => {
  await openGrid(page);
  await expectAccessible(page);
  const refs = await rowRefs(page);
  expect(refs.length).toBe(10);
  // Each viewport run enters its own grades, so the second run is a correction, not a repeat.
  const grade = info.project.name === 'desktop' ? 'G' : 'VG';
  // Keyboard only: from the teacher choice, Tab into the first grade cell, then grade + Enter.
  await page.getByLabel('Teacher', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId(`cell-${refs[0]}-grade`)).toBeFocused();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.type(grade.toLowerCase());
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId(`cell-${refs[5]}-grade`)).toBeFocused();
  // ↑ goes back a row, ↓ forward again; the rest of the rows stay empty: Enter down to Save.
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId(`cell-${refs[4]}-grade`)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  for (let i = 5; i < 10; i++) await page.keyboard.press('Enter');
  await expect(page.getByTestId('grid-save')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('grid-saved')).toBeVisible();
  await expect(page.getByTestId('grid-saved')).toContainText(/Saved: \d+ new, \d+ corrected/);
  await expectAccessible(page);
  // The result is on the participant's page, with the teacher, and in the history.
  await page.goto('/');
  await page.getByRole('link', { name: 'SFI C tisdag' }).click();
  await page.getByTestId('members').getByRole('row').filter({ hasText: refs[0] }).getByRole('link').click();
  await expect(page.getByTestId('participant-name')).toBeVisible();
  const results = page.getByTestId('sfi-results');
  const row = results.getByRole('row').filter({ hasText: stockholmDay() });
  await expect(row).toContainText(grade);
  await expect(row).toContainText('Lena Lärare');
  await expect(page.getByTestId('sfi-start-finish')).toBeVisible();
  await expectAccessible(page);
});

test('a wrong grade shows its message as typed and saves nothing', async ({ page }) => {
  await openGrid(page);
  const refs = await rowRefs(page);
  const wrong = page.getByTestId(`cell-${refs[7]}-grade`);
  const fine = page.getByTestId(`cell-${refs[8]}-grade`);
  await wrong.fill('A');
  await expect(page.getByText('Not a grade of the scale IG–VG. Allowed grades: IG, G, VG.')).toBeVisible();
  await expect(wrong).toHaveAttribute('aria-invalid', 'true');
  await fine.fill('G');
  await page.getByTestId('grid-save').click();
  await expect(page.getByTestId('error')).toContainText('Nothing was saved');
  await expect(page.getByTestId('error')).toContainText(`${refs[7]}, Grade`);
  // What was typed is kept for correcting.
  await expect(fine).toHaveValue('G');
  await expectAccessible(page);
  // Nothing of the grid was stored: the other participant has no result dated today.
  await page.goto('/');
  await page.getByRole('link', { name: 'SFI C tisdag' }).click();
  await page.getByTestId('members').getByRole('row').filter({ hasText: refs[8] }).getByRole('link').click();
  await expect(page.getByTestId('sfi')).toBeVisible();
  await expect(page.getByTestId('sfi').getByRole('row').filter({ hasText: stockholmDay() })).toHaveCount(0);
});

test('a mentor reads SFI results but cannot enter or change them', async ({ page }) => {
  await signInStaff(page, STAFF.mentor);
  await page.getByTestId('mentor-participants').getByRole('link', { name: 'Amina Hassan' }).click();
  await expect(page.getByTestId('sfi-start-finish')).toBeVisible();
  await expect(page.getByTestId('sfi-start')).toContainText('A: G');
  await expect(page.getByText('Enter a result')).toHaveCount(0);
  await expect(page.getByText('Correct', { exact: true })).toHaveCount(0);
  await expectAccessible(page);
});

test('a coordinator enters, corrects and deletes one result, and the history keeps each step', async ({ page }) => {
  await signInStaff(page, STAFF.coordinator);
  await page.goto('/participants?q=P-0020');
  await page.getByTestId('participants').getByRole('link').first().click();
  await expect(page.getByTestId('sfi-none')).toBeVisible();
  await hydrated(page);
  await page.getByTestId('sfi-enter').click();
  const form = page.getByTestId('sfi-form');
  await form.getByLabel('Occasion').selectOption('start');
  await form.getByLabel('Course').selectOption('A');
  await form.getByLabel('Grade', { exact: true }).fill('G');
  await form.getByRole('button', { name: 'Save' }).click();
  // Study path 2 starts at course B: refused with the reason, nothing saved.
  await expect(page.getByTestId('error')).toContainText('Study path 2 starts at course B');
  await expect(page.getByTestId('sfi-none')).toBeVisible();
  await expectAccessible(page);
  await form.getByLabel('Course').selectOption('B');
  await form.getByRole('button', { name: 'Save' }).click();
  const results = page.getByTestId('sfi-results');
  await expect(results.getByRole('row').filter({ hasText: stockholmDay() })).toContainText('G');
  // Correct the grade.
  await results.getByText('Correct', { exact: true }).click();
  const fix = page.getByTestId('sfi-correct-form');
  await fix.getByLabel('Grade', { exact: true }).fill('VG');
  await fix.getByRole('button', { name: 'Save' }).click();
  await expect(results.getByRole('row').filter({ hasText: stockholmDay() })).toContainText('VG');
  // Delete it; the history shows entered, corrected and deleted.
  await results.getByText('Delete', { exact: true }).click();
  await results.getByRole('button', { name: 'Delete this result' }).click();
  await expect(page.getByTestId('sfi-none')).toBeVisible();
  await page.getByTestId('sfi-history').getByText('History of the results').click();
  const history = page.getByTestId('sfi-history');
  await expect(history).toContainText('Entered');
  await expect(history).toContainText('Corrected');
  await expect(history).toContainText('Deleted');
  await expectAccessible(page);
});
