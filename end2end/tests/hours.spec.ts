import { test, expect } from '@playwright/test';
import { expectAccessible, hydrated, signInStaff, stockholmDay, STAFF } from './helpers';

test("a coordinator's plan under five hours is refused with its message and the old plan stays", async ({ page }) => {
  await signInStaff(page, STAFF.coordinator);
  await page.goto('/participants?q=P-0003');
  await page.getByRole('link', { name: 'Fatima Rahimi' }).click();
  await expect(page.getByTestId('participant-name')).toBeVisible();
  await hydrated(page);
  const hours = page.getByTestId('hours');
  await expect(hours.getByTestId('plan-summary')).toContainText('teaching 5 h 0 min');
  await hours.getByText('New weekly plan').click();
  // The form starts from the plan in force (Monday, Wednesday, Friday 08:30–10:10); drop Friday.
  await expect(page.getByTestId('block-2-start')).toHaveValue('08:30');
  await page.getByTestId('block-2-start').fill('');
  await page.getByTestId('block-2-end').fill('');
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-teaching-error')).toHaveText('The plan has 1 h 40 min too little teaching per week.');
  await expect(hours.getByTestId('error')).toBeVisible();
  await expect(hours.getByTestId('plan-summary')).toContainText('teaching 5 h 0 min');
  await expectAccessible(page);
  // The page still shows the weeks of the introduction.
  await expect(hours.getByRole('list', { name: 'Weeks of the introduction' })).toBeVisible();
});

test('a teacher takes a register and sees it recorded', async ({ page }) => {
  await signInStaff(page, STAFF.teacher);
  await page.getByRole('link', { name: 'Take the register' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('SFI C tisdag');
  // Another day: last week's, chosen with the plain date form.
  await page.getByTestId('register-day').getByLabel('Date').fill(stockholmDay(7));
  await page.getByRole('button', { name: 'Show the day' }).click();
  await expect(page.getByRole('table').getByText(`Register for ${stockholmDay(7)}`)).toBeVisible();
  await hydrated(page);
  await expectAccessible(page);
  const form = page.getByTestId('register-form');
  await form.getByLabel(/^Start/).fill('13:00');
  await form.getByLabel(/^End/).fill('14:00');
  // "Everyone attended" (an island) ticks every box and clears them again.
  const everyone = page.getByTestId('tick-all').getByRole('checkbox');
  await everyone.check();
  await expect(form.locator('input[data-present]:not(:checked)')).toHaveCount(0);
  await everyone.uncheck();
  await expect(form.locator('input[data-present]:checked')).toHaveCount(0);
  await page.getByRole('checkbox', { name: /Amina Hassan/ }).check();
  await page.getByRole('checkbox', { name: /Fatima Rahimi/ }).check();
  await page.getByTestId('register-save').click();
  await expect(page.getByTestId('register-saved')).toContainText(/Saved: \d+ new, \d+ changed, \d+ already recorded\./);
  await expect(page.getByTestId('register-row-P-0001')).toContainText('13:00–14:00');
  await expectAccessible(page);
});

test('the mentor sees the short week on the start page and on the participant page', async ({ page }) => {
  await signInStaff(page, STAFF.mentor);
  const short = page.getByTestId('short-weeks');
  await expect(short.getByRole('heading', { name: 'Short weeks' })).toBeVisible();
  const row = short.getByTestId('short-row-P-0001');
  await expect(row).toContainText('1 h 40 min self-study missing');
  await expectAccessible(page);
  await row.getByRole('link', { name: 'Amina Hassan' }).click();
  await expect(page.getByTestId('participant-name')).toBeVisible();
  const strip = page.getByRole('list', { name: 'Weeks of the introduction' });
  await expect(strip.getByText('Short').first()).toBeVisible();
  await expect(strip.getByText('1 h 40 min self-study missing').first()).toBeVisible();
  await expectAccessible(page);
});
