import { test, expect, Page } from '@playwright/test';
import { expectAccessible, hydrated, signInOnTablet, signInStaff, STAFF } from './helpers';

// The shared school tablet with a connection that drops (issue 12). Chromium only: see the
// closing note on what this machine can test.
test.skip(({ isMobile }) => !isMobile, 'the offline queue is tested on the tablet viewport');

/** Opens the draft (starting one if none is under way) and then `skill`'s screen, ready offline. */
async function openSkill(page: Page, skill: string) {
  await page.goto('/me/assessment');
  const start = page.getByTestId('elp-start');
  if (await start.isVisible()) await start.click();
  await expect(page.getByTestId(`skill-${skill}`)).toBeVisible();
  await page.goto(`/me/assessment/${skill}`);
  await hydrated(page);
  await page.locator('html[data-offline-ready="true"]').waitFor({ timeout: 30_000 });
}

/** How many statements of `skill` the server has answers for (the participant's own call). */
async function storedAnswers(page: Page, skill: string): Promise<number> {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post('/api/assessment/skill', {
    form: { skill, lang: 'en' },
    headers: { origin, accept: 'application/json' },
  });
  expect(res.ok()).toBeTruthy();
  const sheet = await res.json();
  return sheet.statements.filter((s: { answer: string | null }) => s.answer !== null).length;
}

function sentence(page: Page) {
  return page.getByTestId('elp-count');
}

test('answers given offline survive a reload and are stored once when the connection returns', async ({ page, context }) => {
  await signInOnTablet(page, 'spr-ak2', '1234');
  await openSkill(page, 'writing');
  const before = await storedAnswers(page, 'writing');
  const first = await sentence(page).innerText();

  await context.setOffline(true);
  for (let n = 0; n < 5; n++) {
    const shown = await sentence(page).innerText();
    await page.getByTestId('answer-with_help').click();
    await expect(sentence(page)).not.toHaveText(shown);
  }
  await expect(page.getByTestId('queued')).toBeVisible();
  await expect(page.getByTestId('queued-count')).toHaveText('5');
  await expect(page.getByTestId('queued')).toContainText('saved on this tablet');
  await expectAccessible(page);

  // A reload while offline: the service worker shows the screen, the five answers are there.
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId('elp-statement')).toBeVisible();
  await expect(page.getByTestId('queued-count')).toHaveText('5');
  await expect(sentence(page)).toContainText(`${before + 5} of`);
  expect(await sentence(page).innerText()).not.toEqual(first);

  // Back online: sent by themselves, stored exactly once.
  await context.setOffline(false);
  await expect(page.getByTestId('queued')).toBeHidden({ timeout: 30_000 });
  await expect.poll(() => storedAnswers(page, 'writing')).toBe(before + 5);
  await expect(page.locator('html')).toHaveAttribute('data-queued', '0');
});

test.describe('a delivery repeated after the connection dropped', () => {
  // Without the service worker, so that the test's network can cut the answer's response.
  test.use({ serviceWorkers: 'block' });

  test('is stored once', async ({ page }) => {
    await signInOnTablet(page, 'spr-ak2', '1234');
    await page.goto('/me/assessment');
    const start = page.getByTestId('elp-start');
    if (await start.isVisible()) await start.click();
    await page.goto('/me/assessment/spoken_interaction');
    await hydrated(page);
    const before = await storedAnswers(page, 'spoken_interaction');
    // The request reaches the server, the answer does not come back.
    let cut = 0;
    await page.route('**/api/assessment/deliver', async (route) => {
      cut += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByTestId('answer-can_do').click();
    await expect(page.getByTestId('queued-count')).toHaveText('1');
    expect(cut).toBe(1);
    await page.unroute('**/api/assessment/deliver');
    // Sent again (as on the `online` event): the server had it already and applies it once.
    const replies: unknown[] = [];
    await page.route('**/api/assessment/deliver', async (route) => {
      const response = await route.fetch();
      replies.push(await response.json());
      await route.fulfill({ response });
    });
    await page.evaluate(() => (window as any).spraktrappanQueue.flush());
    await expect.poll(() => replies.length).toBe(1);
    expect(replies[0]).toEqual({ applied: false });
    await expect(page.getByTestId('queued')).toBeHidden();
    expect(await storedAnswers(page, 'spoken_interaction')).toBe(before + 1);
  });
});

test('answers given offline by A never reach B on the same tablet and are sent on A\'s next sign-in', async ({ page, context, browser }) => {
  // The coordinator, at a desk, gives P-0002 a PIN (a second person for the shared tablet).
  const desk = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const staff = await desk.newPage();
  await signInStaff(staff, STAFF.coordinator);
  await staff.goto('/participants?q=P-0002');
  await staff.getByTestId('participants').getByRole('link').first().click();
  const codeB = (await staff.getByTestId('sign-in-code').innerText()).trim();
  await staff.getByLabel('New PIN').fill('482915');
  await staff.getByRole('button', { name: 'Set PIN' }).click();
  await expect(staff.getByText('The PIN is saved.')).toBeVisible();

  // A answers two sentences offline and signs out while still offline.
  await signInOnTablet(page, 'spr-ak2', '1234');
  await openSkill(page, 'spoken_production');
  const before = await storedAnswers(page, 'spoken_production');
  await context.setOffline(true);
  for (let n = 0; n < 2; n++) {
    const shown = await sentence(page).innerText();
    await page.getByTestId('answer-not_yet').click();
    await expect(sentence(page)).not.toHaveText(shown);
  }
  await expect(page.getByTestId('queued-count')).toHaveText('2');
  await page.getByTestId('sign-out').click();
  await context.setOffline(false);

  // B signs in on the same tablet: nothing of A's shows, and A's answers stay A's.
  await signInOnTablet(page, codeB, '482915');
  await expect(page.getByTestId('signed-in-as')).not.toContainText('Amina');
  await openSkill(page, 'spoken_production');
  await expect(page.getByTestId('queued')).toBeHidden();
  await expect(sentence(page)).toContainText('0 of');
  await expect(page.locator('html')).toHaveAttribute('data-queued', '0');
  await expectAccessible(page);

  // The staff view of A's draft says that two answers wait on a tablet.
  await expect.poll(async () => {
    await staff.goto('/participants?q=P-0001');
    await staff.getByTestId('participants').getByRole('link').first().click();
    return staff.getByTestId('elp-draft').innerText();
  }).toContain('2 answers wait on a tablet');
  await desk.close();

  // B leaves; A signs in again: A's two answers are sent by themselves.
  await page.getByTestId('sign-out').click();
  await signInOnTablet(page, 'spr-ak2', '1234');
  await expect.poll(() => storedAnswers(page, 'spoken_production'), { timeout: 30_000 }).toBe(before + 2);
});
