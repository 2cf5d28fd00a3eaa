import { v7 as uuidv7 } from 'uuid';
import { consoleWithCentral, freePort, signIn, startCentral } from '../support/e2e/central';
import { expect, test } from '../support/e2e/fixtures';
import { startTcpProxy } from '../support/sync/tcpProxy';

const MEDEU = { lat: 43.2382, lon: 76.9568, source: 'map' };

async function push(centralUrl: string, login: string, operations: unknown[]): Promise<void> {
  const signedIn = await fetch(`${centralUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: login }),
  });
  const { accessToken } = (await signedIn.json()) as { accessToken: string };
  const r = await fetch(`${centralUrl}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ operations }),
  });
  const { results } = (await r.json()) as { results: { status: string }[] };
  expect(results.map((x) => x.status)).toEqual(operations.map(() => 'applied'));
}

const step = (cardId: string, transition: string, extra: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  type: 'card.transition',
  cardId,
  createdAt: new Date().toISOString(),
  payload: { transition, ...extra },
});

test.describe('the duty unit’s reference check while central is out of reach (§15, issue 14 item 5)', () => {
  test.describe.configure({ timeout: 300_000 });

  test('is queued and shown as "will be checked when connected", then made once central is back: the warnings appear, in ru and kk', async ({
    page,
    dataDir,
  }, testInfo) => {
    const port = await freePort();
    const central = await startCentral(port);
    const proxy = await startTcpProxy();
    proxy.setTarget(port);
    const host = await consoleWithCentral(dataDir, Number(new URL(proxy.url).port));
    try {
      // A Medeu card sent, taken, forwarded to the duty unit and registered in the КУИ.
      const cardId = uuidv7();
      await push(central.url, 'operator', [
        {
          id: uuidv7(),
          type: 'card.create',
          cardId,
          createdAt: new Date().toISOString(),
          payload: {
            fields: {
              description: 'Угрожает соседу ножом',
              category: 'otherOffence',
              location: MEDEU,
              addressText: 'ул. Достык, 5',
            },
          },
        },
        step(cardId, 'sendToInspector'),
      ]);
      await push(central.url, 'inspector', [step(cardId, 'startResponse'), step(cardId, 'forwardToDuty')]);
      await push(central.url, 'duty', [step(cardId, 'register', { kuizhNumber: 'KUI-2026-000314' })]);

      await page.setViewportSize({ width: 1440, height: 900 });
      await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
      await page.goto(host.url);
      await signIn(page, 'duty', 'duty');
      await page.getByRole('button', { name: 'Русский' }).click();
      await expect(page.getByTestId('connectivity')).toContainText('На связи', { timeout: 60_000 });
      await page.keyboard.press('Alt+5');
      await expect(page.getByTestId('board-kuizh')).toHaveText('KUI-2026-000314', { timeout: 30_000 });

      // Central out of reach: the check is queued, not refused, and the card says it will be made.
      proxy.setTarget(null);
      proxy.dropAll();
      await expect(page.getByTestId('connectivity')).not.toContainText('На связи', { timeout: 60_000 });
      await page.keyboard.press('Alt+Shift+P');
      await expect(page.locator('#board-check-name')).toBeFocused();
      await page.keyboard.type('Демо Сотталған');
      await page.locator('#board-check-reason').fill('Указан заявителем как угрожающий');
      await page.locator('#board-check-reason').press('Enter');
      await expect(page.getByTestId('board-notice')).toContainText(
        'будет проверено при восстановлении связи',
      );
      await expect(page.getByTestId('board-check-queued')).toHaveText('Демо Сотталған');
      await expect(page.getByTestId('board-warning')).toHaveCount(0);
      await page.screenshot({ path: testInfo.outputPath('check-queued-ru.png') });
      await page.getByRole('button', { name: 'Қазақша' }).click();
      await expect(page.getByTestId('board-notice')).toContainText('байланыс қалпына келгенде тексеріледі');
      await page.screenshot({ path: testInfo.outputPath('check-queued-kk.png') });
      await page.getByRole('button', { name: 'Русский' }).click();

      // Central back: the check is made, its warnings reach the card, the queue empties.
      proxy.setTarget(port);
      await expect(page.getByTestId('board-warning')).toHaveCount(2, { timeout: 60_000 });
      await expect(page.getByTestId('board-check-queued')).toHaveCount(0, { timeout: 30_000 });
      await expect(page.getByTestId('board-history')).toContainText('Проверка по учётам (найдено: 2)');
      await page.screenshot({ path: testInfo.outputPath('check-made-ru.png') });
    } finally {
      await host.stop();
      await proxy.close();
      await central.stop();
    }
  });
});
