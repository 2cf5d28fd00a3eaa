import { expect, test } from '../support/e2e/fixtures';

const FIRST_CHECK_MS = 40_000;

test.describe("readiness and the map in the operator's language (issues 9 and 16)", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('in Kazakh at 1920 px every readiness heading fits its panel, units are Cyrillic, and typing proves the keyboard', async ({
    page,
    host,
  }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'kk'));
    await page.goto(host.url);
    await page.getByTestId('workstation-status').click();
    await expect(page.getByTestId('readiness-verdict')).toBeVisible({ timeout: FIRST_CHECK_MS });

    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('.readiness h2')]
        .filter((h) => {
          const panel = h.closest('.panel')?.getBoundingClientRect();
          return panel && h.getBoundingClientRect().right > panel.right;
        })
        .map((h) => h.textContent),
    );
    expect(overflowing).toEqual([]);

    await expect(page.getByTestId('readiness-item-memory')).toContainText(/\d+(,\d)? ГБ/);
    await expect(page.getByTestId('readiness-item-memory')).not.toContainText('GiB');
    // The measured value is words; the media query stays only in the explanation for the digitalisation unit.
    const mouseValue = page.getByTestId('readiness-item-mouse').locator('.readiness-items__value').first();
    await expect(mouseValue).toHaveText('Дәл көрсеткіш (тінтуір немесе сенсорлы тақта)');

    // No USB keyboard is listed on this machine; a key pressed in the window is proof of one.
    const keyboard = page.getByTestId('readiness-item-keyboard');
    await page.keyboard.press('Shift');
    await expect(keyboard).toHaveAttribute('data-status', 'pass');
    await expect(keyboard).toContainText('Пульт терезесінде перне басылды');
  });

  test('the map names cities and credits its data in the language chosen, and follows a switch', async ({
    page,
    host,
  }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'kk'));
    await page.goto(host.url);
    const map = page.getByTestId('incident-map');
    const credit = map.locator('.leaflet-control-attribution');
    await expect(map.locator('.map-city-label', { hasText: 'Қарағанды' })).toBeVisible();
    await expect(credit).toContainText('GeoNames.org деректері бар');

    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(map.locator('.map-city-label', { hasText: 'Караганда' })).toBeVisible();
    await expect(credit).toContainText('содержит данные GeoNames.org');
    await expect(credit).not.toContainText('деректері бар');
    await expect(map.locator('.map-city-label', { hasText: 'Karagandy' })).toHaveCount(0);
  });
});
