import { test, expect } from '@playwright/test';
import { expectAccessible } from './helpers';

test('a participant signs in on the tablet with code and PIN', async ({ page }) => {
  await page.goto('/tablet');
  await expectAccessible(page);
  await page.getByLabel('Personlig kod').fill('spr-ak2');
  await page.getByLabel('PIN-kod').fill('9999');
  await page.getByRole('button', { name: 'Börja' }).click();
  await expect(page.getByTestId('error')).toBeVisible();
  await page.getByLabel('Personlig kod').fill('spr-ak2');
  await page.getByLabel('PIN-kod').fill('1234');
  await page.getByRole('button', { name: 'Börja' }).click();
  await expect(page.getByTestId('start-participant')).toContainText('Hej Amina!');
  await expectAccessible(page);
  // A participant cannot open the register.
  await page.goto('/participants');
  await expect(page.getByTestId('error')).toBeVisible();
});

test('tablet targets are at least 44 px', async ({ page }) => {
  await page.goto('/tablet');
  for (const name of ['Börja', 'English', 'Svenska']) {
    const box = await page.getByRole('button', { name }).boundingBox();
    expect(box && box.height >= 44 && box.width >= 44, `${name} is at least 44x44`).toBeTruthy();
  }
});
