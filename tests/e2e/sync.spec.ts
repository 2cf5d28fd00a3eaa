import { consoleWithCentral, freePort, signIn, startCentral } from '../support/e2e/central';
import { expect, test } from '../support/e2e/centralTest';

test.describe('sync with central', () => {
  test.describe.configure({ timeout: 240_000 });
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
  });

  test("signs in against central and shows central's reason on a card it rejected", async ({
    page,
    withCentral,
  }) => {
    // The zero-setup default a newcomer starts with: central on embedded PGlite.
    const { host } = await withCentral({}, { database: 'pglite' });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Sign in to the 102 console' })).toBeVisible();
    await signIn(page, 'operator', 'wrong');
    await expect(page.getByRole('alert')).toContainText('Wrong login or password.');
    await signIn(page, 'operator', 'operator');
    await expect(page.getByTestId('session')).toContainText('Асель Нурланова');
    await expect(page.getByTestId('connectivity')).toContainText('Online');

    await page.getByLabel('What the applicant says').fill('Someone is shouting in the yard');
    await expect(page.getByTestId('card-list-item')).toHaveCount(1);
    // The form names what is missing first (issue 12); sent again as it is, central decides.
    const send = page.getByRole('button', { name: 'Send to the senior inspector' });
    await send.click();
    await expect(page.getByTestId('card-send-missing')).toBeVisible();
    await send.click();
    await expect(page.getByTestId('card-list-item').getByTestId('card-sync')).toContainText(
      'Refused by central',
    );
    const banner = page.getByTestId('card-refusal');
    await expect(banner).toContainText('Central refused a step of this card');
    // Central's refusal is shown translated (renderer/features/refusals), never its English detail.
    await expect(banner).toContainText('Fill in before sending: category and place');
    await expect(banner).not.toContainText('location or address');
    await expect(banner).toContainText('The card shows central’s version.');
    await expect(page.getByTestId('unsent-count')).toHaveText('Unsent: 0');
  });

  test('signs in offline only an account that signed in here before, and syncs its cards when central returns', async ({
    page,
    dataDir,
  }) => {
    const port = await freePort();
    let central = await startCentral(port);
    const host = await consoleWithCentral(dataDir, port);
    try {
      await page.goto(host.url);
      await signIn(page, 'operator', 'operator');
      await expect(page.getByTestId('session')).toContainText('Асель Нурланова');
      const ownTerritory = page.getByRole('button', { name: /^Show my territory: Almaty/ });
      await expect(ownTerritory).toBeVisible();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await central.stop();

      await signIn(page, 'inspector', 'inspector');
      await expect(page.getByRole('alert')).toContainText(
        'this account has never signed in on this workstation',
      );
      await signIn(page, 'operator', 'operator');
      await expect(page.getByTestId('session')).toContainText('signed in offline');
      await expect(page.getByTestId('connectivity')).toContainText('Offline');
      // The territory and its districts came with the online sign-in: they are there with central down.
      await expect(ownTerritory).toBeVisible();
      await page.getByLabel('Latitude').fill('43.2382');
      await page.getByLabel('Longitude').fill('76.9568');
      await expect(page.getByTestId('card-territory')).toHaveText('Territory: Medeu District Police');

      await page.getByLabel('What the applicant says').fill('A car blocks the ambulance entrance');
      await page.getByLabel('Category').selectOption('trafficViolation');
      await page.keyboard.press('Control+s');
      await expect(page.getByTestId('unsent-count')).toHaveText('Unsent: 1');
      await expect(page.getByTestId('card-sync')).toHaveCount(2);
      await expect(page.getByTestId('card-list-item').getByTestId('card-sync')).toHaveText(
        'On this console only',
      );

      central = await startCentral(port);
      await page.keyboard.press('Alt+y');
      await expect(page.getByTestId('unsent-count')).toHaveText('Unsent: 0', { timeout: 30_000 });
      await expect(page.getByTestId('card-number')).toHaveText(/No\. [A-Z]+-\d{4}-\d{6}/);
      await expect(page.getByTestId('session')).not.toContainText('signed in offline');
    } finally {
      await host.stop();
      await central.stop();
    }
  });
});
