import { expect, test } from '../support/e2e/fixtures';

test('a new workstation opens once on its readiness check, then on the cards (§27)', async ({
  browser,
  host,
}) => {
  // A fresh profile, without the fixtures' "already introduced" mark.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(
    () => localStorage.getItem('console102.language') ?? localStorage.setItem('console102.language', 'en'),
  );
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Readiness' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('workstation-status')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('button', { name: 'Cards' })).toHaveAttribute('aria-current', 'page');
  await context.close();
});
