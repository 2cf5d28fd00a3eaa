import { v7 as uuidv7 } from 'uuid';
import type { AppealReceipt, ChatMessage } from '../../domain/appeals/appeal';
import type { CardFields } from '../../domain/cards/card';
import type { SyncOperation } from '../../domain/sync/sync';
import { signIn } from '../support/e2e/central';
import { expect, test } from '../support/e2e/centralTest';

async function post<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`POST ${url} answered ${r.status}`);
  return (await r.json()) as T;
}

/**
 * The demo operator opens a card for an appeal at another workstation, straight through central's sync API;
 * the console under test gets it from the feed. Answers the operator's access token.
 */
async function aCardOfAppealElsewhere(centralUrl: string, fields: Partial<CardFields>): Promise<string> {
  const { accessToken } = await post<{ accessToken: string }>(`${centralUrl}/api/auth/login`, {
    login: 'operator',
    password: 'operator',
  });
  const create: SyncOperation = {
    id: uuidv7(),
    type: 'card.create',
    cardId: uuidv7(),
    createdAt: new Date().toISOString(),
    payload: { fields },
  };
  await post(
    `${centralUrl}/api/sync/push`,
    { operations: [create] },
    { authorization: `Bearer ${accessToken}` },
  );
  return accessToken;
}

/** Inside the Medeu district, where the demo duty officer works (§14). */
const MEDEU = { lat: 43.2382, lon: 76.9568, source: 'device' } as const;

/** A citizen's text appeal from the 102 app in central Almaty, the demo operator's territory. */
const anAppeal = {
  kind: 'text',
  channel: 'app102',
  language: 'ru',
  location: { lat: 43.2567, lon: 76.9286 },
  anonymous: true,
  category: 'otherOffence',
  text: 'Драка во дворе',
};

test.describe('chat with the applicant', () => {
  test.describe.configure({ timeout: 240_000 });
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
  });

  test('the operator reads the citizen as plain text, answers with Enter, and central has the answer once', async ({
    page,
    withCentral,
  }) => {
    const { central, host } = await withCentral();
    const appeal = await post<AppealReceipt>(`${central.url}/api/appeals`, anAppeal);
    const citizen = { 'x-citizen-token': appeal.citizenToken };
    await post(
      `${central.url}/api/appeals/${appeal.id}/messages`,
      { text: '<img src=x onerror=alert(1)> они ещё здесь' },
      citizen,
    );
    // The appeal became a card at another workstation of the same operator; this console gets it from the feed.
    const accessToken = await aCardOfAppealElsewhere(central.url, {
      description: 'Драка во дворе, заявитель на связи в чате',
      category: 'otherOffence',
      location: { lat: 43.2567, lon: 76.9286, source: 'device' },
      appealId: appeal.id,
    });

    await page.goto(host.url);
    await signIn(page, 'operator', 'operator');
    await expect(page.getByTestId('session')).toContainText('Асель Нурланова');
    await page.getByTestId('card-list-item').filter({ hasText: 'заявитель на связи' }).click();

    const chat = page.getByRole('region', { name: 'Chat with the applicant' });
    const lines = chat.getByTestId('chat-line');
    await expect(lines).toHaveCount(1);
    await expect(lines.first()).toContainText('Applicant');
    // Untrusted text is shown as the citizen typed it, never as markup.
    await expect(lines.first()).toContainText('<img src=x onerror=alert(1)> они ещё здесь');
    await expect(chat.locator('img')).toHaveCount(0);

    const input = chat.getByLabel('Message to the applicant');
    await input.fill('Наряд выехал.');
    await input.press('Shift+Enter');
    await input.pressSequentially('Оставайтесь на месте.');
    await input.press('Enter');
    await expect(input).toHaveValue('');
    await expect(lines).toHaveCount(2);
    await expect(lines.nth(1)).toContainText('Operations centre');
    await expect(lines.nth(1)).toContainText('Sent', { timeout: 30_000 });
    await expect(page.getByTestId('unsent-count')).toHaveText('Unsent: 0');

    const r = await fetch(`${central.url}/api/staff/appeals/${appeal.id}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const { messages } = (await r.json()) as { messages: ChatMessage[] };
    expect(messages.filter((m) => m.from === 'staff').map((m) => m.text)).toEqual([
      'Наряд выехал.\nОставайтесь на месте.',
    ]);

    // The citizen's reply arrives by itself (realtime nudge, then the feed).
    await post(`${central.url}/api/appeals/${appeal.id}/messages`, { text: 'Спасибо, ждём' }, citizen);
    await expect(lines).toHaveCount(3);
    await expect(lines.nth(2)).toContainText('Спасибо, ждём');

    // A right-to-left override in citizen text turns only that text around, never the labels beside it.
    await post(`${central.url}/api/appeals/${appeal.id}/messages`, { text: '\u202Egpj.exe' }, citizen);
    await expect(lines).toHaveCount(4);
    const reversed = lines.nth(3).locator('bdi');
    await expect(reversed).toHaveAttribute('dir', 'auto');
    expect(await reversed.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');

    // With central gone, a new line stays on this console, and the operator is told the citizen has not got it.
    await central.stop();
    await page.keyboard.press('Alt+y');
    await expect(page.getByTestId('connectivity')).toContainText('Offline', { timeout: 30_000 });
    await input.fill('Связь пропала, мы на месте.');
    await input.press('Enter');
    await expect(lines).toHaveCount(5);
    await expect(lines.nth(4)).toContainText('On this console only: goes when central is back');
    await expect(page.getByTestId('unsent-count')).toHaveText('Unsent: 1');

    // A card that answers no appeal has nobody to chat with.
    await page.keyboard.press('Alt+n');
    await page.getByLabel('What the applicant says').fill('A walk-in report');
    await expect(chat).toHaveCount(0);
  });

  test('a role without appeals.chat does not see the chat', async ({ page, withCentral }) => {
    const { central, host } = await withCentral();
    const appeal = await post<AppealReceipt>(`${central.url}/api/appeals`, {
      ...anAppeal,
      location: { lat: MEDEU.lat, lon: MEDEU.lon },
    });
    await aCardOfAppealElsewhere(central.url, {
      description: 'Card of an appeal, opened by the duty officer',
      location: MEDEU,
      appealId: appeal.id,
    });

    await page.goto(host.url);
    await signIn(page, 'duty', 'duty');
    await expect(page.getByTestId('session')).toContainText('Данияр Касымов');
    await page.getByTestId('card-list-item').filter({ hasText: 'opened by the duty officer' }).click();
    await expect(page.getByLabel('What the applicant says')).toHaveValue(
      'Card of an appeal, opened by the duty officer',
    );
    await expect(page.getByRole('region', { name: 'Chat with the applicant' })).toHaveCount(0);
  });
});
