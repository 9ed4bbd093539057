import { test, expect, Page } from '@playwright/test';
import { expectAccessible, hydrated, signInOnTablet } from './helpers';

// The shared school tablet (issue 12): every participant page signs out after the idle time,
// with a warning and a Continue button a minute before; after the sign-out nothing of the
// previous person can be brought back.

async function tabletSignIn(page: Page) {
  await signInOnTablet(page);
  await expect(page.getByTestId('start-participant')).toContainText('Amina');
}

test('the passport page warns a minute before the idle sign-out, Continue keeps the session', async ({ page }) => {
  await page.clock.install();
  await tabletSignIn(page);
  await page.goto('/me/passport');
  await hydrated(page);
  const warning = page.getByTestId('idle-warning');
  await expect(warning).toBeHidden();

  // Two minutes without a touch: the warning, read out by screen readers, with Continue focused.
  await page.clock.fastForward('02:01');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('In one minute you will be signed out');
  await expect(page.getByTestId('idle-continue')).toBeFocused();
  const box = await page.getByTestId('idle-continue').boundingBox();
  expect(box && box.height >= 44 && box.width >= 44, 'Continue is at least 44x44').toBeTruthy();
  await expectAccessible(page);

  // Continue: the warning goes and the wait starts again; still signed in after the old deadline.
  await page.getByTestId('idle-continue').click();
  await expect(warning).toBeHidden();
  await page.clock.fastForward('01:30');
  await expect(warning).toBeHidden();
  await expect(page).toHaveURL(/\/me\/passport$/);

  // Nobody answers the warning: signed out, back on the sign-in screen.
  await page.clock.fastForward('00:40');
  await expect(warning).toBeVisible();
  await page.clock.fastForward('01:01');
  await expect(page).toHaveURL(/\/tablet(\?|$)/);
  // The sign-in page again, in Swedish: the sign-out forgets the tablet's language.
  await expect(page.getByTestId('code')).toBeVisible();
});

test('after signing out, the back button shows nothing of the previous person', async ({ page }) => {
  await tabletSignIn(page);
  await page.goto('/me/passport');
  await expect(page.locator('main')).toContainText('Amina');
  await page.getByTestId('sign-out').click();
  // The sign-in page again, in Swedish: the sign-out forgets the tablet's language.
  await expect(page.getByTestId('code')).toBeVisible();

  for (let n = 0; n < 2; n++) {
    await page.goBack();
    await page.waitForLoadState();
    await expect(page.locator('body')).not.toContainText('Amina');
    await expect(page.locator('body')).not.toContainText('spr-ak2');
  }
  // Whatever the back button reached, the personal pages themselves ask for a sign-in again.
  await page.goto('/me');
  await expect(page).toHaveURL(/\/tablet(\?|$)/);
  await expectAccessible(page);
});

test('/me is a few large tiles for the participant, with no staff tables', async ({ page }) => {
  await tabletSignIn(page);
  for (const id of ['elp-open', 'tile-ladder', 'tile-passport', 'tile-hours']) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box && box.height >= 88 && box.width >= 200, `${id} is a large tile`).toBeTruthy();
  }
  await expect(page.locator('main table')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByTestId('tile-hours').click();
  await expect(page.getByTestId('my-hours')).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId('back-me').click();
  await expect(page.getByTestId('start-participant')).toBeVisible();
});
