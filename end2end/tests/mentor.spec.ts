import { test, expect } from '@playwright/test';
import { expectAccessible, hydrated, signInStaff, stockholmDay, STAFF } from './helpers';

test('a mentor records the placement, a talk with two steps and a checkpoint; the dashboard follows', async ({ page }) => {
  await signInStaff(page, STAFF.mentor);
  await page.getByTestId('dash-row-P-0001').getByRole('link', { name: 'Amina Hassan' }).click();
  await expect(page.getByTestId('participant-name')).toBeVisible();
  await hydrated(page);

  // The placement agreement.
  const placement = page.getByTestId('placement-section');
  await placement.locator('summary').click();
  const pform = page.getByTestId('placement-form');
  await pform.getByLabel('Workplace (school or pre-school)').fill('Farstaskolan');
  await pform.getByLabel('Role').selectOption('kitchen');
  await pform.getByLabel('Supervisor', { exact: true }).fill('Eva Ek');
  await pform.getByLabel("Supervisor's phone").fill('08-123 45 67');
  await pform.getByLabel('Job description').fill('Diskar och dukar fram.');
  await pform.getByRole('button', { name: 'Save the placement' }).click();
  await expect(page.getByTestId('placement')).toContainText('Eva Ek');
  await expect(page.getByTestId('placement')).toContainText('Kitchen');

  // A talk that was not planned: two steps reached, the next talk in two weeks.
  const talks = page.getByTestId('talks-section');
  const next = stockholmDay(-14);
  await talks.getByText('Record a talk that was not planned').click();
  const form = talks.getByTestId('talk-record');
  await form.getByLabel('Date of the talk').fill(stockholmDay());
  await form.getByLabel('Who took part').fill('Amina, mentor, Eva Ek');
  await form.getByLabel('What we talked about').fill('Trivs i köket. Vill jobba i storkök.');
  const work = form.locator('fieldset', { hasText: 'Steps reached: Work ladder' }).getByRole('checkbox').first();
  const matching = form.locator('fieldset', { hasText: 'Steps reached: Matching ladder' }).getByRole('checkbox').first();
  const workStep = (await form.locator(`label[for="${await work.getAttribute('id')}"]`).innerText()).trim();
  const matchingStep = (await form.locator(`label[for="${await matching.getAttribute('id')}"]`).innerText()).trim();
  await work.check();
  await matching.check();
  await form.getByLabel('Next talk').fill(next);
  await form.getByRole('button', { name: 'Save the talk' }).click();
  const held = talks.getByTestId('talk-held').first();
  await expect(held).toContainText('Amina, mentor, Eva Ek');
  await expect(held).toContainText(workStep);
  await expect(held).toContainText(matchingStep);
  await expect(talks.getByTestId('talks-next')).toContainText(`development talk ${next}`);

  // A checkpoint decision changes the length and the planned end.
  const before = await talks.getByTestId('talks-plan').innerText();
  await talks.getByText('Record a checkpoint decision').click();
  const cp = talks.getByTestId('checkpoint-form');
  await cp.getByLabel('Reason').fill('Behöver mer tid i SFI');
  await cp.getByRole('button', { name: 'Save the decision' }).click();
  await expect(talks.getByTestId('checkpoints')).toContainText('Behöver mer tid i SFI');
  await expect(talks.getByTestId('talks-plan')).not.toHaveText(before);
  await expectAccessible(page);

  // The dashboard's next date is the planned talk.
  await page.goto('/');
  const row = page.getByTestId('dash-row-P-0001');
  await expect(row.getByTestId('dash-next')).toContainText(next);
  await expect(row.getByTestId('dash-next')).toContainText('development talk');
  await expectAccessible(page);
});
