import { test, expect, Page } from '@playwright/test';
import { expectAccessible, hydrated, signInOnTablet } from './helpers';

async function signInAsAmina(page: Page) {
  await signInOnTablet(page);
  await expect(page.getByTestId('start-participant')).toContainText('Hello, Amina!');
}

async function answer(page: Page, n: number) {
  await expect(page.getByTestId('elp-count')).toContainText(`Sentence ${n} of`);
  await page.getByTestId('answer-can_do').click();
  await expect(page.getByTestId('elp-count')).toContainText(`Sentence ${n + 1} of`);
}

test('a participant answers part of a skill, reloads, continues, submits and sees the level', async ({ page }) => {
  await signInAsAmina(page);
  await page.getByTestId('elp-open').click();
  await expect(page.getByTestId('elp-home')).toBeVisible();
  // Start an assessment, unless a draft without answers is already open (from the other test).
  const start = page.getByTestId('elp-start');
  if (await start.isVisible()) await start.click();
  await page.getByTestId('skill-listening').click();
  await hydrated(page);
  await expect(page.getByTestId('statement-text')).toContainText('I ');
  await expect(page.getByTestId('read-aloud')).toBeVisible();
  await expectAccessible(page);
  for (let n = 1; n <= 3; n++) await answer(page, n);
  // A reload (or a sleeping tablet) loses nothing: the fourth sentence, three answered.
  await page.reload();
  await expect(page.getByTestId('elp-count')).toContainText('Sentence 4 of');
  await expect(page.getByTestId('elp-count')).toContainText('3 of');
  await page.getByRole('link', { name: 'All parts' }).click();
  await expect(page.getByTestId('skill-listening')).toContainText('3 of');
  await page.getByTestId('elp-continue').click();
  // Pre-A1 has four sentences and A1 five: "I can do this" to all of them gives A1.
  for (let n = 4; n <= 9; n++) await answer(page, n);
  await page.getByRole('link', { name: 'All parts' }).click();
  await expect(page.getByTestId('elp-progress')).toContainText('9 of');
  await expectAccessible(page);
  // Finish shows the summary first: listening A1, the four skills never started not assessed.
  await page.getByTestId('elp-submit').click();
  const summary = page.getByTestId('elp-finish');
  await expect(summary.getByTestId('level-listening')).toContainText('A1');
  for (const skill of ['reading', 'spoken_interaction', 'spoken_production', 'writing']) {
    await expect(summary.getByTestId(`level-${skill}`)).toContainText('Not assessed');
  }
  await expectAccessible(page);
  // Going back keeps the draft; finishing again and saving stores no level for them.
  await page.getByTestId('elp-back').click();
  await expect(page.getByTestId('elp-progress')).toContainText('9 of');
  await page.getByTestId('elp-submit').click();
  await page.getByTestId('elp-confirm').click();
  const latest = page.getByTestId('elp-latest');
  await expect(latest).toBeVisible();
  await expect(latest.getByRole('row', { name: /Listening/ })).toContainText('A1');
  await expect(latest.getByRole('row', { name: /Reading/ })).toContainText('Not assessed');
  await expect(latest.getByRole('row', { name: /Reading/ })).not.toContainText('Pre-A1');
  await expectAccessible(page);
});

test('answer buttons on the tablet are large', async ({ page }) => {
  await signInAsAmina(page);
  await page.goto('/me/assessment');
  const start = page.getByTestId('elp-start');
  if (await start.isVisible()) await start.click();
  await expect(page.getByTestId('skill-reading')).toBeVisible();
  await page.goto('/me/assessment/reading');
  for (const id of ['answer-can_do', 'answer-with_help', 'answer-not_yet']) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box && box.height >= 64, `${id} is at least 64 px high`).toBeTruthy();
  }
});

test('finishing with no answer at all is refused with a clear message', async ({ page }) => {
  await signInAsAmina(page);
  await page.goto('/me/assessment');
  const start = page.getByTestId('elp-start');
  if (await start.isVisible()) await start.click();
  // The draft the previous test opened has no answer yet.
  await expect(page.getByTestId('elp-progress')).toContainText(/^0 of/);
  await page.getByTestId('elp-submit').click();
  await expect(page.getByTestId('elp-finish-lead')).toContainText('No sentence has an answer yet');
  await expect(page.getByTestId('elp-confirm')).toHaveCount(0);
  await expectAccessible(page);
});
