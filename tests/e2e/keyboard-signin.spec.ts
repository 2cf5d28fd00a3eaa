import { signIn } from '../support/e2e/central';
import { expect, test } from '../support/e2e/centralTest';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
});

test('after sign-in the work starts on the cards, and F1 follows the signed-in role', async ({
  page,
  withCentral,
}) => {
  // Central and the console start as processes, and several accounts sign in one after another.
  test.setTimeout(180_000);
  const { host } = await withCentral();
  const section = (name: string) => page.getByRole('navigation').getByRole('button', { name });
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await page.goto(host.url);
  await expect(page.getByLabel('Login')).toBeVisible();
  // Before sign-in a card command says what to do instead of doing nothing.
  await page.keyboard.press('Alt+N');
  await expect(page.getByTestId('command-refusal')).toHaveText('Sign in first.');

  await signIn(page, 'admin', 'admin');
  await expect(section('Workstations')).toBeVisible();
  await page.keyboard.press('F1');
  await expect(help).toContainText('Workstations');
  await expect(help).not.toContainText('Start a new card');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'operator', 'operator');
  await expect(section('Cards')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('F1');
  await expect(help).toContainText('Start a new card');
  await expect(help).not.toContainText('Workstations');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+2');
  await expect(section('Readiness')).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'inspector', 'inspector');
  await expect(section('Cards')).toHaveAttribute('aria-current', 'page');
});
