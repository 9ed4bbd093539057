import { test, expect } from '@playwright/test';
import { expectAccessible, signInStaff, STAFF } from './helpers';

test('a mentor signs in, sees their participants and opens one', async ({ page }) => {
  await signInStaff(page, STAFF.mentor);
  await expect(page.getByTestId('start-mentor')).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId('mentor-participants').getByRole('link', { name: 'Amina Hassan' }).click();
  await expect(page.getByTestId('participant-name')).toHaveText('Amina Hassan');
  await expect(page.getByTestId('sign-in-code')).toHaveText('SPR-AK2');
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expectAccessible(page);
});

test('a teacher signs in and sees their groups', async ({ page }) => {
  await signInStaff(page, STAFF.teacher);
  await expect(page.getByTestId('start-teacher')).toBeVisible();
  await expect(page.getByRole('link', { name: 'SFI C tisdag' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'SFI C tisdag' }).click();
  await expect(page.getByTestId('members')).toContainText('Amina Hassan');
  await expectAccessible(page);
});

test('a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('E-mail').fill(STAFF.mentor);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('error')).toContainText('not right');
  await expectAccessible(page);
});
