import { signIn } from '../support/e2e/central';
import { expect, test } from '../support/e2e/centralTest';

test.describe('one workstation, several accounts', () => {
  test.describe.configure({ timeout: 240_000 });
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
  });

  test("the next account at the workstation does not see the last one's cards of another territory", async ({
    page,
    withCentral,
  }) => {
    const { host } = await withCentral();
    const cards = page.getByTestId('card-list-item');
    await page.goto(host.url);
    await signIn(page, 'operator', 'operator');
    await expect(page.getByTestId('session')).toContainText('Асель Нурланова');
    await page.getByLabel('What the applicant says').fill('A bag snatched at the Bostandyq bus stop');
    await page.getByLabel('Category').selectOption('roadAccident');
    await page.getByLabel('Latitude').fill('43,2067');
    await page.getByLabel('Longitude').fill('76,9036');
    await page.keyboard.press('Control+s');
    await expect(cards).toHaveCount(1);
    await expect(cards).toContainText('Road traffic accident');
    await expect(page.getByText('Territory: Bostandyq District Police')).toBeVisible();
    // Central has routed the card to Bostandyq: nothing of it is left to send.
    await expect(page.getByTestId('unsent-count')).toHaveText('Unsent: 0', { timeout: 60_000 });
    await expect(cards.getByTestId('card-sync')).toHaveText('Synced');

    // The duty officer of Medeu sits down at the same workstation: Bostandyq's card is not theirs.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'duty', 'duty');
    await expect(page.getByTestId('session')).toContainText('Данияр Касымов');
    await page.getByRole('navigation').getByRole('button', { name: 'Cards' }).click();
    await expect(page.getByText('No cards yet')).toBeVisible();
    await expect(cards).toHaveCount(0);

    // Back with the operator, the card is where it was.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'operator', 'operator');
    await expect(page.getByTestId('session')).toContainText('Асель Нурланова');
    await page.getByRole('navigation').getByRole('button', { name: 'Cards' }).click();
    await expect(cards).toHaveCount(1);
    await expect(cards).toContainText('A bag snatched at the Bostandyq bus stop');
  });
});
