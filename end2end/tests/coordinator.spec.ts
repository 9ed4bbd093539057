import { test, expect } from '@playwright/test';
import { expectAccessible, hydrated, signInStaff, stockholmDay, STAFF } from './helpers';

test('a coordinator signs in and sees the programme overview', async ({ page }) => {
  await signInStaff(page, STAFF.coordinator);
  await expect(page.getByTestId('start-coordinator')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Participants' })).toBeVisible();
  await expectAccessible(page);
});

test('a coordinator creates a participant and sees the record with its history', async ({ page }, info) => {
  const ref = `E2E-${info.project.name}-${Date.now() % 100000}`;
  await signInStaff(page, STAFF.coordinator);
  await page.goto('/participants/new');
  await hydrated(page);
  await expectAccessible(page);
  await page.getByLabel('Reference').fill(ref);
  await page.getByLabel('Given name').fill('Testa');
  await page.getByLabel('Family name').fill('Person');
  await page.getByLabel('Gender').selectOption('female');
  await page.getByLabel('Year of birth').fill('1990');
  await page.getByRole('combobox', { name: 'School', exact: true }).fill('Farstaskolan');
  await page.getByRole('combobox', { name: 'District', exact: true }).fill('Farsta');
  await page.getByLabel('Start date').fill('2026-09-01');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('participant-name')).toHaveText('Testa Person');
  await expect(page.getByTestId('history')).toContainText(ref);
  await expect(page.getByTestId('eligibility')).toBeVisible();
  await expectAccessible(page);
});

test('an invalid participant shows the problem next to the field and saves nothing', async ({ page }) => {
  await signInStaff(page, STAFF.coordinator);
  await page.goto('/participants/new');
  await hydrated(page);
  await page.getByLabel('Reference').fill('P-BAD1');
  await page.getByLabel('Given name').fill('Fel');
  await page.getByLabel('Family name').fill('Årtal');
  await page.getByLabel('Year of birth').fill('1850');
  await page.getByRole('combobox', { name: 'School', exact: true }).fill('Farstaskolan');
  await page.getByRole('combobox', { name: 'District', exact: true }).fill('Farsta');
  await page.getByLabel('Start date').fill('2026-09-01');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('error')).toBeVisible();
  await expect(page.getByLabel('Year of birth')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.goto('/participants?q=P-BAD1');
  await expect(page.getByTestId('result-count')).toHaveText('0 participants');
});

test('a coordinator imports a CSV file after checking its report', async ({ page }, info) => {
  const ref = `IMP-${info.project.name}-${Date.now() % 100000}`;
  const csv = [
    'participant_ref;given_name;family_name;gender;school;district;start_date;planned_terms;languages',
    `${ref};Imre;Import;male;Vantörskolan;Vantör;2026-08-17;2;ar,en`,
  ].join('\n');
  await signInStaff(page, STAFF.coordinator);
  await page.goto('/import');
  await expectAccessible(page);
  await page.getByLabel('Participants file (CSV)').setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('upload-form').getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('1 new');
  await expectAccessible(page);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-summary')).toContainText('Imported: 1 new');
  await page.goto(`/participants?q=${ref}`);
  await expect(page.getByTestId('result-count')).toHaveText('One participant');
  await expectAccessible(page);
});

test('an invalid CSV file is reported row by row and nothing is imported', async ({ page }) => {
  const csv = [
    'participant_ref;given_name;family_name;gender;school;district;start_date;planned_terms',
    'BAD-1;Ok;Row;female;Vantörskolan;Vantör;2026-08-17;2',
    'BAD-2;Bad;Gender;robot;Vantörskolan;Vantör;2026-08-17;2',
  ].join('\n');
  await signInStaff(page, STAFF.coordinator);
  await page.goto('/import');
  await page.getByLabel('Participants file (CSV)').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('upload-form').getByRole('button', { name: 'Check the file' }).click();
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('gender');
  await expect(problems).toContainText('robot');
  await expect(page.getByTestId('import-confirm')).toHaveCount(0);
  await expectAccessible(page);
  await page.goto('/participants?q=BAD-1');
  await expect(page.getByTestId('result-count')).toHaveText('0 participants');
});

test('a file of more than a megabyte is checked in the background while its page follows', async ({ page }, info) => {
  const rows = ['participant_ref;given_name;family_name;gender;school;district;start_date;planned_terms'];
  for (let i = 0; i < 22000; i++) rows.push(`BIG-${info.project.name}-${i};Stor;Fil;female;Vantörskolan;Vantör;2026-08-17;2`);
  rows.push(`BIG-${info.project.name}-last;Fel;Kön;robot;Vantörskolan;Vantör;2026-08-17;2`);
  const csv = rows.join('\n');
  expect(csv.length).toBeGreaterThan(1024 * 1024);
  await signInStaff(page, STAFF.coordinator);
  await page.goto('/import');
  await page.getByLabel('Participants file (CSV)').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('upload-form').getByRole('button', { name: 'Check the file' }).click();
  await expect(page).toHaveURL(/\/import\/\d+$/);
  // The upload's page shows the check's progress until the report replaces it (the island
  // reloads the page when the check ends).
  if (await page.getByTestId('import-progress').isVisible()) {
    await expect(page.getByRole('progressbar', { name: 'Checking the file' })).toBeVisible();
    await expectAccessible(page);
  }
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('robot', { timeout: 60_000 });
  await expect(page.getByTestId('import-confirm')).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(`/participants?q=BIG-${info.project.name}-1`);
  await expect(page.getByTestId('result-count')).toHaveText('0 participants');
});

test('a coordinator deactivates a staff account and reactivates it', async ({ page }) => {
  await signInStaff(page, STAFF.coordinator);
  await page.goto('/staff');
  const row = page.getByTestId('staff-larare2@example.se');
  await expect(row).toContainText('Active');
  await expectAccessible(page);
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByTestId('staff-larare2@example.se')).toContainText('Deactivated');
  await page.getByTestId('staff-larare2@example.se').getByRole('button', { name: 'Reactivate' }).click();
  await expect(page.getByTestId('staff-larare2@example.se')).not.toContainText('Deactivated');
  // The coordinator's own row has no such buttons.
  await expect(page.getByTestId('staff-samordnare@example.se').getByRole('button')).toHaveCount(0);
});

test('a coordinator resets a password and its owner must choose a new one', async ({ page }) => {
  await signInStaff(page, STAFF.coordinator);
  await page.goto('/staff');
  await page.getByRole('button', { name: 'Reset the password of Tomas Lärare' }).click();
  const notice = page.getByTestId('one-time-password');
  await expect(notice).toContainText('larare2@example.se');
  const otp = (await notice.locator('code').innerText()).trim();
  expect(otp).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(page.getByTestId('staff-larare2@example.se')).toContainText('must change password');
  await expectAccessible(page);
  await page.getByTestId('sign-out').click();

  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill('larare2@example.se');
  await page.getByLabel('Password').fill(otp);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/password(\?.*)?$/);
  await expect(page.getByTestId('must-change-password')).toBeVisible();
  await expectAccessible(page);
  // Every other page sends back here until the password is changed.
  await page.goto('/participants');
  await expect(page).toHaveURL(/\/password(\?.*)?$/);
  await page.getByLabel(/^Current password/).fill(otp);
  await page.getByLabel(/^New password(?! again)/).fill('tomas own password');
  await page.getByLabel(/^New password again/).fill('tomas own password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('start-teacher')).toBeVisible();
  await page.goto('/participants');
  await expect(page).toHaveURL(/\/participants$/);
});

test('a coordinator sees in the access log that a mentor read a participant', async ({ page, browser }) => {
  const mentor = await (await browser.newContext()).newPage();
  await signInStaff(mentor, STAFF.mentor);
  await mentor.getByTestId('mentor-participants').getByRole('link', { name: 'Amina Hassan' }).click();
  await expect(mentor.getByTestId('participant-name')).toHaveText('Amina Hassan');
  await mentor.context().close();

  await signInStaff(page, STAFF.coordinator);
  await page.goto('/participants?q=Amina');
  await page.getByRole('link', { name: 'Amina Hassan' }).first().click();
  await expect(page.getByTestId('participant-name')).toHaveText('Amina Hassan');
  await page.getByTestId('participant-access-log').click();
  await expect(page.getByRole('heading', { name: 'Access log' })).toBeVisible();
  const read = page.getByTestId('access-entry')
    .filter({ hasText: '(Mentor)' })
    .filter({ hasText: 'register details' });
  await expect(read.first()).toBeVisible();
  await expectAccessible(page);
  // The log of one day only: the filter keeps the participant.
  const today = stockholmDay();
  await page.getByLabel('From').fill(today);
  await page.getByLabel('To', { exact: true }).fill(today);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/participant=\d+/);
  await expect(read.first()).toBeVisible();
});

test('a coordinator downloads a participant\'s data and erases them after confirming', async ({ page }, info) => {
  const ref = `ERA-${info.project.name}-${Date.now() % 100000}`;
  await signInStaff(page, STAFF.coordinator);
  await page.goto('/participants/new');
  await hydrated(page);
  await page.getByLabel('Reference').fill(ref);
  await page.getByLabel('Given name').fill('Erik');
  await page.getByLabel('Family name').fill('Raderad');
  await page.getByLabel('Gender').selectOption('male');
  await page.getByRole('combobox', { name: 'School', exact: true }).fill('Farstaskolan');
  await page.getByRole('combobox', { name: 'District', exact: true }).fill('Farsta');
  await page.getByLabel('Start date').fill('2026-09-01');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('participant-name')).toHaveText('Erik Raderad');

  // Everything held about them, as one ZIP.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('person-data-zip').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${ref}-uppgifter.zip`);

  await page.getByTestId('person-erase-link').click();
  await expect(page.getByRole('heading', { name: 'Erase participant' })).toBeVisible();
  await expect(page.getByTestId('erase-target')).toContainText(ref);
  await expect(page.getByTestId('erase-open')).toBeVisible();
  await expectAccessible(page);

  // A reference that is not theirs is refused on its field, and nothing is erased.
  await page.getByLabel('Erase anyway, although the introduction is open').check();
  await page.getByLabel('The participant\'s reference').fill('NOT-THEM');
  await page.getByRole('button', { name: 'Erase the participant for good' }).click();
  await expect(page.getByLabel('The participant\'s reference')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('erase-target')).toContainText(ref);
  await expectAccessible(page);

  await page.getByLabel('Erase anyway, although the introduction is open').check();
  await page.getByLabel('The participant\'s reference').fill(ref);
  await page.getByRole('button', { name: 'Erase the participant for good' }).click();
  await expect(page).toHaveURL(/\/data-protection/);
  await expect(page.getByTestId('erase-done')).toContainText('erased:');
  await expectAccessible(page);
  await page.goto(`/participants?q=${ref}`);
  await expect(page.getByTestId('result-count')).toHaveText('0 participants');
});

test('a coordinator records an exit talk and opens the indicators', async ({ page }, info) => {
  const ref = `OUT-${info.project.name}-${Date.now() % 100000}`;
  await signInStaff(page, STAFF.coordinator);
  await page.goto('/participants/new');
  await hydrated(page);
  await page.getByLabel('Reference').fill(ref);
  await page.getByLabel('Given name').fill('Olle');
  await page.getByLabel('Family name').fill('Utfall');
  await page.getByLabel('Gender').selectOption('male');
  await page.getByRole('combobox', { name: 'School', exact: true }).fill('Farstaskolan');
  await page.getByRole('combobox', { name: 'District', exact: true }).fill('Farsta');
  await page.getByLabel('Start date').fill('2026-09-01');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('participant-name')).toHaveText('Olle Utfall');
  await expect(page.getByTestId('outcome-none')).toBeVisible();

  await page.getByText('Record the exit talk').click();
  const form = page.getByTestId('outcome-form');
  await form.getByLabel('Date of the exit talk').fill(stockholmDay());
  await form.getByLabel('Ending').selectOption('left_early');
  await form.getByLabel('Activity afterwards').selectOption('education');
  await form.getByLabel('Self-sufficiency').selectOption('partial');
  await form.getByRole('button', { name: 'Save the outcome' }).click();
  await expect(page.getByTestId('outcome')).toContainText('left early');
  await expect(page.getByTestId('outcome')).toContainText('education');
  await expectAccessible(page);

  await page.goto('/indicators');
  await expect(page.getByRole('heading', { name: 'Indicators' })).toBeVisible();
  await expect(page.getByTestId('indicators-gender')).toContainText('All');
  await expect(page.getByTestId('indicators-csv')).toBeVisible();
  await expectAccessible(page);

  // The city's targets, each against its goal in words, the weekly minimum, the levels, the chart.
  const targets = page.getByTestId('indicators-targets');
  await expect(targets.getByRole('heading', { name: 'The city\'s targets' })).toBeVisible();
  await expect(page.getByTestId('target-self_sufficient_18_months')).toContainText('target 50 %');
  await expect(page.getByTestId('target-self_sufficient_18_months-counted')).toContainText('whose 18 months have passed');
  await expect(page.getByTestId('target-sfi_passed_12_months')).toContainText('target at least 30 %');
  await expect(page.getByTestId('target-sfi_passed_12_months-all')).toContainText(/Met|Not met|Nobody to judge yet/);
  await expect(page.getByTestId('indicators-weeks')).toContainText('Share met');
  await expect(page.getByTestId('indicators-levels')).toContainText('Listening');
  await expect(page.getByTestId('indicators-chart').locator('svg[role="img"] title')).toHaveText('Main figures by gender');

  // The funders' workbook.
  const [workbook] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('indicators-xlsx').click(),
  ]);
  expect(workbook.suggestedFilename()).toBe('indicators.xlsx');
});
