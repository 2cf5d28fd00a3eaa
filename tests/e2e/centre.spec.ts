import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { consoleWithCentral, deskWithCentral, signIn } from '../support/e2e/central';
import type { ConsoleHost } from '../support/e2e/fixtures';
import { expect, test } from '../support/e2e/fixtures';

const ALMATY = { lat: 43.2567, lon: 76.9286 };

async function call<T>(url: string, method: string, body?: unknown, token?: string): Promise<T> {
  const r = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${method} ${url} answered ${r.status}: ${await r.text()}`);
  return (await r.json()) as T;
}

const tokenOf = async (centralUrl: string, login: string) =>
  (await call<{ accessToken: string }>(`${centralUrl}/api/auth/login`, 'POST', { login, password: login }))
    .accessToken;

/** A citizen's appeal from the 102 app in central Almaty, anonymous (no identity is needed here). */
const appeal = (centralUrl: string, kind: 'text' | 'sos' | 'callRequest', text = 'Шум во дворе') =>
  call<{ id: string }>(`${centralUrl}/api/appeals`, 'POST', {
    channel: kind === 'sos' ? 'sos' : 'app102',
    language: 'ru',
    location: ALMATY,
    anonymous: true,
    kind,
    ...(kind === 'text'
      ? { category: 'otherOffence', text }
      : kind === 'callRequest'
        ? { media: 'video' }
        : {}),
  });

/** What the operators' consoles would push: cards created, filled or not, sent, taken. */
async function push(centralUrl: string, token: string, operations: unknown[]): Promise<void> {
  await call(`${centralUrl}/api/sync/push`, 'POST', { operations }, token);
}
const at = () => new Date().toISOString();
const create = (cardId: string, fields: Record<string, unknown>) => ({
  id: uuidv7(),
  type: 'card.create',
  cardId,
  createdAt: at(),
  payload: { fields },
});
const step = (cardId: string, transition: string) => ({
  id: uuidv7(),
  type: 'card.transition',
  cardId,
  createdAt: at(),
  payload: { transition },
});
const filled = {
  description: 'Двое мужчин дерутся у подъезда',
  category: 'otherOffence',
  location: { ...ALMATY, source: 'map' },
  addressText: 'ул. Абая, 10',
};

/** mm:ss or h:mm:ss as seconds. */
const seconds = (clock: string) => clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);

async function anOperatorsDay(page: Page) {
  await page.addInitScript(() => {
    localStorage.setItem('console102.readinessIntroduced', '1');
    localStorage.setItem('console102.language', 'en');
  });
}

test.describe('the supervisor’s view of the centre (§16, issue 14 item 4)', () => {
  test.describe.configure({ timeout: 300_000 });

  test('follows operators, what waits and the cards live, in kk and ru, and says plainly when it is stale', async ({
    browser,
    page,
    dataDir,
  }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await anOperatorsDay(page);
    const desk = await deskWithCentral(page, dataDir, 'supervisor');
    const { central, port } = desk;
    const operatorDir = `${dataDir}-operator`;
    mkdirSync(operatorDir, { recursive: true });
    const operatorHost = await consoleWithCentral(operatorDir, port);
    const operator = await browser.newPage();
    try {
      await page.keyboard.press('Alt+6');
      await expect(page.getByRole('heading', { name: 'The operations centre now' })).toBeVisible();

      // The operator signs in at their console: the supervisor sees them available, with no reload.
      await anOperatorsDay(operator);
      await operator.goto(operatorHost.url);
      await signIn(operator, 'operator', 'operator');
      await expect(operator.getByTestId('connectivity')).toContainText('Online', { timeout: 60_000 });
      const asel = page.getByTestId('centre-operator').filter({ hasText: 'Асель Нурланова' });
      await expect(asel).toHaveAttribute('data-state', 'available', { timeout: 30_000 });

      // In a call, then away: the supervisor's view follows each change.
      await operator.getByTestId('presence').selectOption('busy');
      await expect(asel).toHaveAttribute('data-state', 'inCall', { timeout: 15_000 });
      await expect(asel).toContainText('In a call');
      await operator.getByTestId('presence').selectOption('away');
      await expect(asel).toHaveAttribute('data-state', 'away', { timeout: 15_000 });

      // A text appeal waits, and its waiting time grows on the screen by itself.
      const text = await appeal(central.url, 'text', 'Соседи шумят третий час');
      const waitingText = page.getByTestId('centre-waiting').filter({ hasText: 'Text appeal' });
      await expect(waitingText).toHaveCount(1, { timeout: 15_000 });
      const age = waitingText.getByTestId('centre-waiting-age');
      const first = seconds(await age.innerText());
      await expect
        .poll(async () => seconds(await age.innerText()), { timeout: 10_000 })
        .toBeGreaterThan(first + 1);
      await expect(page.getByTestId('centre-figure-waitingTexts')).toHaveText('1');
      expect(text.id).toBeTruthy();

      // A shift's worth of figures: more appeals, a call left to escalate, cards at every stage.
      await appeal(central.url, 'text', 'Машина стоит на газоне');
      await appeal(central.url, 'sos');
      await appeal(central.url, 'callRequest');
      const operatorToken = await tokenOf(central.url, 'operator');
      const inspectorToken = await tokenOf(central.url, 'inspector');
      const [draft, halfDraft, sent1, sent2, taken] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
      await push(central.url, operatorToken, [
        create(draft, { description: '', category: null, location: null }),
        create(halfDraft, { description: 'Драка у магазина', category: null, location: null }),
        create(sent1, filled),
        create(sent2, { ...filled, description: 'ДТП на перекрёстке', category: 'roadAccident' }),
        create(taken, filled),
      ]);
      await push(central.url, operatorToken, [
        step(sent1, 'sendToInspector'),
        step(sent2, 'sendToInspector'),
        step(taken, 'sendToInspector'),
      ]);
      await push(central.url, inspectorToken, [step(taken, 'startResponse')]);

      await expect(page.getByTestId('centre-figure-openCards')).toHaveText('5', { timeout: 15_000 });
      await expect(page.getByTestId('centre-status-sentToInspector')).toContainText('2');
      await expect(page.getByTestId('centre-ack')).toHaveCount(2);
      await expect(page.getByTestId('centre-ack').first()).toContainText('Not taken yet: red in');
      await expect(page.getByTestId('centre-attention').filter({ hasText: 'Missing:' })).toHaveCount(2);
      // The SOS and the call unanswered past the escalation time (20 s) are highlighted; the texts are not.
      await expect(
        page.getByTestId('centre-waiting').filter({ hasText: 'Waiting too long: rings the supervisor' }),
      ).toHaveCount(2, { timeout: 40_000 });
      await expect(
        page.locator('[data-testid="centre-waiting"][data-kind="text"].centre-row--alarm'),
      ).toHaveCount(0);

      // The keyboard reaches every list: Tab moves from one to the next.
      await page.getByRole('list', { name: 'Waiting for an operator' }).focus();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('list', { name: 'Operators' })).toBeFocused();

      for (const [button, language, away] of [
        ['Қазақша', 'kk', 'Орнында жоқ'],
        ['Русский', 'ru', 'Отошёл'],
      ] as const) {
        await page.getByRole('button', { name: button }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(asel).toContainText(away);
        await page.screenshot({ path: testInfo.outputPath(`centre-${language}.png`) });
      }

      // Central goes away: the last copy stays, marked stale with its age, and its clocks still tick.
      await central.stop();
      await expect(page.getByTestId('centre-stale')).toContainText('УСТАРЕЛО', { timeout: 30_000 });
      await expect(asel).toHaveAttribute('data-state', 'away');
      await page.screenshot({ path: testInfo.outputPath('centre-ru-stale.png') });
    } finally {
      await operator.close();
      await operatorHost.stop();
      await desk.stop();
    }
  });

  test('after a restart with central down, shows the last copy kept on disk, stale with its age, in kk and ru', async ({
    page,
    dataDir,
  }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await anOperatorsDay(page);
    const desk = await deskWithCentral(page, dataDir, 'supervisor');
    let restarted: ConsoleHost | null = null;
    try {
      await appeal(desk.central.url, 'text', 'Соседи шумят третий час');
      await page.keyboard.press('Alt+6');
      await expect(page.getByTestId('centre-figure-waitingTexts')).toHaveText('1', { timeout: 15_000 });
      await expect(page.getByTestId('centre-updated')).toBeVisible();

      // Central goes down, and the console is closed and started again on the same data folder.
      await desk.stop();
      restarted = await consoleWithCentral(dataDir, desk.port);
      await page.goto(restarted.url);
      await signIn(page, 'supervisor', 'supervisor');
      await expect(page.getByTestId('connectivity')).not.toContainText('Online', { timeout: 30_000 });
      await page.keyboard.press('Alt+6');
      await expect(page.getByTestId('centre-stale')).toContainText('STALE', { timeout: 30_000 });
      await expect(page.getByTestId('centre-stale')).toContainText('ago');
      await expect(page.getByTestId('centre-figure-waitingTexts')).toHaveText('1');
      await expect(page.getByTestId('centre-waiting')).toHaveCount(1);
      await expect(page.getByTestId('centre-updated')).toHaveCount(0);

      for (const [button, language, stale] of [
        ['Қазақша', 'kk', 'ЕСКІРГЕН'],
        ['Русский', 'ru', 'УСТАРЕЛО'],
      ] as const) {
        await page.getByRole('button', { name: button }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page.getByTestId('centre-stale')).toContainText(stale);
        await page.screenshot({ path: testInfo.outputPath(`centre-restarted-${language}.png`) });
      }
    } finally {
      await restarted?.stop();
      await desk.stop();
    }
  });
});
