import { expect, startConsoleHost, test } from '../support/e2e/fixtures';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
});

test('a tab that lost its console says so, takes no input, and carries on with the form intact when the console is back', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const description = page.getByLabel('What the applicant says');
  await description.focus();
  await page.keyboard.type('Gunshots at the market');
  await expect(page.getByTestId('connectivity')).toBeVisible();

  await host.stop('SIGKILL');
  const overlay = page.getByRole('alertdialog');
  await expect(overlay).toContainText('The console is not running — reconnecting…');
  await expect(page.getByTestId('connectivity')).toHaveText('Console not answering');
  await page.keyboard.type(', typed into nothing');
  await page.keyboard.press('Alt+N');
  await expect(description).toHaveValue('Gunshots at the market');
  await expect(description).not.toBeFocused();

  // The same data folder on the same port: the same secret, so this very tab reconnects by itself.
  const restarted = await startConsoleHost(host.dataDir, Number(new URL(host.origin).port));
  try {
    await expect(overlay).toBeHidden();
    await expect(description).toHaveValue('Gunshots at the market');
    await description.focus();
    await page.keyboard.type(', two wounded');
    await expect(page.getByTestId('card-list-item')).toContainText('Gunshots at the market, two wounded');
  } finally {
    await restarted.stop();
  }
});
