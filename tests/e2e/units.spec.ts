import { v7 as uuidv7 } from 'uuid';
import { deskWithCentral } from '../support/e2e/central';
import { expect, test } from '../support/e2e/fixtures';

/** Central's answer as JSON (e2e tests call central over plain HTTP, as the vehicle systems do). */
async function call<T>(base: string, method: string, path: string, token?: string, body?: unknown) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as T };
}
const loginAs = async (base: string, login: string) =>
  (
    await call<{ accessToken: string }>(base, 'POST', '/api/auth/login', undefined, {
      login,
      password: login,
    })
  ).body.accessToken;

/** Almaty, near the city's demo units (the simulator drives them around the department's seat). */
const PLACE = { lat: 43.2567, lon: 76.9286, source: 'map' as const };

test.describe('units on the card’s map and in its units panel (§13)', () => {
  test.describe.configure({ timeout: 300_000 });

  test('the demo units move on the inspector’s map, nearest first in the panel; two are dispatched with the keyboard', async ({
    page,
    dataDir,
  }, testInfo) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
    const desk = await deskWithCentral(page, dataDir, 'inspector');
    try {
      // The operator sends a card of Almaty to the senior inspector (through central, as an operator's console would).
      const base = desk.central.url;
      const operator = await loginAs(base, 'operator');
      const cardId = uuidv7();
      const createdAt = new Date().toISOString();
      const fields = {
        description: 'Төбелес, екі адам',
        category: 'otherOffence',
        location: PLACE,
        urgent: true,
      };
      const pushed = await call<{ results: { status: string }[] }>(base, 'POST', '/api/sync/push', operator, {
        operations: [
          { id: uuidv7(), type: 'card.create', cardId, createdAt, payload: { fields } },
          {
            id: uuidv7(),
            type: 'card.transition',
            cardId,
            createdAt,
            payload: { transition: 'sendToInspector' },
          },
        ],
      });
      expect(pushed.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);

      await page.keyboard.press('Alt+1');
      const item = page.getByTestId('card-list-item').filter({ hasText: 'Төбелес' });
      await expect(item).toBeVisible({ timeout: 60_000 });
      await item.click();

      // The simulator's positions arrive on the map and keep moving.
      const map = page.locator('.leaflet-container');
      await expect(map).toHaveAttribute('data-units-drawn', /^[1-9]\d*$/, { timeout: 30_000 });
      const firstMove = Number(await map.getAttribute('data-units-moved-at'));
      await expect
        .poll(async () => Number(await map.getAttribute('data-units-moved-at')), { timeout: 15_000 })
        .toBeGreaterThan(firstMove);

      // Nearest first, with distance, ETA and position age; only the territory's units (Almaty's).
      const rows = page.getByTestId('unit-row');
      await expect(rows.first()).toContainText(/km · ~\d+ min/);
      await expect(rows.first()).toContainText(/position \d+ s ago/);
      const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit-id') ?? ''));
      expect(ids.length).toBeGreaterThan(2);
      expect(ids.every((id) => id.startsWith('kz-almaty'))).toBe(true);

      // Keyboard only: Alt+B, Enter, down, Space, Alt+Shift+B.
      const free = await rows.evaluateAll((els) =>
        els
          .filter((e) => e.getAttribute('data-status') === 'free')
          .map((e) => e.getAttribute('data-unit-id')),
      );
      expect(free.length).toBeGreaterThan(1);
      await page.keyboard.press('Alt+B');
      await expect(page.locator('#units-panel-list')).toBeFocused();
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press(' ');
      await expect(page.getByTestId('units-panel')).toContainText('2 chosen');
      const chosen = await rows.evaluateAll((els) =>
        els
          .filter((e) => e.getAttribute('aria-selected') === 'true')
          .map((e) => e.getAttribute('data-unit-id')),
      );
      await page.keyboard.press('Alt+Shift+B');
      await expect(page.getByTestId('units-notice')).toContainText('Sent:');
      for (const id of chosen)
        await expect(page.locator(`[data-unit-id="${id}"]`)).toHaveAttribute('data-status', 'enRoute', {
          timeout: 30_000,
        });
      // Central has them en route to this card.
      const live = await call<{ units: { id: string; status: string; cardId: string | null }[] }>(
        base,
        'GET',
        '/api/units/live',
        await loginAs(base, 'inspector'),
      );
      for (const id of chosen)
        expect(live.body.units.find((u) => u.id === id)).toMatchObject({ status: 'enRoute', cardId });

      for (const [button, language] of [
        ['Қазақша', 'kk'],
        ['Русский', 'ru'],
      ] as const) {
        await page.getByRole('button', { name: button }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await page.screenshot({ path: testInfo.outputPath(`units-map-${language}.png`) });
      }
    } finally {
      await desk.stop();
    }
  });
});
