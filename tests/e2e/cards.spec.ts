import { expect, startConsoleHost, test } from '../support/e2e/fixtures';

test.describe('the operator fills in a card', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
  });

  test('creates a card with the map, and it is still there after the console restarts', async ({
    page,
    host,
  }) => {
    await page.goto(host.url);
    await expect(page.getByText('No cards yet')).toBeVisible();
    // The whole card is taller than the window: the form scrolls, and its fields keep their height.
    const described = await page.getByLabel('What the applicant says').boundingBox();
    expect(described?.height).toBeGreaterThan(100);

    await page
      .getByLabel('What the applicant says')
      .fill('Two cars collided near the market; one driver injured');
    await page.getByLabel('Category').selectOption('roadAccident');
    const map = page.getByTestId('incident-map').locator('.leaflet-container');
    await expect(page.getByText('Region borders are approximate')).toBeVisible();
    const box = await map.boundingBox();
    if (!box) throw new Error('map not laid out');
    // Central Kazakhstan: a place abroad would be marked and kept only on this console.
    await map.click({ position: { x: box.width * 0.55, y: box.height * 0.45 } });
    await expect(page.getByLabel('Latitude')).not.toHaveValue('');
    await expect(page.getByText('from map')).toBeVisible();
    const lat = Number(await page.getByLabel('Latitude').inputValue());
    const lon = Number(await page.getByLabel('Longitude').inputValue());
    expect(lat).toBeGreaterThan(35);
    expect(lat).toBeLessThan(60);
    expect(lon).toBeGreaterThan(45);
    expect(lon).toBeLessThan(90);

    await page.keyboard.press('Control+s');
    await expect(page.getByRole('heading', { name: 'Card No. 1' })).toBeVisible();
    await expect(page.getByTestId('card-list-item')).toHaveCount(1);

    await host.stop();
    await expect(page.getByTestId('console-lost')).toBeVisible();
    const restarted = await startConsoleHost(host.dataDir);
    try {
      await page.goto(restarted.url);
      const item = page.getByTestId('card-list-item');
      await expect(item).toHaveCount(1);
      await expect(item).toContainText('Two cars collided near the market');
      await expect(item).toContainText('Road traffic accident');
      await item.click();
      await expect(page.getByLabel('Latitude')).toHaveValue(String(lat));
      await expect(page.getByLabel('Longitude')).toHaveValue(String(lon));
    } finally {
      await restarted.stop();
    }
  });

  test('types coordinates by hand and is told clearly when one is wrong', async ({ page, host }) => {
    await page.goto(host.url);
    await page.getByLabel('What the applicant says').fill('Loud fight in the flat upstairs');
    await page.getByLabel('Latitude').fill('95');
    await page.getByLabel('Longitude').fill('76,95');
    await page.getByRole('button', { name: /Save draft/ }).click();
    await expect(page.getByRole('alert')).toContainText('Latitude is a number from -90 to 90.');
    // Autosave may already have kept the description (nothing typed is lost); the wrong coordinates are never saved.

    await page.getByLabel('Latitude').fill('43,25');
    await page.getByRole('button', { name: /Save draft/ }).click();
    await expect(page.getByTestId('card-list-item')).toHaveCount(1);
    await expect(page.getByTestId('card-place-source')).toContainText('typed');
  });

  test('shows citizen text as text, never as markup', async ({ page, host }) => {
    await page.goto(host.url);
    const hostile = '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>';
    await page.getByLabel('What the applicant says').fill(hostile);
    await page.keyboard.press('Control+s');
    await expect(page.getByTestId('card-list-item')).toContainText(hostile);
    await expect(page.locator('.card-list img')).toHaveCount(0);
    expect(await page.title()).toBe('102');
  });

  test('opens the shortcut help with F1 and closes it with Escape', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByTestId('role')).toHaveText('102 operator');
    await page.keyboard.press('F1');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Alt+N');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});
